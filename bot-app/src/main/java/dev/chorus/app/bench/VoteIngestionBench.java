package dev.chorus.app.bench;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.redis.RedisServerHandle;
import dev.chorus.app.redis.RedisSettings;
import dev.chorus.app.store.CachingMessageLinks;
import dev.chorus.app.store.RedisMessageLinks;
import dev.chorus.app.store.RedisQuestions;
import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Votes per second through {@link Chorus} on the Redis store, beside a raw {@code SET} loop on the
 * same server and connection settings, at the same concurrency, in one run. Two vote loads: every
 * member on a question of their own, and every member on one shared question (the hot case).
 */
public final class VoteIngestionBench {
  static final int THREADS = 20;
  static final Duration WARM_UP = Duration.ofSeconds(3);
  static final Duration MEASURE = Duration.ofSeconds(6);

  public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
    var data = Files.createTempDirectory("chorus-bench");
    var server = EmbeddedRedis.start(data);
    var resources = RedisConfiguration.clientResources();
    var factory = RedisConfiguration.connectionFactory(RedisServerHandle.embedded(server).url(),
        new RedisSettings(null, data, Duration.ofSeconds(2), Duration.ofSeconds(2)), resources);
    factory.afterPropertiesSet();
    factory.start();
    try {
      var redis = new StringRedisTemplate(factory);
      out.printf("vote ingestion, %d concurrent members, %d s after %d s warm-up, embedded Redis (AOF everysec)%n",
          THREADS, MEASURE.toSeconds(), WARM_UP.toSeconds());
      var payload = "x".repeat(32);
      double raw = measure(thread -> redis.opsForValue().set("bench:raw:" + thread, payload));
      out.printf(Locale.ROOT, "  raw Lettuce SET loop:                   %,10.0f ops/s%n", raw);
      double spread = votes(redis, false);
      out.printf(Locale.ROOT, "  votes, one question per member:        %,10.0f votes/s  (ratio %.2f)%n", spread, spread / raw);
      double hot = votes(redis, true);
      out.printf(Locale.ROOT, "  votes, all members on one question:    %,10.0f votes/s  (ratio %.2f)%n", hot, hot / raw);
      return 0;
    } finally {
      factory.destroy();
      resources.shutdown();
      server.close();
    }
  }

  /** Members vote again and again (alternating agree and disagree, so every vote is a change). */
  private static double votes(StringRedisTemplate redis, boolean oneQuestion) throws InterruptedException {
    var community = new CommunityId("bench-" + (oneQuestion ? "hot" : "spread") + "-" + System.nanoTime());
    var chorus = new Chorus(new RedisQuestions(redis), new CachingMessageLinks(new RedisMessageLinks(redis), Clock.systemUTC()),
        new DiscardingChat(),
        new Pseudonyms("bench-secret-0123456789".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC(),
        Settings.DEFAULTS, new Random(1));
    var events = new AtomicLong();
    var members = new ArrayList<Actor>();
    for (int t = 0; t < THREADS; t++) {
      members.add(Actor.member("M" + t, "member" + t));
    }
    int questions = oneQuestion ? 1 : THREADS;
    for (int q = 0; q < questions; q++) {
      var channel = new ChannelId("c" + q);
      handle(chorus, community, channel, members.get(q), events, "/respond open Benchmark question " + q);
      handle(chorus, community, channel, members.get(q), events, "/respond The statement to vote on");
    }
    var accepted = new AtomicLong();
    var handled = new AtomicLong();
    // Each member flips their vote every time, so every vote is a change that must be written.
    var agrees = new boolean[THREADS];
    double rate = measure(thread -> {
      handled.incrementAndGet();
      var channel = new ChannelId("c" + (oneQuestion ? 0 : thread));
      agrees[thread] = !agrees[thread];
      var choice = agrees[thread] ? "agree" : "disagree";
      var answer = handle(chorus, community, channel, members.get((thread + 1) % THREADS), events,
          "/respond vote V1 " + choice);
      if (!answer.isEmpty() && ((Effect.Reply) answer.get(0)).card().plainText().startsWith("Your vote on V1: ")) {
        accepted.incrementAndGet();
      }
    });
    // Only votes that changed something count: a repeated choice writes nothing.
    return rate * accepted.get() / Math.max(1, handled.get());
  }

  private static List<Effect.Private> handle(Chorus chorus, CommunityId community, ChannelId channel, Actor member,
      AtomicLong events, String line) {
    return chorus.handle(new Inbound.CommandInvoked(community, channel, member, new EventId("b" + events.incrementAndGet()),
        line));
  }

  /** Runs the operation on every thread for the warm-up, then counts completions for the measured span. */
  private static double measure(IntConsumer operation) throws InterruptedException {
    var counted = new AtomicLong();
    var measuring = new boolean[] {false};
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

  /** A platform that takes every message and shows it nowhere: the benchmark measures Chorus and Redis. */
  private static final class DiscardingChat implements Chat {
    private final AtomicLong ids = new AtomicLong();

    @Override
    public PostedMessage post(CommunityId community, Destination destination, Card card) {
      return new PostedMessage("m" + ids.incrementAndGet(), destination);
    }

    @Override
    public void edit(CommunityId community, PostedMessage message, Card card) {}
  }
}
