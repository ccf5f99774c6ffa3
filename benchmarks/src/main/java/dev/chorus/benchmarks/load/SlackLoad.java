package dev.chorus.benchmarks.load;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.chorus.app.PlatformWorkers;
import dev.chorus.app.bench.BenchRedis;
import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.core.Chorus;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import dev.chorus.slack.FakeSlackApi;
import dev.chorus.slack.FakeSocketMode;
import dev.chorus.slack.SlackIds;
import dev.chorus.slack.SlackPlatform;
import dev.chorus.slack.SlackSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Members voting by reaction in Slack, delivered over Socket Mode to the real Bolt app with Chorus's
 * handlers, against the fake Slack Web API with its latency (30–150 ms a call) and Slack's rate
 * limits, on the embedded Redis. The baseline is a Bolt app on the same SDK and transport that only
 * acknowledges the same events.
 */
final class SlackLoad {
  private static final String CHANNEL = "C1";
  private static final Pattern AGREE = Pattern.compile("(\\d+) agree");
  /** How long Chorus may take after the last vote to show every vote, before the run says some are missing. */
  private static final Duration SETTLE = Duration.ofMinutes(10);

  private SlackLoad() {}

  /**
   * What one run measured.
   *
   * @param counted the members' votes stored
   * @param due what the cards should show: the agree counts of the stored question
   * @param shown what the cards show, their latest edits' agree counts summed
   * @param storedAfter from the window's opening until every vote was stored
   */
  record Run(Figures acknowledgements, Figures voteToTally, int votes, long counted, long due, long shown,
      Duration storedAfter, Duration lastShownAfter, long heapMegabytes) {}

  static Run chorus(int members, int statements, Duration window, long seed) throws Exception {
    var bench = BenchRedis.start("chorus-load-slack");
    var slack = new FakeSlackApi(seed);
    var socket = new FakeSocketMode();
    slack.socketUrl(socket.url());
    Stores stores = RedisConfiguration.stores(bench.redis, Clock.systemUTC());
    var pseudonyms = new Pseudonyms("load-benchmark-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    var platform = new SlackPlatform(new SlackSettings(FakeSlackApi.TOKEN, FakeSlackApi.APP_TOKEN, null, slack.url(), null),
        chat -> new Chorus(stores, chat, pseudonyms, Clock.systemUTC(), Settings.DEFAULTS, new Random(seed)),
        PlatformWorkers.named("chorus-slack"));
    try {
      if (!socket.awaitConnection()) {
        throw new IllegalStateException("Chorus did not connect over Socket Mode");
      }
      var community = SlackIds.community("T1");
      command(socket, "UOPENER", dev.chorus.core.command.StandardCommands.OPEN.keyword()
          + " How should we answer the ministry's consultation?");
      Question.await(() -> !stores.links().messagesOf(community, new Target.QuestionCard(new QuestionId(1))).isEmpty(),
          Duration.ofSeconds(60), "the question posted");
      var messages = new ArrayList<String>();
      for (int s = 0; s < statements; s++) {
        command(socket, "UAUTHOR" + s, "View " + (s + 1) + ": we should answer, and say so plainly");
        var target = new Target.StatementMessage(new QuestionId(1), new StatementId(s + 1));
        Question.await(() -> !stores.links().messagesOf(community, target).isEmpty(), Duration.ofSeconds(60),
            "view " + (s + 1) + " posted");
        messages.add(stores.links().messagesOf(community, target).get(0).id());
      }
      // What the cards show before any member votes (a view's author agrees with it).
      var before = Question.due(stores, community, statements);
      java.util.function.Function<String, List<Question.Edit>> edits = message -> edits(slack, message);
      var run = vote(socket, slack, messages, members, statements, window, seed);
      // Every vote stored, then every vote shown on its card.
      var settled = System.nanoTime() + SETTLE.toNanos();
      BooleanSupplier allCounted = () -> Question.counted(stores, community, statements) == (long) members * statements;
      Question.awaitAtMost(allCounted, Duration.ofNanos(settled - System.nanoTime()));
      var storedAfter = Duration.ofNanos(System.nanoTime() - run.windowStart());
      Question.awaitAtMost(() -> Question.shown(messages, edits) == Question.sum(Question.due(stores, community,
          statements)), Duration.ofNanos(settled - System.nanoTime()));
      var voteToTally = Question.voteToTally(messages, edits, run.sent(), before);
      System.gc();
      long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
      var windowOpened = Instant.now().minusNanos(System.nanoTime() - run.windowStart());
      return new Run(run.acknowledgements(), voteToTally, members * statements,
          Question.counted(stores, community, statements), Question.sum(Question.due(stores, community, statements)),
          Question.shown(messages, edits), storedAfter, Duration.between(windowOpened, Question.lastEdit(messages, edits)),
          heap);
    } finally {
      platform.close();
      socket.close();
      slack.close();
      bench.close();
    }
  }

