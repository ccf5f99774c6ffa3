package dev.chorus.app;

import static dev.chorus.app.SlackDriver.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.core.Stores;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import dev.chorus.slack.FakeSlackApi;
import dev.chorus.slack.FakeSocketMode;
import dev.chorus.slack.SlackIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Members do not wait for Chorus: they vote the instant a message appears, while Chorus is still
 * seeding its reactions and before it has even had the message's id back. Against the fake Slack
 * with Slack's latency and rate limits, through the running application, in both transports.
 */
class SlackVotesAtHumanSpeedIT {
  private static final CommunityId WORKSPACE = SlackIds.community("T1");

  @TempDir
  Path data;

  private EmbeddedRedis redis;
  private FakeSlackApi slack;
  private FakeSocketMode socket;
  private ConfigurableApplicationContext app;
  private SlackDriver members;
  private Stores stores;
  /** Members act at once, as people do. */
  private final ExecutorService people = Executors.newFixedThreadPool(6);

  private void start(String transport) throws Exception {
    redis = EmbeddedRedis.start(data.resolve("redis"));
    slack = new FakeSlackApi();
    socket = transport.equals("Socket Mode") ? new FakeSocketMode() : null;
    if (socket != null) {
      slack.socketUrl(socket.url());
    }
    var mode = socket != null ? "--chorus.slack.app-token=" + FakeSlackApi.APP_TOKEN
        : "--chorus.slack.signing-secret=" + SlackDriver.SECRET;
    app = new SpringApplicationBuilder(ChorusApplication.class).run("--server.port=0",
        "--chorus.redis.url=" + redis.url().toUriWithPassword(), "--chorus.secret=slack-speed-secret-0123456789",
        "--chorus.slack.bot-token=" + FakeSlackApi.TOKEN, mode, "--chorus.slack.api-url=" + slack.url());
    if (socket != null) {
      assertThat(socket.awaitConnection()).as("Chorus connected over Socket Mode").isTrue();
    }
    members = new SlackDriver(URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort()
        + "/slack/events"), socket, slack);
    stores = app.getBean(Stores.class);
  }

  @AfterEach
  void stop() throws Exception {
    people.shutdownNow();
    if (app != null) {
      app.close();
    }
    if (socket != null) {
      socket.close();
    }
    if (slack != null) {
      slack.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static String id(FakeSlackApi.Posted posted) {
    return posted.channel() + ":" + posted.ts();
  }

  private void react(String user, String messageId, String name) throws Exception {
    members.react(user, messageId, name);
  }

  private void unreact(String user, String messageId, String name) throws Exception {
    members.unreact(user, messageId, name);
  }

  private String shown(String messageId) {
    var message = slack.message(messageId.substring(0, messageId.indexOf(':')), messageId.substring(messageId.indexOf(':') + 1));
    return message.map(FakeSlackApi.Message::blocks).orElse("");
  }

  /** Q1 opened, and its card in the channel, where members see it before they take part. */
  private void open() throws Exception {
    members.command("UANA", "C1", "open Should we answer the ministry's consultation? --for the Ministry of Health");
    until("Q1's card posted", () -> !stores.links().messagesOf(WORKSPACE, new Target.QuestionCard(new QuestionId(1)))
        .isEmpty());
  }

  /** The id of the message showing the target, once Chorus has linked it. */
  private String linked(Target target) throws InterruptedException {
    until("a message showing " + target, () -> !stores.links().messagesOf(WORKSPACE, target).isEmpty());
    return stores.links().messagesOf(WORKSPACE, target).get(0).id();
  }

  private void openWithAView() throws Exception {
    open();
    members.command("UANA", "C1", "We should, with an opt-out");
    until("V1 shared", () -> stores.questions().find(WORKSPACE, new QuestionId(1)).orElseThrow().statements().size() == 1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HTTP mode", "Socket Mode"})
  void twentyFiveMembersVoteWithinTwoSecondsOfTheDraftAppearingAndEveryVoteCounts(String transport) throws Exception {
    start(transport);
    openWithAView();
    var lastVote = new AtomicLong();
    var voting = new AtomicReference<CompletableFuture<Void>>();
    var appeared = new AtomicLong();
    slack.onPosted(posted -> {
      // The draft in the question's thread: every member votes on it the moment they see it.
      if (posted.threadTs() != null && posted.blocks().contains("Draft v1 of Q1") && voting.get() == null) {
        appeared.set(System.nanoTime());
        var votes = new ArrayList<CompletableFuture<Void>>();
        for (int m = 1; m <= 24; m++) {
          var user = String.format("U%02d", m);
          votes.add(CompletableFuture.runAsync(() -> {
            try {
              react(user, id(posted), "white_check_mark");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }, people));
        }
        // The twenty-fifth changes their mind: agree, then not, then disagree.
        votes.add(CompletableFuture.runAsync(() -> {
          try {
            react("U25", id(posted), "white_check_mark");
            unreact("U25", id(posted), "white_check_mark");
            react("U25", id(posted), "x");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, people));
        voting.set(CompletableFuture.allOf(votes.toArray(CompletableFuture[]::new))
            .thenRun(() -> lastVote.set(System.nanoTime())));
      }
    });

    members.command("UANA", "C1", "#Q1 draft We answer the ministry: support, with an opt-out and audits.");
    until("the votes cast", () -> voting.get() != null && voting.get().isDone());
    voting.get().join();
    var castWithin = Duration.ofNanos(lastVote.get() - appeared.get());
    assertThat(castWithin).as("all votes cast within two seconds of the draft appearing").isLessThan(Duration.ofSeconds(2));

    var draft = linked(new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)));
    until("the exact tally shown", () -> shown(draft).contains("24 agree") && shown(draft).contains("1 disagree"));
    var exactAfter = Duration.ofNanos(System.nanoTime() - lastVote.get());
    var ballots = stores.questions().find(WORKSPACE, new QuestionId(1)).orElseThrow().draft(new DraftVersion(1)).orElseThrow()
        .ballots();
    assertThat(ballots).hasSize(25);

    members.command("UANA", "C1", "#Q1 close");
    until("the outcome posted", () -> slack.calls("chat.postMessage").stream()
        .anyMatch(c -> c.status() == 200 && c.params().get("blocks").contains("Q1 closed")));
    var outcome = slack.calls("chat.postMessage").stream().filter(c -> c.params().get("blocks").contains("Q1 closed"))
        .findFirst().orElseThrow().params().get("blocks");
    assertThat(outcome).contains("24 agree").contains("1 disagree");
    assertThat(slack.violations()).isEmpty();
    assertThat(members.acknowledgements).allMatch(took -> took.compareTo(Duration.ofSeconds(3)) < 0);
    System.out.printf("slack votes at human speed, %s: 25 of 25 votes counted (cast within %d ms of the draft "
            + "appearing); exact tally shown %.1f s after the last vote; %d calls answered 429%n", transport,
        castWithin.toMillis(), exactAfter.toMillis() / 1000.0,
        slack.methods().stream().mapToLong(m -> slack.calls(m).stream().filter(c -> c.status() == 429).count()).sum());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HTTP mode", "Socket Mode"})
  void twelveMembersReactToAViewTheMomentItAppears(String transport) throws Exception {
    start(transport);
    open();
    var voting = new AtomicReference<CompletableFuture<Void>>();
    slack.onPosted(posted -> {
      if (posted.threadTs() != null && posted.blocks().contains("V1") && voting.get() == null) {
        var votes = new ArrayList<CompletableFuture<Void>>();
        for (int m = 1; m <= 12; m++) {
          var user = String.format("U%02d", m);
          var name = m <= 9 ? "+1" : m <= 11 ? "-1" : "shrug";
          votes.add(CompletableFuture.runAsync(() -> {
            try {
              react(user, id(posted), name);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }, people));
        }
        voting.set(CompletableFuture.allOf(votes.toArray(CompletableFuture[]::new)));
      }
    });

    members.command("UBEN", "C1", "We should answer, and say what worries us");
    until("the votes cast", () -> voting.get() != null && voting.get().isDone());
    voting.get().join();
    var view = linked(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    // Its author agrees with their own view: twelve members and the author.
    until("the view's exact tally shown", () -> shown(view).contains("👍 10 agree · 👎 2 disagree · 🤷 1 pass"));
    assertThat(stores.questions().find(WORKSPACE, new QuestionId(1)).orElseThrow().statement(new StatementId(1))
        .orElseThrow().votes()).hasSize(12);
    assertThat(slack.violations()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HTTP mode", "Socket Mode"})
  void theDrafterIsAnsweredWithinTwoSecondsWhileEarlierDraftsAreStillBeingSeeded(String transport) throws Exception {
    start(transport);
    openWithAView();
    // Slack makes the seeding wait from its first call: the seeds of the drafts below stay queued while the
    // next draft comes, however quickly or slowly this machine gets there.
    slack.rateLimitNext("reactions.add", 12);
    // Three drafts in a row in one question: their seeds (four on each of six messages) queue behind Slack's limits.
    for (int v = 1; v <= 3; v++) {
      members.command("UANA", "C1", "#Q1 draft Draft number " + v + " of our answer.");
    }
    linked(new Target.DraftAnnouncement(new QuestionId(1), new DraftVersion(3)));
    // Meanwhile a second question, in another channel, gets its first draft.
    members.command("UBEN", "C2", "open Shall we also write to the council?");
    until("Q2's card posted", () -> !stores.links().messagesOf(WORKSPACE, new Target.QuestionCard(new QuestionId(2)))
        .isEmpty());
    members.command("UBEN", "C2", "#Q2 Yes, briefly");
    linked(new Target.StatementMessage(new QuestionId(2), new StatementId(1)));
    // A member reads the view before drafting, as people do.
    Thread.sleep(1_500);
    long queued = 24 - slack.calls("reactions.add").stream().filter(c -> c.status() == 200)
        .filter(c -> !c.params().get("channel").equals("C2")).count();
    assertThat(queued).as("seeds of the three drafts still queued when the next draft comes").isPositive();

    int ephemeralsBefore = slack.calls("chat.postEphemeral").size();
    long sent = System.nanoTime();
    members.command("UBEN", "C2", "#Q2 draft We write to the council, briefly.");
    until("the drafter's confirmation", () -> slack.calls("chat.postEphemeral").stream().skip(ephemeralsBefore)
        .anyMatch(c -> c.params().get("user").equals("UBEN") && c.params().get("blocks").contains("Draft v1")));
    var confirmed = Duration.ofNanos(System.nanoTime() - sent);
    assertThat(confirmed).as("the drafter's private confirmation").isLessThan(Duration.ofSeconds(2));

    var thread = linked(new Target.DraftMessage(new QuestionId(2), new DraftVersion(1)));
    var announced = slack.calls("chat.postMessage").stream().filter(c -> c.status() == 200
        && c.params().get("blocks").contains("New draft v1 for Q2")).findFirst().orElseThrow();
    until("the draft seeded", () -> slack.calls("reactions.add").stream().filter(c -> c.status() == 200)
        .filter(c -> thread.endsWith(c.params().get("timestamp"))).count() == 4);
    var lastSeed = slack.calls("reactions.add").stream().filter(c -> thread.endsWith(c.params().get("timestamp")))
        .reduce((a, b) -> b).orElseThrow();
    assertThat(announced.at()).as("announced without waiting for the draft's seeds").isBefore(lastSeed.at());
    System.out.printf("slack drafter answered, %s: %d ms from the command to the confirmation, with %d seeds of three "
        + "earlier drafts queued%n", transport, confirmed.toMillis(), queued);
  }
}
