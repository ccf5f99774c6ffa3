package dev.chorus.core.vote;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.MemberReaction;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.question.StatementChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What reconciling one vote message finds: the platform's reactions now against those Chorus last
 * saw there. A reaction that appeared counts as if its event had come; one that disappeared is
 * taken back as its removal would be (so only if it is the vote that counts). Reactions that are no
 * vote, and those of bots, are left out.
 *
 * <p>When one member has several new vote reactions on the message, nobody can tell which came
 * last, so none of them counts: the member is asked to choose ({@link Found#unclear}), and they are
 * recorded as seen so the question is asked once.
 */
public final class ReactionDifferences {
  private ReactionDifferences() {}

  /** One member's reaction meaning {@code choice} appeared or disappeared. */
  public record Change(Actor member, String choice, String emoji) {}

  /** A member with several new vote reactions at once, and the choices they mean. */
  public record Unclear(Actor member, Set<String> choices) {}

  public record Found(List<Change> disappeared, List<Change> appeared, List<Unclear> unclear) {
    public boolean nothing() {
      return disappeared.isEmpty() && appeared.isEmpty() && unclear.isEmpty();
    }
  }

  /**
   * @param draft whether the message shows a draft (agree, abstain, disagree, block) or a statement
   *     (agree, disagree, pass)
   */
  public static Found between(Set<SeenReactions.Seen> seen, List<MemberReaction> now, boolean draft) {
    var members = new LinkedHashMap<MemberId, Actor>();
    var current = new LinkedHashMap<MemberId, Set<String>>();
    for (var reaction : now) {
      if (reaction.member().bot()) {
        continue;
      }
      var choice = choiceOf(reaction.emoji(), draft);
      if (choice.isPresent()) {
        members.putIfAbsent(reaction.member().id(), reaction.member());
        current.computeIfAbsent(reaction.member().id(), m -> new TreeSet<>()).add(choice.get());
      }
    }
    var before = new LinkedHashMap<MemberId, Set<String>>();
    seen.stream().sorted(java.util.Comparator.comparing((SeenReactions.Seen s) -> s.member().value())
        .thenComparing(SeenReactions.Seen::choice))
        .forEach(s -> before.computeIfAbsent(s.member(), m -> new TreeSet<>()).add(s.choice()));

    var disappeared = new ArrayList<Change>();
    for (var entry : before.entrySet()) {
      var still = current.getOrDefault(entry.getKey(), Set.of());
      for (var choice : entry.getValue()) {
        if (!still.contains(choice)) {
          var member = members.getOrDefault(entry.getKey(), Actor.member(entry.getKey().value(), entry.getKey().value()));
          disappeared.add(new Change(member, choice, emojiOf(choice, draft)));
        }
      }
    }
    var appeared = new ArrayList<Change>();
    var unclear = new ArrayList<Unclear>();
    for (var entry : current.entrySet()) {
      var fresh = new LinkedHashSet<>(entry.getValue());
      fresh.removeAll(before.getOrDefault(entry.getKey(), Set.of()));
      // current and members are filled for the same members, in the loop above.
      var member = Objects.requireNonNull(members.get(entry.getKey()));
      if (fresh.size() == 1) {
        var choice = fresh.iterator().next();
        appeared.add(new Change(member, choice, emojiOf(choice, draft)));
      } else if (fresh.size() > 1) {
        unclear.add(new Unclear(member, Set.copyOf(fresh)));
      }
    }
    return new Found(disappeared, appeared, unclear);
  }

  /** The word of the choice a reaction means on such a message, if it means one. */
  public static Optional<String> choiceOf(String emoji, boolean draft) {
    return draft ? Reactions.draftChoice(emoji).map(DraftChoice::word)
        : Reactions.statementChoice(emoji).map(StatementChoice::word);
  }

  private static String emojiOf(String choice, boolean draft) {
    return draft ? DraftChoice.parse(choice).orElseThrow().emoji() : StatementChoice.parse(choice).orElseThrow().emoji();
  }

  /** For the member's private word: the choices as their emoji. */
  public static String emojiList(Set<String> choices, boolean draft) {
    var out = new ArrayList<String>();
    for (var choice : new TreeSet<>(choices)) {
      out.add(emojiOf(choice, draft) + " " + choice);
    }
    return String.join(", ", out);
  }
}
