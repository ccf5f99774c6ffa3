package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.InMemoryStores;
import dev.chorus.testkit.MutableClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real Bolt app with Chorus's handlers, fed signed requests as Slack sends them, against a fake Slack. */
class SlackEventsTest {
  private static final String SECRET = "test-signing-secret";
  private final FakeSlackApi slack;
  private final Slack client;
  private final Slack lookups;
  private final AppConfig config;
  private final App app;
  private final Chorus chorus;
  private final SlackChat slackChat;
  private final java.util.function.Function<dev.chorus.core.community.CommunityId,
      com.slack.api.methods.AsyncMethodsClient> clients;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final InMemoryStores stores = new InMemoryStores(MutableClock.at("2026-11-02T09:00:00Z"));

  SlackEventsTest() throws Exception {
    slack = new FakeSlackApi();
    var slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(slack.url());
    slackConfig.setMethodsConfig(SlackPlatform.methodsConfig());
    client = Slack.getInstance(slackConfig);
    config = AppConfig.builder().singleTeamBotToken(FakeSlackApi.TOKEN).signingSecret(SECRET).slack(client).build();
    clients = community -> client.methodsAsync(FakeSlackApi.TOKEN, SlackIds.teamOf(community));
    // Lookups have a queue of their own, as in SlackPlatform.
    lookups = SlackPlatform.client(slack.url());
    java.util.function.Function<dev.chorus.core.community.CommunityId, com.slack.api.methods.AsyncMethodsClient> answers =
        community -> lookups.methodsAsync(FakeSlackApi.TOKEN, SlackIds.teamOf(community));
    // Members of the user group @facilitators facilitate, as CHORUS_FACILITATOR_ROLE=facilitators says.
    slackChat = new SlackChat(clients, answers, community -> client.methods(FakeSlackApi.TOKEN, SlackIds.teamOf(community)),
        "facilitators", java.time.Clock.systemUTC());
    chorus = new Chorus(stores.stores(), slackChat, new Pseudonyms(Conversation.TEST_SECRET),
        MutableClock.at("2026-11-02T09:00:00Z"), Settings.DEFAULTS, new Random(1));
    app = new SlackEvents(chorus, slackChat, clients, executor).register(new App(config));
  }

  @AfterEach
  void stop() throws Exception {
    // Whatever a test made Chorus call, the scopes in the manifest cover it.
    assertThat(SlackScopes.BY_METHOD.keySet()).containsAll(slack.methods());
    executor.shutdownNow();
    slack.close();
    client.close();
    lookups.close();
  }

  /** Sends a request as Slack would, signed (or not) at the given time; the status and how long the answer took. */
  private record Answer(int status, Duration took) {}

  private Answer send(String body, String contentType, Instant signedAt, String secret, Map<String, String> extra)
      throws Exception {
    return send(app, body, contentType, signedAt, secret, extra);
  }

