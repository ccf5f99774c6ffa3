package dev.chorus.benchmarks.load;

import dev.chorus.core.Stores;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** The run's question (Q1) and its views' cards: what is stored, what the cards show, and when. */
final class Question {
  private Question() {}

  /** One edit of a card that the platform took, and the agree count it showed. */
  record Edit(Instant at, long agree) {}

  /** The members' votes stored on the views. */
  static long counted(Stores stores, CommunityId community, int statements) {
    var question = stores.questions().find(community, new QuestionId(1)).orElseThrow();
    long votes = 0;
    for (int s = 1; s <= statements; s++) {
      votes += question.statement(new StatementId(s)).orElseThrow().votes().size();
    }
    return votes;
  }

  /** Each view's agree count as the stored question has it: what its card should show. */
  static List<Long> due(Stores stores, CommunityId community, int statements) {
    var question = stores.questions().find(community, new QuestionId(1)).orElseThrow();
    var due = new ArrayList<Long>();
    for (int s = 1; s <= statements; s++) {
      due.add((long) question.shownTally(question.statement(new StatementId(s)).orElseThrow()).agree());
    }
    return due;
  }

  static long sum(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sum();
  }

  /** The agree counts the cards show now, summed: each card's latest edit. */
  static long shown(List<String> messages, Function<String, List<Edit>> edits) {
    long total = 0;
    for (var message : messages) {
      var made = edits.apply(message);
      total += made.isEmpty() ? 0 : made.get(made.size() - 1).agree();
    }
    return total;
  }

  /** When the last edit of any card reached the platform. */
  static Instant lastEdit(List<String> messages, Function<String, List<Edit>> edits) {
    var last = Instant.EPOCH;
    for (var message : messages) {
      for (var edit : edits.apply(message)) {
        last = edit.at().isAfter(last) ? edit.at() : last;
      }
    }
    return last;
  }

  /**
   * For each vote, the time until its card first showed at least as many votes as had been cast on
   * it by then (above what it showed before anyone voted): the vote is on the card no later than that.
   */
  static Figures voteToTally(List<String> messages, Function<String, List<Edit>> edits, Map<Integer, List<Instant>> sent,
      List<Long> before) {
    var figures = new Figures();
    for (int s = 0; s < messages.size(); s++) {
      var made = edits.apply(messages.get(s));
      var times = sent.getOrDefault(s, List.of());
      for (int i = 0; i < times.size(); i++) {
        var castAt = times.get(i);
        long needed = before.get(s) + i + 1;
        made.stream().filter(e -> !e.at().isBefore(castAt) && e.agree() >= needed).findFirst()
            .ifPresent(e -> figures.add(Duration.between(castAt, e.at())));
      }
    }
    return figures;
  }

  static void await(BooleanSupplier done, Duration within, String what) throws InterruptedException {
    if (!awaitAtMost(done, within)) {
      throw new IllegalStateException("never happened: " + what);
    }
  }

  /** Whether it came true within the time; a run that falls short reports what it saw. */
  static boolean awaitAtMost(BooleanSupplier done, Duration within) throws InterruptedException {
    long until = System.nanoTime() + Math.max(0, within.toNanos());
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