  /** The same events, acknowledged by a Bolt app that does nothing else. */
  static Figures baseline(int members, int statements, Duration window, long seed) throws Exception {
    var slack = new FakeSlackApi(seed);
    var socket = new FakeSocketMode();
    slack.socketUrl(socket.url());
    var sdk = SlackPlatform.client(slack.url());
    var app = new App(AppConfig.builder().singleTeamBotToken(FakeSlackApi.TOKEN).slack(sdk).build());
    app.event(ReactionAddedEvent.class, (payload, context) -> context.ack());
    var socketApp = new SocketModeApp(FakeSlackApi.APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
    socketApp.startAsync();
    try {
      if (!socket.awaitConnection()) {
        throw new IllegalStateException("the baseline app did not connect over Socket Mode");
      }
      // Messages for the members to react on, as a bot would have posted them.
      var messages = new ArrayList<String>();
      for (int s = 0; s < statements; s++) {
        var posted = sdk.methods(FakeSlackApi.TOKEN).chatPostMessage(r -> r.channel(CHANNEL).text("A view"));
        messages.add(CHANNEL + ":" + posted.getTs());
      }
      return vote(socket, slack, messages, members, statements, window, seed).acknowledgements();
    } finally {
      socketApp.close();
      socket.close();
      slack.close();
      sdk.close();
    }
  }

  private record Voted(Figures acknowledgements, Map<Integer, List<Instant>> sent, long windowStart) {}

  /** Every member reacts 👍 on every statement's message at their moment; each envelope's acknowledgement timed. */
  private static Voted vote(FakeSocketMode socket, FakeSlackApi slack, List<String> messages, int members,
      int statements, Duration window, long seed) throws Exception {
    var plan = Ballot.plan(members, statements, window, seed);
    var envelopes = new ArrayList<String>(plan.size());
    var sent = new HashMap<Integer, List<Instant>>();
    var events = new AtomicLong();
    long start = System.nanoTime();
    for (var ballot : plan) {
      ballot.awaitMoment(start);
      var message = messages.get(ballot.statement());
      var channel = message.substring(0, message.indexOf(':'));
      var ts = message.substring(message.indexOf(':') + 1);
      var user = "UM" + ballot.member();
      // As Slack does: the reaction is on the message before the event is sent.
      slack.addReaction(channel, ts, user, "+1");
      sent.computeIfAbsent(ballot.statement(), s -> new ArrayList<>()).add(Instant.now());
      envelopes.add(socket.send("events_api", "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
          + "\"type\":\"event_callback\",\"event_id\":\"EvLoad" + events.incrementAndGet() + "\",\"event_time\":1700000000,"
          + "\"event\":{\"type\":\"reaction_added\",\"user\":\"" + user + "\",\"reaction\":\"+1\",\"item_user\":\"UBOT\","
          + "\"item\":{\"type\":\"message\",\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"},"
          + "\"event_ts\":\"1700000000.000900\"}}", 0));
    }
    var acknowledgements = new Figures();
    for (var envelope : envelopes) {
      var took = socket.acknowledgement(envelope);
      // Not acknowledged within 5 s counts as 5 s: Slack would have sent it again by then.
      acknowledgements.add(took == null ? Duration.ofSeconds(5) : took);
    }
    return new Voted(acknowledgements, sent, start);
  }

  private static void command(FakeSocketMode socket, String user, String text) throws InterruptedException {
    var payload = new com.google.gson.JsonObject();
    payload.addProperty("token", "x");
    payload.addProperty("team_id", "T1");
    payload.addProperty("channel_id", CHANNEL);
    payload.addProperty("user_id", user);
    payload.addProperty("user_name", user);
    payload.addProperty("command", dev.chorus.core.command.CommandCatalog.SLASH_COMMAND);
    payload.addProperty("text", text);
    payload.addProperty("trigger_id", "trigger-" + System.nanoTime());
    payload.addProperty("response_url", "https://example.invalid/r");
    if (socket.acknowledgement(socket.send("slash_commands", payload.toString(), 0)) == null) {
      throw new IllegalStateException("a command was not acknowledged");
    }
  }

  /** The message's edits that Slack took, with the agree count each showed. */
  private static List<Question.Edit> edits(FakeSlackApi slack, String message) {
    var ts = message.substring(message.indexOf(':') + 1);
    var edits = new ArrayList<Question.Edit>();
    for (var call : slack.calls("chat.update")) {
      if (call.status() != 200 || !ts.equals(call.params().get("ts"))) {
        continue;
      }
      var matcher = AGREE.matcher(String.valueOf(call.params().get("blocks")));
      if (matcher.find()) {
        edits.add(new Question.Edit(call.at(), Long.parseLong(matcher.group(1))));
      }
    }
    return edits;
  }
}