  private Answer send(App app, String body, String contentType, Instant signedAt, String secret,
      Map<String, String> extra) throws Exception {
    var timestamp = String.valueOf(signedAt.getEpochSecond());
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    var signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    var headers = new java.util.HashMap<String, List<String>>();
    headers.put("Content-Type", List.of(contentType));
    headers.put("X-Slack-Request-Timestamp", List.of(timestamp));
    headers.put("X-Slack-Signature", List.of(signature));
    extra.forEach((k, v) -> headers.put(k, List.of(v)));
    var request = new SlackRequestParser(config).parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
        .requestBody(body).headers(new RequestHeaders(headers)).remoteAddress("127.0.0.1").build());
    long started = System.nanoTime();
    var response = app.run(request);
    return new Answer(response.getStatusCode(), Duration.ofNanos(System.nanoTime() - started));
  }

  private Answer command(String user, String text, String trigger) throws Exception {
    return command(user, "C1", text, trigger);
  }

  private Answer command(String user, String channel, String text, String trigger) throws Exception {
    var body = "token=x&team_id=T1&team_domain=test&channel_id=" + channel + "&channel_name=" + channel.toLowerCase(
        java.util.Locale.ROOT) + "&user_id=" + user + "&user_name=" + user
        + "&command=%2Frespond&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&trigger_id=" + trigger
        + "&response_url=" + URLEncoder.encode(slack.url() + "response", StandardCharsets.UTF_8);
    return send(body, "application/x-www-form-urlencoded", Instant.now(), SECRET, Map.of());
  }

  private Answer reaction(String user, String messageTs, String emoji, String eventId, Map<String, String> extra)
      throws Exception {
    return reaction(app, "reaction_added", user, messageTs, emoji, eventId, extra);
  }

  private Answer reaction(App app, String type, String user, String messageTs, String emoji, String eventId,
      Map<String, String> extra) throws Exception {
    var body = "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\""
        + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"" + type + "\",\"user\":\"" + user
        + "\",\"reaction\":\"" + emoji + "\",\"item_user\":\"UBOT\",\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\""
        + messageTs + "\"},\"event_ts\":\"1700000000.000900\"}}";
    return send(app, body, "application/json", Instant.now(), SECRET, extra);
  }

  @Test
  void aCommandIsAcknowledgedAtOnceAndAnsweredPrivatelyOnceHandled() throws Exception {
    var answer = command("U1", "open Should we sign the letter? <!channel>", "tr1");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
    var posts = slack.await("chat.postMessage", 1);
    assertThat(posts.get(0).params().get("blocks")).contains("Should we sign the letter? &lt;!channel&gt;");
    var ephemeral = slack.await("chat.postEphemeral", 1);
    assertThat(ephemeral.get(0).params()).containsEntry("user", "U1").containsEntry("channel", "C1");
    assertThat(ephemeral.get(0).params().get("blocks")).contains("Q1 is open");
    assertThat(stores.questions().find(SlackIds.community("T1"), new QuestionId(1))).isPresent();
  }

  @Test
  void aPrivateReplyDoesNotWaitBehindTheChannelsPacedPosts() throws Exception {
    command("U1", "open Busy channel", "tr1");
    toldTo("U1", 1);
    // Slack takes about one post a second in a channel; fifteen cards queued at once keep the
    // asynchronous client's few threads per workspace waiting for a dozen seconds.
    var posters = Executors.newFixedThreadPool(15);
    var card = dev.chorus.core.message.Card.text(dev.chorus.core.message.Text.of("A digest"));
    for (int i = 0; i < 15; i++) {
      posters.submit(() -> slackChat.post(SlackIds.community("T1"), new dev.chorus.core.message.Destination.Channel(
          new dev.chorus.core.community.ChannelId("C1")), card));
    }
    slack.await("chat.postMessage", 6);

    command("U2", "status", "tr2");

    assertThat(toldTo("U2", 1)).hasSize(1);
    var posted = slack.calls("chat.postMessage").stream().filter(call -> call.status() == 200).count();
    posters.shutdownNow();
    // The card that opened the question, and the burst Slack lets through; most cards still wait.
    assertThat(posted).as("posts made before the private reply").isLessThan(12);
  }

  @Test
  void whenTheWorkersAreFullTheMemberIsToldAtOnceAndNothingChanges() throws Exception {
    executor.shutdown();

    var answer = command("U1", "open Too busy", "tr1");

    assertThat(answer.status()).isEqualTo(200);
    var ephemeral = slack.await("chat.postEphemeral", 1);
    assertThat(ephemeral.get(0).params().get("blocks")).contains("very busy").contains("nothing was changed");
    assertThat(stores.questions().communities()).isEmpty();
  }

  @Test
  void anUnsignedWronglySignedOrStaleRequestIsRefusedAndChangesNothing() throws Exception {
    var body = "token=x&team_id=T1&channel_id=C1&user_id=U1&user_name=u&command=%2Frespond&text=open+Sneaky&trigger_id=t";
    assertThat(send(body, "application/x-www-form-urlencoded", Instant.now(), "not-the-secret", Map.of()).status())
        .isEqualTo(401);
    assertThat(send(body, "application/x-www-form-urlencoded", Instant.now().minus(Duration.ofMinutes(10)), SECRET,
        Map.of()).status()).isEqualTo(401);
    Thread.sleep(300);
    assertThat(stores.questions().communities()).isEmpty();
    assertThat(slack.calls("chat.postMessage")).isEmpty();
  }

  /** Installations that fail to record a removal until told to work, as a store that is down. */
  private static final class FlakyInstallations implements SlackInstallations {
    final java.util.List<String> removed = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean down = true;

    @Override
    public @org.jspecify.annotations.Nullable String botToken(String team) {
      return removed.contains(team) ? null : FakeSlackApi.TOKEN;
    }

    @Override
    public void removed(String team, Instant toldAt) {
      if (down) {
        throw new IllegalStateException("the store is down");
      }
      removed.add(team);
    }

    @Override
    public boolean isHistoricalDataEnabled() {
      return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {}

    @Override
    public void saveInstallerAndBot(com.slack.api.bolt.model.Installer installer) {}

    @Override
    public void deleteBot(com.slack.api.bolt.model.Bot bot) {}

    @Override
    public void deleteInstaller(com.slack.api.bolt.model.Installer installer) {}

    @Override
    public com.slack.api.bolt.model.@org.jspecify.annotations.Nullable Bot findBot(String enterpriseId, String teamId) {
      return null;
    }

    @Override
    public com.slack.api.bolt.model.@org.jspecify.annotations.Nullable Installer findInstaller(String enterpriseId,
        String teamId, String userId) {
      return null;
    }
  }

  @Test
  void aRemovalIsAcknowledgedOnlyOnceRecordedSoSlackSendsItAgainWhenTheStoreFailed() throws Exception {
    var installations = new FlakyInstallations();
    var installed = new SlackEvents(chorus, slackChat, clients, executor, installations).register(new App(config));
    var uninstalled = "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
        + "\"event_id\":\"EvU1\",\"event_time\":1700000000,\"event\":{\"type\":\"app_uninstalled\"},"
        + "\"event_ts\":\"1700000000.000900\"}";

    // Not acknowledged while the store is down: the platform answers Slack 500 (SlackPlatform#handle).
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> send(installed, uninstalled, "application/json", Instant.now(), SECRET, Map.of()))
        .hasMessageContaining("the store is down");
    assertThat(installations.removed).isEmpty();

    installations.down = false;
    var retried = send(installed, uninstalled, "application/json", Instant.now(), SECRET,
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
    assertThat(retried.status()).isEqualTo(200);
    assertThat(installations.removed).containsExactly("T1");

    // A revoked user token is not Chorus's concern; a revoked bot token is a removal.
    var userOnly = "{\"token\":\"x\",\"team_id\":\"T2\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
        + "\"event_id\":\"EvU2\",\"event_time\":1700000000,\"event\":{\"type\":\"tokens_revoked\",\"tokens\":"
        + "{\"oauth\":[\"U7\"]}},\"event_ts\":\"1700000000.000900\"}";
    assertThat(send(installed, userOnly, "application/json", Instant.now(), SECRET, Map.of()).status()).isEqualTo(200);
    assertThat(installations.removed).containsExactly("T1");
    var bot = userOnly.replace("EvU2", "EvU3").replace("\"oauth\":[\"U7\"]", "\"bot\":[\"UBOT\"]");
    assertThat(send(installed, bot, "application/json", Instant.now(), SECRET, Map.of()).status()).isEqualTo(200);
    assertThat(installations.removed).containsExactly("T1", "T2");
  }

  @Test
  void aRetriedReactionEventChangesStateOnce() throws Exception {
    command("U1", "open Retries", "tr1");
    slack.await("chat.postEphemeral", 1);
    command("U1", "We should retry safely", "tr2");
    slack.await("chat.postEphemeral", 2);
    var community = SlackIds.community("T1");
    var statement = stores.links().messagesOf(community, new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    assertThat(statement).hasSize(1);
    var ts = SlackIds.timestamp(statement.get(0).id());

    for (int retry = 0; retry <= 3; retry++) {
      var extra = retry == 0 ? Map.<String, String>of()
          : Map.of("X-Slack-Retry-Num", String.valueOf(retry), "X-Slack-Retry-Reason", "http_timeout");
      assertThat(reaction("U2", ts, "+1", "Ev0001", extra).status()).isEqualTo(200);
    }
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until && stores.questions().find(community, new QuestionId(1)).orElseThrow()
        .statement(new StatementId(1)).orElseThrow().votes().isEmpty()) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
    var q = stores.questions().find(community, new QuestionId(1)).orElseThrow();
    assertThat(q.statement(new StatementId(1)).orElseThrow().votes()).containsOnlyKeys(new MemberKey("U2"));
    // Recorded once: the question moved by exactly one revision for the four deliveries.
    assertThat(q.revision()).isEqualTo(3);
  }

  @Test
  void aReactionTakenBackAtOnceEndsRemovedHoweverTheWorkersAreScheduled() throws Exception {
    command("U1", "open Taken back", "tr1");
    slack.await("chat.postEphemeral", 1);
    command("U1", "A view to vote on", "tr2");
    slack.await("chat.postEphemeral", 2);
    var community = SlackIds.community("T1");
    var statement = stores.links().messagesOf(community, new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    var ts = SlackIds.timestamp(statement.get(0).id());
    // The tally's edits would otherwise wait out chat.update's limit for minutes; the race is the point.
    slack.rateLimits(false);
    // Each task waits a seeded random while before it runs, so without the per-member order a member's
    // removal often overtakes their addition and leaves the vote standing.
    var random = new java.util.SplittableRandom(15);
    var pool = Executors.newFixedThreadPool(4);
    var running = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.Executor jittery = task -> {
      long pause = random.nextInt(60);
      running.incrementAndGet();
      pool.execute(() -> {
        try {
          Thread.sleep(pause);
          task.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          running.decrementAndGet();
        }
      });
    };
    var ordered = new SlackEvents(chorus, slackChat, clients, jittery).register(new App(config));
    try {
      var voters = List.of("U2", "U3", "U4", "U5", "U6", "U7");
      for (int round = 0; round < 2; round++) {
        for (var voter : voters) {
          var emoji = random.nextBoolean() ? "+1" : "-1";
          var id = "Ev" + round + voter;
          assertThat(reaction(ordered, "reaction_added", voter, ts, emoji, id + "a", Map.of()).status()).isEqualTo(200);
          assertThat(reaction(ordered, "reaction_removed", voter, ts, emoji, id + "r", Map.of()).status())
              .isEqualTo(200);
        }
        long until = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < until && running.get() > 0) {
          Thread.sleep(20);
        }
        assertThat(running).as("every event handled").hasValue(0);
        assertThat(stores.questions().find(community, new QuestionId(1)).orElseThrow().statement(new StatementId(1))
            .orElseThrow().votes()).as("round %d: every vote taken back", round).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theBotsOwnReactionsNeverCount() throws Exception {
    command("U1", "open Seeded", "tr1");
    slack.await("chat.postEphemeral", 1);
    command("U1", "A view to seed", "tr2");
    slack.await("chat.postEphemeral", 2);
    var community = SlackIds.community("T1");
    var statement = stores.links().messagesOf(community, new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    var ts = SlackIds.timestamp(statement.get(0).id());

    assertThat(reaction("UBOT", ts, "+1", "EvBot1", Map.of()).status()).isEqualTo(200);
    assertThat(reaction("U2", ts, "-1", "EvMember1", Map.of()).status()).isEqualTo(200);
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until && stores.questions().find(community, new QuestionId(1)).orElseThrow()
        .statement(new StatementId(1)).orElseThrow().votes().isEmpty()) {
      Thread.sleep(20);
    }
    Thread.sleep(300);

    assertThat(stores.questions().find(community, new QuestionId(1)).orElseThrow().statement(new StatementId(1))
        .orElseThrow().votes()).containsOnlyKeys(new MemberKey("U2"));
  }

  @Test
  void aBareCommandOpensTheFormAndItsSubmissionOpensTheQuestion() throws Exception {
    assertThat(command("U1", "", "tr-form").status()).isEqualTo(200);

    var opened = slack.await("views.open", 1);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).params()).containsEntry("trigger_id", "tr-form");
    var view = com.google.gson.JsonParser.parseString(opened.get(0).params().get("view")).getAsJsonObject();
    assertThat(view.get("callback_id").getAsString()).isEqualTo(SlackForms.CALLBACK);
    assertThat(view.get("title").getAsJsonObject().get("text").getAsString().length()).isLessThanOrEqualTo(24);
    var blocks = view.getAsJsonArray("blocks");
    assertThat(blocks.get(0).getAsJsonObject().get("block_id").getAsString()).isEqualTo("title");

    var submission = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\",\"domain\":\"test\"},"
        + "\"user\":{\"id\":\"U1\",\"name\":\"ana\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"x\","
        + "\"trigger_id\":\"tr-submit\",\"view\":{\"id\":\"V1\",\"type\":\"modal\",\"callback_id\":\"chorus-form\","
        + "\"private_metadata\":" + com.google.gson.JsonParser.parseString("\"\"").toString().replace("\"\"",
            new com.google.gson.Gson().toJson(view.get("private_metadata").getAsString()))
        + ",\"state\":{\"values\":{\"title\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"Opened by form <!here>\"}}}},"
        + "\"hash\":\"h1\"}}";
    var body = "payload=" + URLEncoder.encode(submission, StandardCharsets.UTF_8);
    assertThat(send(body, "application/x-www-form-urlencoded", Instant.now(), SECRET, Map.of()).status()).isEqualTo(200);

    var posts = slack.await("chat.postMessage", 1);
    assertThat(posts.get(0).params().get("blocks")).contains("Opened by form &lt;!here&gt;");
    var q = stores.questions().find(SlackIds.community("T1"), new QuestionId(1)).orElseThrow();
    assertThat(q.title()).isEqualTo("Opened by form <!here>");
    assertThat(q.channel().value()).isEqualTo("C1");
  }

  /** A message shortcut's payload, as Slack sends it when a member picks it in a message's menu. */
  private Answer shortcut(String callback, String user, String trigger, String messageTs, @org.jspecify.annotations.Nullable
      String threadTs, String author, String text) throws Exception {
    var message = new com.google.gson.JsonObject();
    message.addProperty("type", "message");
    message.addProperty("user", author);
    message.addProperty("ts", messageTs);
    if (threadTs != null) {
      message.addProperty("thread_ts", threadTs);
    }
    message.addProperty("text", text);
    var payload = "{\"type\":\"message_action\",\"token\":\"x\",\"action_ts\":\"1700000001.000\","
        + "\"team\":{\"id\":\"T1\",\"domain\":\"test\"},\"user\":{\"id\":\"" + user + "\",\"name\":\"" + user
        + "\",\"team_id\":\"T1\"},\"channel\":{\"id\":\"C1\",\"name\":\"c1\"},\"callback_id\":\"" + callback
        + "\",\"trigger_id\":\"" + trigger + "\",\"message_ts\":\"" + messageTs + "\",\"message\":" + message
        + ",\"response_url\":\"" + slack.url() + "response\"}";
    return send("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
        Instant.now(), SECRET, Map.of());
  }

  @Test
  void aMembersMessageInAQuestionsThreadBecomesTheirViewThroughTheShortcutAndOthersAreRefused() throws Exception {
    command("U1", "open Shall we answer the ministry?", "tr1");
    slack.await("chat.postEphemeral", 1);
    var community = SlackIds.community("T1");
    var card = stores.links().messagesOf(community, new Target.QuestionCard(new QuestionId(1)));
    assertThat(card).hasSize(1);
    var cardTs = SlackIds.timestamp(card.get(0).id());
    var share = SlackShortcuts.callbackId(dev.chorus.core.conversation.Inbound.Shortcut.SHARE_AS_VIEW);

    // Ben's own reply in the question's thread: the form opens filled with it, within the trigger's three seconds.
    assertThat(shortcut(share, "U2", "tr-short", "1700000009.000100", cardTs, "U2", "We should, with an opt-out")
        .status()).isEqualTo(200);
    var opened = slack.await("views.open", 1);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).params()).containsEntry("trigger_id", "tr-short");
    var view = com.google.gson.JsonParser.parseString(opened.get(0).params().get("view")).getAsJsonObject();
    var element = view.getAsJsonArray("blocks").get(0).getAsJsonObject().getAsJsonObject("element");
    assertThat(element.get("initial_value").getAsString()).isEqualTo("We should, with an opt-out");
    var submission = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\",\"domain\":\"test\"},"
        + "\"user\":{\"id\":\"U2\",\"name\":\"ben\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"x\","
        + "\"trigger_id\":\"tr-submit\",\"view\":{\"id\":\"V2\",\"type\":\"modal\",\"callback_id\":\"chorus-form\","
        + "\"private_metadata\":" + new com.google.gson.Gson().toJson(view.get("private_metadata").getAsString())
        + ",\"state\":{\"values\":{\"view\":{\"value\":{\"type\":\"plain_text_input\","
        + "\"value\":\"We should, with an opt-out\"}}}},\"hash\":\"h1\"}}";
    assertThat(send("payload=" + URLEncoder.encode(submission, StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
        Instant.now(), SECRET, Map.of()).status()).isEqualTo(200);
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until
        && stores.questions().find(community, new QuestionId(1)).orElseThrow().activeViews().isEmpty()) {
      Thread.sleep(20);
    }
    assertThat(stores.questions().find(community, new QuestionId(1)).orElseThrow().activeViews()).singleElement()
        .satisfies(v -> assertThat(v.text()).isEqualTo("We should, with an opt-out"));

    // Ana's message, used by Ben: refused privately, no form.
    slack.await("chat.postEphemeral", 2);
    int told = slack.calls("chat.postEphemeral").size();
    assertThat(shortcut(share, "U2", "tr-other", "1700000010.000100", cardTs, "U1", "Ana's words").status())
        .isEqualTo(200);
    var refusal = slack.await("chat.postEphemeral", told + 1).get(told);
    assertThat(refusal.params()).containsEntry("user", "U2");
    assertThat(refusal.params().get("blocks")).contains("someone else");
    assertThat(slack.calls("views.open")).hasSize(1);

    // In an anonymous question's thread, even Ben's own message is refused.
    command("U1", "open A secret ballot --anonymous", "tr3");
    until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until
        && stores.links().messagesOf(community, new Target.QuestionCard(new QuestionId(2))).isEmpty()) {
      Thread.sleep(20);
    }
    var secretTs = SlackIds.timestamp(stores.links().messagesOf(community, new Target.QuestionCard(new QuestionId(2)))
        .get(0).id());
    int before = slack.calls("chat.postEphemeral").size();
    assertThat(shortcut(share, "U2", "tr-anon", "1700000011.000100", secretTs, "U2", "My words").status()).isEqualTo(200);
    until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until && slack.calls("chat.postEphemeral").stream().skip(before)
        .noneMatch(c -> c.params().get("blocks").contains("anonymous"))) {
      Thread.sleep(20);
    }
    assertThat(slack.calls("chat.postEphemeral").stream().skip(before)).anySatisfy(c -> {
      assertThat(c.params()).containsEntry("user", "U2");
      assertThat(c.params().get("blocks")).contains("anonymous").contains("your name");
    });
    assertThat(slack.calls("views.open")).hasSize(1);
    assertThat(stores.questions().find(community, new QuestionId(2)).orElseThrow().activeViews()).isEmpty();
  }

  private Answer homeOpened(String user, String eventId) throws Exception {
    var body = "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\""
        + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"app_home_opened\",\"user\":\"" + user
        + "\",\"channel\":\"D" + user + "\",\"tab\":\"home\",\"event_ts\":\"1700000000.000900\"}}";
    return send(body, "application/json", Instant.now(), SECRET, Map.of());
  }

  private String homeOf(String user, java.util.function.Predicate<String> ready) throws Exception {
    long until = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < until && !slack.home(user).map(ready::test).orElse(false)) {
      Thread.sleep(20);
    }
    return slack.home(user).orElseThrow();
  }

  @Test
  void theHomeTabShowsWhatAwaitsTheMemberAndIsRepublishedAfterTheyVote() throws Exception {
    command("U1", "open Shall we answer the ministry?", "tr1");
    command("U1", "We should", "tr2");
    command("U1", "draft We answer yes.", "tr3");
    slack.await("chat.postEphemeral", 3);

    assertThat(homeOpened("U2", "EvH1").status()).isEqualTo(200);
    var home = homeOf("U2", view -> view.contains("draft v1"));
    assertThat(home).contains("\"type\":\"home\"").contains("Shall we answer the ministry?")
        .contains("not yet").contains("Drafts awaiting your vote:* draft v1");
    // The thread is a link to the question's card.
    var card = stores.links().messagesOf(SlackIds.community("T1"), new Target.QuestionCard(new QuestionId(1))).get(0);
    assertThat(home).contains(SlackIds.timestamp(card.id()).replace(".", ""));

    // Ben votes on the draft (by reaction, elsewhere): his home is published again without it.
    command("U2", "vote v1 agree", "tr4");
    var after = homeOf("U2", view -> view.contains("awaiting your vote:* none"));
    assertThat(after).doesNotContain("draft v1:");
    assertThat(slack.calls("views.publish")).allSatisfy(c -> assertThat(c.params()).containsEntry("user_id", "U2"));

    // A settings button of the home: the command it stands for, then the home shows the change.
    var view = com.google.gson.JsonParser.parseString(after).getAsJsonObject();
    String daily = null;
    for (var block : view.getAsJsonArray("blocks")) {
      if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
        for (var element : block.getAsJsonObject().getAsJsonArray("elements")) {
          if (element.getAsJsonObject().getAsJsonObject("text").get("text").getAsString().equals("Digest daily")) {
            daily = element.getAsJsonObject().get("action_id").getAsString();
          }
        }
      }
    }
    assertThat(daily).isNotNull();
    var press = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"test\"},\"user\":{\"id\":\"U2\","
        + "\"name\":\"ben\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"x\",\"trigger_id\":\"tr-home\","
        + "\"container\":{\"type\":\"view\",\"view_id\":\"VHU2\"},\"view\":{\"id\":\"VHU2\",\"type\":\"home\"},"
        + "\"actions\":[{\"action_id\":\"" + daily + "\",\"block_id\":\"b\",\"type\":\"button\","
        + "\"text\":{\"type\":\"plain_text\",\"text\":\"Digest daily\"},\"action_ts\":\"1700000002.000\"}]}";
    assertThat(send("payload=" + URLEncoder.encode(press, StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
        Instant.now(), SECRET, Map.of()).status()).isEqualTo(200);
    assertThat(homeOf("U2", v -> v.contains("Personal digest by direct message: daily"))).contains("Digest weekly");
    // The button's answer comes by direct message: the Home tab has no place for it.
    assertThat(slack.await("chat.postMessage", 1).stream().filter(c -> c.params().get("channel").equals("DU2")))
        .anySatisfy(c -> assertThat(c.params().get("blocks")).contains("daily"));

    // A facilitator's new draft concerns Ben too: his home shows it without his doing anything.
    command("U1", "draft We answer yes, with audits.", "tr5");
    assertThat(homeOf("U2", v -> v.contains("draft v2"))).contains("Drafts awaiting your vote:* draft v2");
    assertThat(slack.violations()).isEmpty();
  }

  @Test
  void aMemberWhoReactsTheMomentAfterPressingAButtonEndsWithTheReactionsVoteAndTheOutcomeCountsItOnce()
      throws Exception {
    command("U1", "open Quick hands", "tr1");
    command("U1", "We should", "tr2");
    command("U1", "draft We answer yes.", "tr3");
    slack.await("chat.postEphemeral", 3);
    var community = SlackIds.community("T1");
    var draft = new Target.DraftMessage(new QuestionId(1), new dev.chorus.core.question.DraftVersion(1));
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until && stores.links().messagesOf(community, draft).isEmpty()) {
      Thread.sleep(20);
    }
    var ts = SlackIds.timestamp(stores.links().messagesOf(community, draft).get(0).id());
    var agree = "dv:Q1:v1:agree";
    assertThat(slack.message("C1", ts).orElseThrow().blocks()).contains(agree);

    // Ben presses Agree and, without waiting for Chorus, reacts ❌ on the same draft.
    var press = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"test\"},\"user\":{\"id\":\"U2\","
        + "\"name\":\"ben\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"x\",\"trigger_id\":\"tr-press\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + ts + "\",\"channel_id\":\"C1\"},"
        + "\"channel\":{\"id\":\"C1\",\"name\":\"c1\"},\"message\":{\"type\":\"message\",\"ts\":\"" + ts
        + "\",\"text\":\"draft\"},\"actions\":[{\"action_id\":\"" + agree + "\",\"block_id\":\"b\","
        + "\"type\":\"button\",\"value\":\"" + agree + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"Agree\"},"
        + "\"action_ts\":\"1700000002.000\"}]}";
    assertThat(send("payload=" + URLEncoder.encode(press, StandardCharsets.UTF_8), "application/x-www-form-urlencoded",
        Instant.now(), SECRET, Map.of()).status()).isEqualTo(200);
    slack.addReaction("C1", ts, "U2", "x");
    assertThat(reaction(app, "reaction_added", "U2", ts, "x", "EvQuick", Map.of()).status()).isEqualTo(200);

    var ben = new MemberKey("U2");
    until = System.nanoTime() + 15_000_000_000L;
    java.util.function.Supplier<Map<MemberKey, dev.chorus.core.question.DraftBallot>> ballots = () -> stores.questions()
        .find(community, new QuestionId(1)).orElseThrow().latestDraft().orElseThrow().ballots();
    while (System.nanoTime() < until && (ballots.get().get(ben) == null
        || ballots.get().get(ben).choice() != dev.chorus.core.question.DraftChoice.DISAGREE)) {
      Thread.sleep(20);
    }
    assertThat(ballots.get()).containsOnlyKeys(ben);
    assertThat(ballots.get().get(ben).choice()).isEqualTo(dev.chorus.core.question.DraftChoice.DISAGREE);
    until = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < until && !slack.message("C1", ts).orElseThrow().blocks()
        .contains("✅ 0 agree · 🤷 0 abstain · ❌ 1 disagree · ✋ 0 block")) {
      Thread.sleep(20);
    }
    assertThat(slack.message("C1", ts).orElseThrow().blocks()).contains("✅ 0 agree · 🤷 0 abstain · ❌ 1 disagree · ✋ 0 block");

    // The outcome counts the one vote.
    command("U1", "close", "tr9");
    until = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < until && slack.calls("chat.postMessage").stream()
        .noneMatch(c -> c.params().get("blocks").contains("closed: "))) {
      Thread.sleep(20);
    }
    assertThat(slack.calls("chat.postMessage")).filteredOn(c -> c.params().get("blocks").contains("closed: "))
        .singleElement().satisfies(c -> assertThat(c.params().get("blocks"))
            .contains("Votes: ✅ 0 agree · 🤷 0 abstain · ❌ 1 disagree · ✋ 0 block"));
  }

  @Test
  void anExportArrivesAsAFileInTheMembersDirectMessages() throws Exception {
    command("U1", "open Exported <!channel>", "tr1");
    slack.await("chat.postEphemeral", 1);
    command("U1", "export markdown", "tr2");

    var completed = slack.await("files.completeUploadExternal", 1);
    assertThat(completed).hasSize(1);
    assertThat(completed.get(0).params()).containsEntry("channel_id", "DU1");
    assertThat(completed.get(0).params().get("files")).contains("F1").contains("chorus-Q1.md");
    var asked = slack.calls("files.getUploadURLExternal").get(0).params();
    var uploaded = slack.calls("upload/F1").get(0).params().get("body");
    assertThat(uploaded).contains("Exported");
    assertThat(Integer.parseInt(asked.get("length"))).isEqualTo(uploaded.getBytes(StandardCharsets.UTF_8).length);
    var told = slack.await("chat.postEphemeral", 2);
    assertThat(told.get(1).params().get("blocks")).contains("is in your direct messages with Chorus");
  }

  /** The private replies Slack was asked to show the member, their blocks in order, once there are {@code count}. */
  private List<String> toldTo(String user, int count) throws InterruptedException {
    long until = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < until && toldTo(user).size() < count) {
      Thread.sleep(20);
    }
    return toldTo(user);
  }

  private List<String> toldTo(String user) {
    return slack.calls("chat.postEphemeral").stream().filter(c -> user.equals(c.params().get("user")))
        .map(c -> c.params().get("blocks")).toList();
  }

  private String titleOf(int question) {
    return stores.questions().find(SlackIds.community("T1"), new QuestionId(question)).orElseThrow().title();
  }

  @Test
  void aSlashCommandByAWorkspaceAdminIsTreatedAsAnAdmin() throws Exception {
    command("U1", "open Where do we meet?", "tr1");
    assertThat(toldTo("U1", 1).get(0)).contains("Q1 is open");
    slack.admin("UADMIN");

    var answer = command("UADMIN", "#Q1 edit --title Where do we meet in 2027?", "tr2");

    assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
    assertThat(toldTo("UADMIN", 1).get(0)).doesNotContain("Only a facilitator");
    assertThat(titleOf(1)).isEqualTo("Where do we meet in 2027?");
    assertThat(slack.calls("users.info")).anyMatch(c -> "UADMIN".equals(c.params().get("user")));
  }

  @Test
  void anAdminWhoseFirstLookupFailedIsAnAdminAtTheNextCommand() throws Exception {
    command("U1", "open Which charity?", "tr1");
    toldTo("U1", 1);
    slack.admin("UADMIN");
    slack.failNext("users.info");

    command("UADMIN", "#Q1 edit --title Mallory's charity", "tr2");
    assertThat(toldTo("UADMIN", 1).get(0)).as("while Slack fails, no rights").contains("Only a facilitator");
    command("UADMIN", "#Q1 edit --title Which charity in 2027?", "tr3");

    assertThat(toldTo("UADMIN", 2).get(1)).doesNotContain("Only a facilitator");
    assertThat(titleOf(1)).isEqualTo("Which charity in 2027?");
  }

  @Test
  void aMemberOfTheFacilitatorUserGroupClosesAQuestionTheyDidNotOpen() throws Exception {
    slack.userGroup("facilitators", "UFAC");
    slack.userGroup("stewards", "UOTHER");
    command("U1", "open Do we sign the letter?", "tr1");
    toldTo("U1", 1);

    command("UOTHER", "#Q1 close", "tr2");
    assertThat(toldTo("UOTHER", 1).get(0)).as("in another group").contains("Only a facilitator");
    command("UFAC", "#Q1 close", "tr3");

    assertThat(toldTo("UFAC", 1).get(0)).doesNotContain("Only a facilitator");
    assertThat(stores.questions().find(SlackIds.community("T1"), new QuestionId(1)).orElseThrow().open()).isFalse();
    assertThat(slack.calls("usergroups.list")).as("the group kept, not asked at every event").hasSize(1);
  }

  @Test
  void listAllFromOutsideAPrivateChannelNeitherNamesNorCountsItsQuestion() throws Exception {
    slack.privateChannel("CHR", "UHANA", FakeSlackApi.BOT_USER);
    command("UHANA", "CHR", "open Pay grades for the Harlow team", "tr1");
    assertThat(toldTo("UHANA", 1).get(0)).contains("Q1 is open");
    // C2 is a public channel U2 is in.
    command("U2", "C2", "open Canteen opening hours", "tr2");
    assertThat(toldTo("U2", 1).get(0)).contains("Q2 is open");

    command("U2", "C1", "list all", "tr3");
    var outsider = toldTo("U2", 2).get(1);
    assertThat(outsider).contains("Canteen opening hours").doesNotContain("Pay grades").doesNotContain("Harlow")
        .doesNotContain("CHR").doesNotContain("cannot check");
    command("UHANA", "C1", "list all", "tr4");
    assertThat(toldTo("UHANA", 2).get(1)).as("a member of the private channel").contains("Pay grades for the Harlow team");
  }
}
