package dev.chorus.core.question;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A forgotten member's vote on one item of an anonymous question, still counted in every tally
 * Chorus shows until enough other members have changed their votes on that item, so that the
 * moment a view disappears does not also show how its author voted elsewhere. It names nobody: only
 * the item, the choice, and the other members' votes (pseudonyms) as they were at the forget.
 *
 * @param item {@code s<number>} for a statement, {@code d<number>} for a draft
 * @param choice a {@link StatementChoice} or {@link DraftChoice} name
 * @param othersAtForget every other member's vote on the item when the forget happened, as choice names
 */
public record HeldVote(String item, String choice, Map<MemberKey, String> othersAtForget) {
  /** Other members' changes that must be merged in before the forget's change may show. */
  public static final int CHANGES_TO_MIX_IN = 3;

  public HeldVote {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(choice, "choice");
    othersAtForget = Collections.unmodifiableMap(new LinkedHashMap<>(othersAtForget));
  }

  public static HeldVote onStatement(Statement statement, StatementChoice choice) {
    var others = new LinkedHashMap<MemberKey, String>();
    statement.votes().forEach((member, vote) -> others.put(member, vote.name()));
    return new HeldVote(item(statement.id()), choice.name(), others);
  }

  public static HeldVote onDraft(Draft draft, DraftChoice choice) {
    var others = new LinkedHashMap<MemberKey, String>();
    draft.ballots().forEach((member, ballot) -> others.put(member, ballot.choice().name()));
    return new HeldVote(item(draft.version()), choice.name(), others);
  }

  /** How an item is named here and in the store: the same name for its votes' hash. */
  public static String item(StatementId statement) {
    return "s" + statement.number();
  }

  public static String item(DraftVersion draft) {
    return "d" + draft.number();
  }

  /**
   * Whether enough other changes to this vote's item have been merged in for the forget's change to
   * show; an item that no longer exists holds nothing back.
   */
  public boolean mixedIn(Question question) {
    int number = Integer.parseInt(item.substring(1));
    return item.startsWith("s")
        ? question.statement(new StatementId(number)).map(this::mixedIn).orElse(true)
        : question.draft(new DraftVersion(number)).map(this::mixedIn).orElse(true);
  }

  /** Whether the statement's votes now differ from the snapshot for enough members to show the forget's change. */
  public boolean mixedIn(Statement statement) {
    var now = new LinkedHashMap<MemberKey, String>();
    statement.votes().forEach((member, vote) -> now.put(member, vote.name()));
    return changesSince(now) >= CHANGES_TO_MIX_IN;
  }

  /** Whether the draft's ballots now differ from the snapshot for enough members to show the forget's change. */
  public boolean mixedIn(Draft draft) {
    var now = new LinkedHashMap<MemberKey, String>();
    draft.ballots().forEach((member, ballot) -> now.put(member, ballot.choice().name()));
    return changesSince(now) >= CHANGES_TO_MIX_IN;
  }

  /** Members who voted, changed or took back their vote since the forget. */
  private int changesSince(Map<MemberKey, String> now) {
    int changed = 0;
    for (var entry : now.entrySet()) {
      if (!entry.getValue().equals(othersAtForget.get(entry.getKey()))) {
        changed++;
      }
    }
    for (var member : othersAtForget.keySet()) {
      if (!now.containsKey(member)) {
        changed++;
      }
    }
    return changed;
  }
}
