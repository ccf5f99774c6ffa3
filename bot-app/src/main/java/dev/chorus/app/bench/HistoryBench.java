package dev.chorus.app.bench;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.core.Chorus;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.OutcomePolicy;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementKind;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.ProtocolKeyword;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What a long history costs: {@code bench-history [--communities N] [--closed N] [--open N]} fills an
 * embedded Redis with many communities, each with one channel holding its closed and open questions,
 * and measures a command without {@code #Q} (which finds its question among the channel's), a
 * schedule pass with nothing due, and memory. The same communities with their open questions only,
 * on a second Redis in the same run, are the baseline.
 */
public final class HistoryBench {
  static final int DEFAULT_COMMUNITIES = 1_000;
  static final int DEFAULT_CLOSED = 100_000;
  static final int DEFAULT_OPEN = 1_000;
  private static final int COMMANDS = 400;
  private static final int WARM_UP_COMMANDS = 200;
  private static final int PASSES = 3;
  private static final String USAGE = "bench-history [--communities N] [--closed N] [--open N]";
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private HistoryBench() {}

  public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
    int communities = DEFAULT_COMMUNITIES;
    int closed = DEFAULT_CLOSED;
    int open = DEFAULT_OPEN;
    for (int i = 0; i < args.size(); i++) {
      var value = i + 1 < args.size() ? args.get(i + 1) : "";
      switch (args.get(i)) {
        case "--communities" -> communities = positive(value);
        case "--closed" -> closed = positive(value);
        case "--open" -> open = positive(value);
        default -> {
          out.println("bench-history: unknown argument \"" + args.get(i) + "\". Usage: " + USAGE);
          return 2;
        }
      }
      i++;
    }
    if (communities <= 0 || closed < 0 || open < communities) {
      out.println("bench-history: give whole numbers, with at least one open question per community. Usage: " + USAGE);
      return 2;
    }
    out.printf(Locale.ROOT, "history: %,d communities, %,d closed and %,d open questions, one channel each; "
        + "baseline: the same communities with their open questions only, on a second embedded Redis%n",
        communities, closed, open);
    var baseline = measure(communities, 0, open, out, "baseline (open questions only)");
    var history = measure(communities, closed, open, out, "with the history");
    out.printf(Locale.ROOT, "  command without #Q, p50: %.2f ms with the history, %.2f ms without (%.1f×)%n",
        history.commandP50, baseline.commandP50, history.commandP50 / baseline.commandP50);
    out.printf(Locale.ROOT, "  schedule pass with nothing due: %,d ms, %,d Redis calls, %,d commands run in Redis with "
        + "the history; %,d ms, %,d calls, %,d commands without%n", history.passMillis, history.passCalls,
        history.passCommands, baseline.passMillis, baseline.passCalls, baseline.passCommands);
    return 0;
  }

  private static int positive(String value) {
    try {
      return Integer.parseInt(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private record Figures(double commandP50, long passMillis, long passCalls, long passCommands) {}

  private static Figures measure(int communities, int closed, int open, PrintStream out, String label)
      throws IOException, InterruptedException {
    var roundTrips = new AtomicLong();
    var counter = new CommandLatencyRecorder() {
      @Override
      public void recordCommandLatency(SocketAddress local, SocketAddress remote, ProtocolKeyword commandType,
          long firstResponseLatency, long completionLatency) {
        roundTrips.incrementAndGet();
      }
    };
    try (var bench = BenchRedis.start("chorus-bench-history", counter, Duration.ofSeconds(10), Duration.ofSeconds(5))) {
      var redis = bench.redis;
      var factory = bench.factory();
      var clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);
      var stores = RedisConfiguration.stores(redis, clock);
      long started = System.nanoTime();
      fill(stores, communities, closed, open);
      out.printf(Locale.ROOT, "%s: filled in %,d s; Redis holds %s in %s%n", label,
          Duration.ofNanos(System.nanoTime() - started).toSeconds(), info(factory, "memory", "used_memory_human"),
          info(factory, "keyspace", "db0"));

      var chat = new DiscardingChat();
      var pseudonyms = new Pseudonyms("bench-secret-0123456789".getBytes(StandardCharsets.UTF_8));
      var chorus = new Chorus(stores, chat, pseudonyms, clock, Settings.DEFAULTS, new Random(1));
      var random = new Random(3);
      var events = new AtomicLong();
      var times = new long[COMMANDS];
      for (int i = -WARM_UP_COMMANDS; i < COMMANDS; i++) {
        var community = community(random.nextInt(communities));
        long before = System.nanoTime();
        // Status without #Q: Chorus finds the channel's one open question among all of the channel's.
        chorus.handle(new Inbound.CommandInvoked(community, CHANNEL, Actor.member("U-bench", "bench"),
            new EventId("h" + events.incrementAndGet()), StandardCommands.STATUS.invocation()));
        if (i >= 0) {
          times[i] = System.nanoTime() - before;
        }
      }
      Arrays.sort(times);
      double p50 = times[COMMANDS / 2] / 1e6;
      double p99 = times[(int) (COMMANDS * 0.99)] / 1e6;
      out.printf(Locale.ROOT, "  %s: %s (no #Q) p50 %.2f ms, p99 %.2f ms, over %d commands%n", label,
          StandardCommands.STATUS.invocation(), p50, p99, COMMANDS);

      var schedule = new RunSchedule(stores, ChannelMembers.UNKNOWN, chat, pseudonyms, clock, Settings.DEFAULTS,
          RunSchedule.Timing.DEFAULTS, Observer.NONE);
      // A process's first pass puts every community on the agenda once (the repair after a restart).
      long repairTrips = roundTrips.get();
      long repairStarted = System.nanoTime();
      schedule.run();
      out.printf(Locale.ROOT, "  %s: the first pass after start-up (every community looked at once) took %,d ms, "
          + "%,d Redis calls%n", label, Duration.ofNanos(System.nanoTime() - repairStarted).toMillis(),
          roundTrips.get() - repairTrips);
      long bestMillis = Long.MAX_VALUE;
      long calls = 0;
      long commands = 0;
      for (int pass = 0; pass < PASSES; pass++) {
        long commandsBefore = commandsProcessed(factory);
        long tripsBefore = roundTrips.get();
        long passStarted = System.nanoTime();
        schedule.run();
        long millis = Duration.ofNanos(System.nanoTime() - passStarted).toMillis();
        calls = roundTrips.get() - tripsBefore;
        // The INFO that reads the count is one command itself.
        commands = commandsProcessed(factory) - commandsBefore - 1;
        bestMillis = Math.min(bestMillis, millis);
      }
      out.printf(Locale.ROOT, "  %s: a schedule pass with nothing due took %,d ms (best of %d): %,d Redis calls "
          + "(round trips), %,d commands run in Redis (scripts' own included)%n", label, bestMillis, PASSES, calls,
          commands);
      System.gc();
      var heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      out.printf(Locale.ROOT, "  %s: heap after GC %,d MB%n", label, heap / (1024 * 1024));
      return new Figures(p50, bestMillis, calls, commands);
    }
  }

  private static final ChannelId CHANNEL = new ChannelId("general");

  private static CommunityId community(int index) {
    return new CommunityId("bench:T" + index);
  }

  /** Each community's questions in one commit: closed ones with a view, a draft and an outcome, then open ones. */
  private static void fill(Stores stores, int communities, int closed, int open) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      var work = new ArrayList<Future<?>>();
      for (int c = 0; c < communities; c++) {
        int index = c;
        int closedHere = closed / communities + (c < closed % communities ? 1 : 0);
        int openHere = open / communities + (c < open % communities ? 1 : 0);
        work.add(pool.submit(() -> {
          var community = community(index);
          var questions = new ArrayList<Question>();
          for (int q = 1; q <= closedHere + openHere; q++) {
            questions.add(question(community, q, q <= closedHere));
            // Commits stay small enough for one script call each.
            if (questions.size() == 50) {
              stores.questions().commit(community, List.copyOf(questions), null);
              questions.clear();
            }
          }
          if (!questions.isEmpty()) {
            stores.questions().commit(community, questions, null);
          }
        }));
      }
      for (var future : work) {
        try {
          future.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("filling the history failed", e.getCause());
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  private static Question question(CommunityId community, int number, boolean closed) {
    var opener = MemberKey.of(new dev.chorus.core.community.MemberId("U" + number % 7));
    var openedAt = NOW.minus(Duration.ofDays(closed ? 20 + number % 300 : 1));
    var view = Statement.posted(new StatementId(1), StatementKind.VIEW, opener, "member", "A view on question " + number,
        openedAt, null, null);
    var question = new Question(community, new QuestionId(number), CHANNEL, 0, "Question " + number, "", "",
        closed ? null : NOW.plus(Duration.ofDays(7)), false, opener, "member", "", openedAt, QuestionStatus.OPEN,
        List.of(view), List.of(), List.of());
    if (!closed) {
      return question;
    }
    var draft = new Draft(new DraftVersion(1), "The joint response to question " + number, "member", false, openedAt,
        Map.of(opener, new DraftBallot(DraftChoice.AGREE, openedAt, "member", null)));
    var withDraft = question.withDraft(draft);
    Outcome outcome = new OutcomePolicy(Outcome.Thresholds.DEFAULTS).evaluate(withDraft, Optional.of(draft),
        openedAt.plus(Duration.ofDays(3)), "member");
    return withDraft.closedWith(outcome);
  }

  private static long commandsProcessed(LettuceConnectionFactory factory) {
    return Long.parseLong(info(factory, "stats", "total_commands_processed"));
  }

  private static String info(LettuceConnectionFactory factory, String section, String field) {
    try (var connection = factory.getConnection()) {
      var properties = connection.serverCommands().info(section);
      return properties == null ? "?" : properties.getProperty(field, "?");
    }
  }
}
