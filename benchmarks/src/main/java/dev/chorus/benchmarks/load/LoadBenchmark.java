package dev.chorus.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -cp benchmarks/target/benchmarks.jar dev.chorus.benchmarks.load.LoadBenchmark
 * [--members 50,500] [--statements 4] [--window 20s]}: simulated members vote by reaction on a
 * question's views, each member on each view once at a random moment of the window, through the
 * real Slack adapter (Bolt, Socket Mode) against the fake Slack, on the embedded Redis. Beside it, in
 * the same process and with the same events, a Bolt app that only acknowledges. Prints each run's
 * figures and whether the targets are met.
 */
public final class LoadBenchmark {
  static final Duration ACK_P99_AT_50 = Duration.ofMillis(50);
  static final double ACK_P99_AGAINST_BASELINE_AT_500 = 1.5;
  static final long MOST_HEAP_MB = 256;
  private static final String USAGE =
      "LoadBenchmark [--members 50,500] [--statements 4] [--window 20s] [--platforms slack,discord]";

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    var members = List.of(50, 500);
    int statements = 4;
    var window = Duration.ofSeconds(20);
    var platforms = List.of("Slack", "Discord");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--platforms" -> platforms = java.util.Arrays.stream(args[i + 1].split(","))
            .map(p -> p.strip().equalsIgnoreCase("slack") ? "Slack" : "Discord").toList();
        case "--members" -> {
          var list = new ArrayList<Integer>();
          for (var n : args[i + 1].split(",")) {
            list.add(Integer.parseInt(n.strip()));
          }
          members = list;
        }
        case "--statements" -> statements = Integer.parseInt(args[i + 1]);
        case "--window" -> window = Duration.parse("PT" + args[i + 1].toUpperCase(Locale.ROOT));
        default -> {
          System.out.println("unknown argument " + args[i] + ". Usage: " + USAGE);
          System.exit(2);
        }
      }
    }
    if (args.length % 2 == 1) {
      System.out.println("Usage: " + USAGE);
      System.exit(2);
    }
    System.out.printf(Locale.ROOT, "Load: each member votes 👍 on each of %d views once, at a random moment of a %d s "
        + "window, on the embedded Redis. Slack: by reaction, through Bolt over Socket Mode against the fake Slack "
        + "(30–150 ms a call, Slack's rate limits). Discord: on the first view by the vote command, on the others by "
        + "reaction, through JDA against the fake Discord (its latency and rate limits). Baselines, in this process: "
        + "an app on the same SDK and transport that only acknowledges the same events.%n", statements,
        window.toSeconds());
    boolean allMet = true;
    for (var platform : platforms) {
      for (int n : members) {
        // A warm-up run, not counted, so neither side is measured while the JIT compiles it.
        if (n == members.get(0)) {
          baseline(platform, Math.min(n, 20), statements, Duration.ofSeconds(2), 1);
          chorus(platform, Math.min(n, 20), statements, Duration.ofSeconds(2), 1);
        }
        var baseline = baseline(platform, n, statements, window, 7);
        var run = chorus(platform, n, statements, window, 7);
        allMet &= report(platform, n, baseline, run);
      }
    }
    System.out.println();
    System.out.println(allMet ? "every target met" : "some targets not met");
    System.exit(0);
  }

  private static Figures baseline(String platform, int members, int statements, Duration window, long seed)
      throws Exception {
    return platform.equals("Slack") ? SlackLoad.baseline(members, statements, window, seed)
        : DiscordLoad.baseline(members, statements, window, seed);
  }

  private static SlackLoad.Run chorus(String platform, int members, int statements, Duration window, long seed)
      throws Exception {
    return platform.equals("Slack") ? SlackLoad.chorus(members, statements, window, seed)
        : DiscordLoad.chorus(members, statements, window, seed);
  }

  /** Prints one run beside its baseline; whether every target was met. */
  private static boolean report(String platform, int n, Figures baseline, SlackLoad.Run run) {
    boolean allMet = true;
    System.out.printf(Locale.ROOT, "%n%s, %d members, %,d votes:%n", platform, n, run.votes());
    System.out.printf(Locale.ROOT, "  acknowledgement p50 / p99:  Chorus %s; baseline %s (%s)%n",
        run.acknowledgements().p50p99(), baseline.p50p99(), platform.equals("Slack")
            ? "every event's envelope acknowledged over Socket Mode"
            : "the vote commands' first interaction responses; reactions have no acknowledgement");
    System.out.printf(Locale.ROOT, "  vote to tally edit p50 / p99: %s (%,d of %,d votes seen on a card)%n",
        run.voteToTally().p50p99(), run.voteToTally().count(), run.votes());
    double stored = run.storedAfter().toNanos() / 1e9;
    System.out.printf(Locale.ROOT, "  votes per second: %,.0f (every vote stored %.1f s after the window opened, "
        + "every card right %.1f s after)%n", run.votes() / Math.max(stored, 1e-9), stored,
        run.lastShownAfter().toNanos() / 1e9);
    System.out.printf(Locale.ROOT, "  votes stored: %,d of %,d; agrees on the cards: %,d of the %,d stored "
        + "(authors' own included)%n", run.counted(), run.votes(), run.shown(), run.due());
    System.out.printf(Locale.ROOT, "  heap after GC: %,d MB (the whole process: Chorus, the SDK, Lettuce and the fakes)%n",
        run.heapMegabytes());
    var targets = new ArrayList<String>();
    var p99 = run.acknowledgements().percentile(0.99);
    if (n <= 50) {
      targets.add(met(p99.compareTo(ACK_P99_AT_50) <= 0, "acknowledgement p99 ≤ 50 ms"));
    } else {
      var limit = baseline.percentile(0.99).toNanos() * ACK_P99_AGAINST_BASELINE_AT_500;
      targets.add(met(p99.toNanos() <= limit, "acknowledgement p99 ≤ 1.5× the baseline's ("
          + Figures.format(Duration.ofNanos((long) limit)) + ")"));
    }
    targets.add(met(run.counted() == run.votes() && run.shown() == run.due(), "no vote lost"));
    targets.add(met(run.heapMegabytes() <= MOST_HEAP_MB, "heap ≤ 256 MB"));
    for (var target : targets) {
      System.out.println("  target " + target);
      allMet &= target.endsWith(": met");
    }
    return allMet;
  }

  private static String met(boolean met, String target) {
    return target + ": " + (met ? "met" : "NOT met");
  }
}
