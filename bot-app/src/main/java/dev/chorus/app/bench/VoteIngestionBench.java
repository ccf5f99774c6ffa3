package dev.chorus.app.bench;

import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.CoalescedEdits;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.StatementChoice;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Votes per second through {@link Chorus} on the Redis store, beside a raw {@code SET} loop on the
 * same server and connection settings, at the same concurrency, in one run. Votes by reaction with
 * every member on a question of their own, and with every member on one shared statement (the hot
 * case); votes typed as commands, which read the channel's questions before voting; and votes on a
 * statement {@value #CROWD} members voted on before, where a vote's cost must not grow with theirs. Tallies are
 * edited through {@link CoalescedEdits}, as on the platforms, into a chat that shows them nowhere.
 */
public final class VoteIngestionBench {
  static final int THREADS = 20;
  static final int ROUNDS = 3;
  static final Duration WARM_UP = Duration.ofSeconds(2);
  static final Duration MEASURE = Duration.ofSeconds(4);

  public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
    try (var bench = BenchRedis.start("chorus-bench")) {
      var redis = bench.redis;
      out.printf("vote ingestion, %d concurrent members, embedded Redis (AOF everysec); a warm-up round, then %d rounds, "
          + "each load %d s after %d s warm-up; the median of the rounds counts%n", THREADS, ROUNDS, MEASURE.toSeconds(), WARM_UP.toSeconds());
      var payload = "x".repeat(32);
      // Rounds alternate the loads, so a slow spell of this shared machine does not fall on one load only.
      var raw = new double[ROUNDS];
      var spread = new double[ROUNDS];
      var hot = new double[ROUNDS];
      var command = new double[ROUNDS];
      var crowded = new double[ROUNDS];
      // A first round, not counted, lets the JIT compile every path before anything is measured.
      oneRound(redis, payload);
      for (int round = 0; round < ROUNDS; round++) {
        var rates = oneRound(redis, payload);
        raw[round] = rates[0];
        spread[round] = rates[1];
        hot[round] = rates[2];
        command[round] = rates[3];
        crowded[round] = rates[4];
        out.printf(Locale.ROOT, "  round %d: SET %,.0f/s, by reaction spread %,.0f/s, on one statement %,.0f/s, "
            + "by command %,.0f/s, on one statement %d voted on %,.0f/s%n", round + 1, raw[round], spread[round], hot[round],
            command[round], CROWD, crowded[round]);
      }
      double set = median(raw);
      out.printf(Locale.ROOT, "  raw Lettuce SET loop:                     %,10.0f ops/s%n", set);
      out.printf(Locale.ROOT, "  votes by reaction, a question per member: %,10.0f votes/s  (ratio %.2f)%n", median(spread),
          median(spread) / set);
      out.printf(Locale.ROOT, "  votes by reaction, all on one statement:  %,10.0f votes/s  (ratio %.2f)%n", median(hot),
          median(hot) / set);
      out.printf(Locale.ROOT, "  votes by command, all on one statement:   %,10.0f votes/s  (ratio %.2f)%n", median(command),
          median(command) / set);
      out.printf(Locale.ROOT, "  votes by reaction, on one statement %d members voted on: %,10.0f votes/s  (ratio %.2f)%n", CROWD,
          median(crowded), median(crowded) / set);
      return 0;
    }
  }

  private static double median(double[] values) {
    var sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private enum Load { SPREAD, HOT, CROWDED }

  /** How many members voted on the crowded statement before the measured members vote on it. */
  static final int CROWD = 500;

  private enum Way { REACTION, COMMAND }

  /** Members vote again and again, alternating agree and disagree, so every vote is a change that must be written. */
  private static double votes(StringRedisTemplate redis, Load load, Way way) throws InterruptedException {
    var community = new CommunityId("bench-" + load + "-" + way + "-" + System.nanoTime());
    var stores = RedisConfiguration.stores(redis, Clock.systemUTC());
    var links = stores.links();
    var discarding = new DiscardingChat();
    // As both adapters do: a live tally is edited at most once every two seconds.
    var timer = Executors.newSingleThreadScheduledExecutor(task -> {
      var thread = new Thread(task, "bench-edits");
      thread.setDaemon(true);
      return thread;
    });
    var chat = new CoalescedEdits(discarding, timer, Duration.ofSeconds(2));
    var chorus = new Chorus(stores, chat,
        new Pseudonyms("bench-secret-0123456789".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC(),
        Settings.DEFAULTS, new Random(1));
    var events = new AtomicLong();
    var members = new ArrayList<Actor>();
    for (int t = 0; t < THREADS; t++) {
      members.add(Actor.member("M" + t, "member" + t));
    }
    int questionCount = load == Load.SPREAD ? THREADS : 1;
    var statementMessages = new ArrayList<String>();
    for (int q = 0; q < questionCount; q++) {
      var channel = new ChannelId("c" + q);
      handle(chorus, community, channel, members.get(q), events, StandardCommands.OPEN.with("Benchmark question", q));
      int before = discarding.posted.size();
      handle(chorus, community, channel, members.get(q), events, CommandCatalog.bare("The statement to vote on"));
      statementMessages.add(discarding.posted.subList(before, discarding.posted.size()).stream()
          .filter(id -> links.targetOf(community, id).orElse(null) instanceof Target.StatementMessage)
          .findFirst().orElseThrow());
    }
    if (load == Load.CROWDED) {
      for (int m = 0; m < CROWD; m++) {
        chorus.handle(new Inbound.ReactionAdded(community, new ChannelId("c0"), Actor.member("C" + m, "crowd" + m),
            new EventId("b" + events.incrementAndGet()), statementMessages.get(0), m % 3 == 0 ? "👎" : "👍"));
      }
    }
    var accepted = new AtomicLong();
    var handled = new AtomicLong();
    var agrees = new boolean[THREADS];
    var agree = StandardCommands.VOTE.with("V1", StatementChoice.AGREE.word());
    var disagree = StandardCommands.VOTE.with("V1", StatementChoice.DISAGREE.word());
    double rate = measure(thread -> {
      handled.incrementAndGet();
      int q = load == Load.SPREAD ? thread : 0;
      var channel = new ChannelId("c" + q);
      var member = members.get((thread + 1) % THREADS);
      agrees[thread] = !agrees[thread];
      List<Effect.Private> answer;
      if (way == Way.REACTION) {
        var event = new EventId("b" + events.incrementAndGet());
        answer = chorus.handle(new Inbound.ReactionAdded(community, channel, member, event, statementMessages.get(q),
            agrees[thread] ? "👍" : "👎"));
      } else {
        answer = handle(chorus, community, channel, member, events, agrees[thread] ? agree : disagree);
      }
      // A reaction that counts is answered with nothing private; a command with its confirmation.
      boolean counted = way == Way.REACTION ? answer.isEmpty()
          : !answer.isEmpty() && ((Effect.Reply) answer.get(0)).card().plainText().startsWith("Your vote on V1 of ");
      if (counted) {
        accepted.incrementAndGet();
      }
    });
    timer.shutdownNow();
    // Only votes that were recorded count.
    return rate * accepted.get() / Math.max(1, handled.get());
  }

  /**
   * The loads once, in order: a SET loop, then votes spread, on one statement, by command, and on one
   * statement many members voted on.
   */
  private static double[] oneRound(StringRedisTemplate redis, String payload) throws InterruptedException {
    var raw = measure(thread -> redis.opsForValue().set("bench:raw:" + thread, payload));
    // Members vote mostly by reacting; a vote typed as a command reads its channel first.
    var spread = votes(redis, Load.SPREAD, Way.REACTION);
    var hot = votes(redis, Load.HOT, Way.REACTION);
    var command = votes(redis, Load.HOT, Way.COMMAND);
    // What a busy question looks like: each vote's answer must not grow with the votes already there.
    var crowded = votes(redis, Load.CROWDED, Way.REACTION);
    return new double[] {raw, spread, hot, command, crowded};
  }

  private static List<Effect.Private> handle(Chorus chorus, CommunityId community, ChannelId channel, Actor member,
      AtomicLong events, String line) {
    return chorus.handle(new Inbound.CommandInvoked(community, channel, member, new EventId("b" + events.incrementAndGet()),
        line));
  }

  /** Runs the operation on every thread for the warm-up, then counts completions for the measured span. */
  private static double measure(IntConsumer operation) throws InterruptedException {
    var counted = new AtomicLong();
    long start = System.nanoTime();
    long warmEnd = start + WARM_UP.toNanos();
    long end = warmEnd + MEASURE.toNanos();
    var done = new CountDownLatch(THREADS);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      var worker = new Thread(() -> {
        while (true) {
          long now = System.nanoTime();
          if (now >= end) {
            break;
          }
          operation.accept(thread);
          if (now >= warmEnd) {
            counted.incrementAndGet();
          }
        }
        done.countDown();
      });
      worker.start();
    }
    done.await();
    return counted.get() / (MEASURE.toNanos() / 1e9);
  }
}
