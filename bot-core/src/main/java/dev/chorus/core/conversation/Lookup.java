package dev.chorus.core.conversation;

import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Finds the question a command is about: the one named with {@code #Q3}, else the channel's only
 * open question; otherwise a reason and what to type instead.
 */
public final class Lookup {
  private final Questions questions;
  private final java.time.Clock clock;
  private final java.time.Duration recentlyClosed;

  /** @param recentlyClosed how long a closed question is still found without its number */
  public Lookup(Questions questions, java.time.Clock clock, java.time.Duration recentlyClosed) {
    this.questions = questions;
    this.clock = clock;
    this.recentlyClosed = recentlyClosed;
  }

  /** How the command looked up is written naming a question, for the hint when it names none among several. */
  @FunctionalInterface
  public interface Usage {
    String on(QuestionId question);
  }

  /** What a lookup found. */
  public sealed interface Found {
    record Hit(Question question) implements Found {}

    record Nothing(Decision.Rejected rejection) implements Found {}
  }

  /** A question that takes views and votes: it must be open. */
  public Found openQuestion(Request request, Usage usage) {
    var found = anyQuestion(request, usage);
    if (found instanceof Found.Hit hit && !hit.question().open()) {
      var q = hit.question();
      return nothing(q.id() + " is closed, so it takes no more views, votes or drafts.",
          StandardCommands.LIST.invocation() + " to see the open questions; a facilitator can "
              + StandardCommands.REOPEN.on(q.id()));
    }
    return found;
  }

  /**
   * Any question: the named one, else the channel's only open one, else the channel's most recently
   * closed one, if it closed lately (so {@code export} right after {@code close} works). An older one
   * is found only by its number: what a command costs does not grow with the channel's history.
   */
  public Found anyQuestion(Request request, Usage usage) {
    if (request.named() != null) {
      var named = questions.find(request.community(), request.named());
      if (named.isEmpty()) {
        return nothing("There is no " + request.named() + " in this community.",
            StandardCommands.LIST.with(StandardCommands.ALL) + " to see every question");
      }
      if (!named.get().channel().equals(request.channel())) {
        return nothing(request.named() + " belongs to another channel; commands about it work there.",
            "run the command in that channel, or " + StandardCommands.LIST.invocation() + " to see this channel's questions");
      }
      return new Found.Hit(named.get());
    }
    var inChannel = questions.inChannel(request.community(), request.channel(), clock.instant().minus(recentlyClosed));
    var open = inChannel.stream().filter(Question::open).toList();
    if (open.size() == 1) {
      return new Found.Hit(open.get(0));
    }
    if (open.size() > 1) {
      return nothing("Several questions are open in this channel: " + describe(open) + ".",
          "name one right after " + CommandCatalog.SLASH_COMMAND + ", for example: " + usage.on(open.get(0).id()));
    }
    var lastClosed = inChannel.stream()
        .max(Comparator.comparing((Question q) -> q.latestOutcome().map(o -> o.closedAt()).orElse(q.openedAt())));
    if (lastClosed.isPresent()) {
      return new Found.Hit(lastClosed.get());
    }
    if (questions.lastNumber(request.community()) == 0) {
      return nothing("There is no question in this channel yet.", StandardCommands.OPEN.with("<title>") + " to open one");
    }
    return nothing("There is no open or recently closed question in this channel.",
        "name an older one by the number its card and outcome show, for example " + usage.on(new QuestionId(1))
            + ", or " + StandardCommands.OPEN.with("<title>") + " to open one");
  }

  private static String describe(List<Question> open) {
    return open.stream().map(q -> q.id().toString()).collect(Collectors.joining(", "));
  }

  private static Found nothing(String reason, String hint) {
    return new Found.Nothing(Decision.Rejected.because(reason, hint));
  }

  /** The question, or null when the lookup was refused (then {@link #rejection} says why). */
  public static @Nullable Question questionOf(Found found) {
    return found instanceof Found.Hit hit ? hit.question() : null;
  }

  public static Decision.Rejected rejection(Found found) {
    return ((Found.Nothing) found).rejection();
  }
}
