package dev.chorus.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.discord.fake.FakeDiscordTest.FakeSessionController;
import dev.chorus.discord.fake.FakeDiscordTest.Recorder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fake is as slow and as strict as Discord: answers take their time, buckets are counted and
 * announced, reactions are read in pages, events can overtake answers, and events missed while the
 * bot is away stay missed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeDiscordRealismTest {

  private static final String THUMBS_UP = "👍";
  /** Room for a busy machine above the latency the fake promises. */
  private static final long SLACK_MS = 200;

  private final EnumSet<Message.MentionType> jdaDefaultMentions = MessageRequest.getDefaultMentions();
  private final boolean jdaDefaultRepliedUser = MessageRequest.isDefaultMentionRepliedUser();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Recorder events = new Recorder();
  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

  private FakeDiscord fake;
  private FakeGuild guild;
  private long channelId;
  private FakeMember alice;
  private @Nullable JDA jda;

  @BeforeEach
  void startFake() {
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
    fake = new FakeDiscord();
    guild = fake.guild("Realism", 8_001L, 8_002L);
    channelId = guild.firstChannel();
    alice = fake.member(guild.id(), "alice");
  }

  @AfterEach
  void stopEverything() {
    if (jda != null) {
      jda.shutdownNow();
    }
    sockets.forEach(WebSocket::abort);
    fake.close();
    MessageRequest.setDefaultMentions(jdaDefaultMentions);
    MessageRequest.setDefaultMentionRepliedUser(jdaDefaultRepliedUser);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private JDA startJda() throws InterruptedException {
    jda =
        JDABuilder.createLight(FakeDiscord.TOKEN, FakeDiscordTest.INTENTS)
            .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
            .setSessionController(new FakeSessionController(fake.gatewayUrl()))
            .setCompression(Compression.NONE)
            .setEnableShutdownHook(false)
            .addEventListeners(events)
            .build();
    jda.awaitReady();
    return jda;
  }

  private TextChannel channel() {
    TextChannel channel = jda.getTextChannelById(channelId);
    assertThat(channel).isNotNull();
    return channel;
  }

  private HttpRequest request(String method, String path, @Nullable String json) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(fake.apiUrl() + path))
            .header("Authorization", "Bot " + FakeDiscord.TOKEN);
    if (json == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpResponse<String> call(String method, String path, @Nullable String json) throws Exception {
    return http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
  }

  /** A call that, like JDA, waits out its bucket once the answer says none remain. */
  private HttpResponse<String> politely(String method, String path) throws Exception {
    HttpResponse<String> response = call(method, path, null);
    if (header(response, "X-RateLimit-Remaining").equals("0")) {
      Thread.sleep((long) Math.ceil(Double.parseDouble(header(response, "X-RateLimit-Reset-After")) * 1000));
    }
    return response;
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  private static String messageBody(String content) {
    return DataObject.empty()
        .put("content", content)
        .put("allowed_mentions", DataObject.empty().put("parse", DataArray.empty()))
        .toString();
  }

  private long postMessage(long channel, String content) throws Exception {
    HttpResponse<String> created = call("POST", "channels/" + channel + "/messages", messageBody(content));
    assertThat(created.statusCode()).isEqualTo(200);
    return Long.parseUnsignedLong(DataObject.fromJson(created.body()).getString("id"));
  }

  private static String reactionsPath(long channel, long message, String emoji) {
    return "channels/" + channel + "/messages/" + message + "/reactions/"
        + URLEncoder.encode(emoji, StandardCharsets.UTF_8);
  }

  private static long millisSince(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
  }

  private static List<Long> ids(DataArray users) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < users.length(); i++) {
      ids.add(Long.parseUnsignedLong(users.getObject(i).getString("id")));
    }
    return ids;
  }

  // ---- latency -------------------------------------------------------------------------------

  @Test
  void everyAnswerTakesItsLatencyAndSlowAnswersDoNotHoldUpOthers() throws Exception {
    call("GET", "users/@me", null); // the connection is made outside the timings
    for (int i = 0; i < 8; i++) {
      long start = System.nanoTime();
      assertThat(call("GET", "users/@me", null).statusCode()).isEqualTo(200);
      assertThat(millisSince(start)).as("call %d", i).isBetween(30L, 150L + SLACK_MS);
    }

    fake.latency(Duration.ofMillis(300), Duration.ofMillis(300));
    long start = System.nanoTime();
    List<CompletableFuture<Long>> parallel = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long sent = System.nanoTime();
      parallel.add(
          http.sendAsync(request("GET", "users/@me", null), HttpResponse.BodyHandlers.ofString())
              .thenApply(response -> millisSince(sent)));
    }
    List<Long> took = parallel.stream().map(CompletableFuture::join).toList();
    assertThat(took).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(300L));
    assertThat(millisSince(start)).as("eight calls of 300 ms at once").isLessThan(8 * 300 / 2);

    fake.latency(Duration.ZERO, Duration.ZERO);
    long fastest = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long sent = System.nanoTime();
      call("GET", "users/@me", null);
      fastest = Math.min(fastest, millisSince(sent));
    }
    assertThat(fastest).isLessThan(30L);
  }

  // ---- rate limits ---------------------------------------------------------------------------

  @Test
  void everyAnswerCarriesItsBucketAndABurstBeyondItIsRefused() throws Exception {
    String create = "channels/" + channelId + "/messages";
    List<HttpResponse<String>> burst = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      burst.add(call("POST", create, messageBody("burst " + i)));
    }

    String hash = header(burst.get(0), "X-RateLimit-Bucket");
    assertThat(hash).matches("[0-9a-f]{32}");
    assertThat(burst.subList(0, 5)).allSatisfy(ok -> {
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(header(ok, "X-RateLimit-Limit")).isEqualTo("5");
      assertThat(header(ok, "X-RateLimit-Bucket")).isEqualTo(hash);
      assertThat(header(ok, "X-RateLimit-Reset")).matches("\\d{10}\\.\\d{3}");
      assertThat(Double.parseDouble(header(ok, "X-RateLimit-Reset")))
          .isCloseTo(System.currentTimeMillis() / 1000.0 + 5, org.assertj.core.data.Offset.offset(1.5));
      assertThat(Double.parseDouble(header(ok, "X-RateLimit-Reset-After"))).isBetween(3.0, 5.0);
    });
    assertThat(header(burst.get(0), "X-RateLimit-Reset-After")).isEqualTo("5.000");
    assertThat(burst.subList(0, 5)).extracting(ok -> header(ok, "X-RateLimit-Remaining"))
        .containsExactly("4", "3", "2", "1", "0");

    HttpResponse<String> refused = burst.get(5);
    assertThat(refused.statusCode()).isEqualTo(429);
    DataObject body = DataObject.fromJson(refused.body());
    assertThat(body.getString("message")).isEqualTo("You are being rate limited.");
    assertThat(body.getBoolean("global")).isFalse();
    double retryAfter = body.getDouble("retry_after");
    assertThat(retryAfter).isGreaterThan(0.0).isLessThanOrEqualTo(5.0);
    assertThat(header(refused, "Retry-After")).isEqualTo(Long.toString((long) Math.ceil(retryAfter)));
    assertThat(header(refused, "Via")).isNotEmpty();
    assertThat(header(refused, "X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(header(refused, "X-RateLimit-Bucket")).isEqualTo(hash);
    assertThat(fake.messages(channelId)).hasSize(5);
    assertThat(fake.rateLimited()).isEqualTo(1);

    // The same bucket counts apart for another channel; another route has a bucket of its own.
    HttpResponse<String> elsewhere = call("POST", "channels/" + guild.textChannelIds().get(1) + "/messages", messageBody("x"));
    assertThat(elsewhere.statusCode()).isEqualTo(200);
    assertThat(header(elsewhere, "X-RateLimit-Bucket")).isEqualTo(hash);
    assertThat(header(elsewhere, "X-RateLimit-Remaining")).isEqualTo("4");
    assertThat(header(call("GET", "users/@me", null), "X-RateLimit-Bucket")).isNotEqualTo(hash).isNotEmpty();

    // Reactions: one per quarter second per channel, adding and removing alike; waiting it out works.
    // Answered at once here, so the second call surely lands within the quarter second.
    fake.latency(Duration.ZERO, Duration.ZERO);
    long message = fake.messages(channelId).get(0).id();
    String own = reactionsPath(channelId, message, THUMBS_UP) + "/@me";
    assertThat(call("PUT", own, null).statusCode()).isEqualTo(204);
    HttpResponse<String> tooSoon = call("DELETE", own, null);
    assertThat(tooSoon.statusCode()).isEqualTo(429);
    double reactionRetry = DataObject.fromJson(tooSoon.body()).getDouble("retry_after");
    assertThat(reactionRetry).isGreaterThan(0.0).isLessThanOrEqualTo(0.25);
    Thread.sleep((long) Math.ceil(reactionRetry * 1000));
    assertThat(call("DELETE", own, null).statusCode()).isEqualTo(204);
    assertThat(fake.rateLimited()).isEqualTo(2);

    // Switched off, the spent channel takes messages again and nothing is announced.
    fake.rateLimits(false);
    HttpResponse<String> unlimited = call("POST", create, messageBody("unlimited"));
    assertThat(unlimited.statusCode()).isEqualTo(200);
    assertThat(unlimited.headers().firstValue("X-RateLimit-Bucket")).isEmpty();
  }

  @Test
  void fiftyCallsASecondInAllThenTheGlobalLimitRefusesAllButInteractions() throws Exception {
    List<HttpResponse<String>> answers = List.of();
    int refusedBefore = 0;
    // The global window opens with the first call and lasts a second: a burst that a busy machine
    // spreads over more than that meets two windows, and proves nothing. Such a burst is sent again
    // once a fresh window can open.
    for (int attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) {
        Thread.sleep(1_100);
      }
      refusedBefore = fake.rateLimited();
      List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < 60; i++) {
        // Sixty channels, so no route bucket is spent: only the global limit can refuse.
        burst.add(http.sendAsync(request("GET", "channels/" + (900_000 + i), null), HttpResponse.BodyHandlers.ofString()));
      }
      answers = burst.stream().map(CompletableFuture::join).toList();
      if (System.nanoTime() - started < 800_000_000L) {
        break;
      }
    }
    HttpResponse<String> callback =
        call("POST", "interactions/1/not-a-token/callback", "{\"type\":1}");

    assertThat(answers).filteredOn(a -> a.statusCode() == 404).hasSize(50);
    assertThat(answers).filteredOn(a -> a.statusCode() == 429).hasSize(10).allSatisfy(refused -> {
      assertThat(DataObject.fromJson(refused.body()).getBoolean("global")).isTrue();
      assertThat(header(refused, "X-RateLimit-Global")).isEqualTo("true");
      assertThat(header(refused, "X-RateLimit-Scope")).isEqualTo("global");
    });
    assertThat(callback.statusCode()).as("interactions are outside the global limit").isEqualTo(404);
    assertThat(fake.rateLimited() - refusedBefore).isEqualTo(10);
  }

  // ---- reactions read back ---------------------------------------------------------------------

  @Test
  void reactionsAreReadInPagesOfAscendingUserIdsByHandAndByJda() throws Exception {
    long message = postMessage(channelId, "vote");
    List<FakeMember> members = new ArrayList<>();
    for (String name : List.of("bea", "cem", "dan", "eve", "fay")) {
      members.add(fake.member(guild.id(), name));
    }
    for (int i : new int[] {3, 0, 4, 1, 2}) {
      fake.reactSilently(message, members.get(i).userId(), THUMBS_UP);
    }
    fake.reactSilently(message, alice.userId(), "🎉");
    assertThat(call("PUT", reactionsPath(channelId, message, THUMBS_UP) + "/@me", null).statusCode()).isEqualTo(204);
    List<Long> expected = new ArrayList<>(List.of(FakeDiscord.BOT_USER_ID));
    members.forEach(m -> expected.add(m.userId()));

    String path = reactionsPath(channelId, message, THUMBS_UP);
    DataArray all = DataArray.fromJson(politely("GET", path).body());
    assertThat(ids(all)).containsExactlyElementsOf(expected);
    assertThat(all.getObject(0).getBoolean("bot")).isTrue();
    assertThat(all.getObject(1).getString("username")).isEqualTo("bea");
    assertThat(all.getObject(1).getBoolean("bot")).isFalse();

    List<Long> paged = new ArrayList<>();
    long after = 0;
    while (true) {
      DataArray page = DataArray.fromJson(politely("GET", path + "?limit=2&after=" + after).body());
      assertThat(page.length()).isLessThanOrEqualTo(2);
      if (page.length() == 0) {
        break;
      }
      paged.addAll(ids(page));
      after = paged.get(paged.size() - 1);
    }
    assertThat(paged).containsExactlyElementsOf(expected);
    assertThat(ids(DataArray.fromJson(politely("GET", reactionsPath(channelId, message, "🎉")).body())))
        .containsExactly(alice.userId());
    assertThat(DataArray.fromJson(politely("GET", reactionsPath(channelId, message, "🍕")).body()).length()).isZero();
    assertThat(politely("GET", path + "?limit=0").statusCode()).isEqualTo(400);
    assertThat(politely("GET", path + "?limit=101").statusCode()).isEqualTo(400);
    assertThat(DataObject.fromJson(politely("GET", reactionsPath(channelId, 1L, THUMBS_UP)).body()).getInt("code"))
        .isEqualTo(10008);
    assertThat(fake.rateLimited()).as("paced by the headers").isZero();

    // JDA pages through them the same way, two at a time.
    startJda();
    List<User> users =
        channel().retrieveReactionUsersById(message, Emoji.fromUnicode(THUMBS_UP)).limit(2).takeAsync(10)
            .get(10, TimeUnit.SECONDS);
    assertThat(users).extracting(User::getIdLong).containsExactlyElementsOf(expected);
    assertThat(fake.calls("GET", "channels/\\d+/messages/\\d+/reactions/.+"))
        .anySatisfy(c -> assertThat(c.query()).contains("after=" + members.get(0).userId()));
    assertThat(fake.rateLimited()).isZero();
  }

  @Test
  void silentReactionsChangeWhatIsReadButDispatchNothing() throws Exception {
    startJda();
    Message sent = channel().sendMessage("quiet").complete();
    FakeMember bob = fake.member(guild.id(), "bob");

    fake.reactSilently(sent.getIdLong(), alice.userId(), THUMBS_UP);
    fake.reactSilently(sent.getIdLong(), bob.userId(), THUMBS_UP);
    fake.unreactSilently(sent.getIdLong(), bob.userId(), THUMBS_UP);

    assertThat(fake.reactionsOf(sent.getIdLong())).containsExactly(new FakeReaction(THUMBS_UP, alice.userId()));
    assertThat(sent.retrieveReactionUsers(Emoji.fromUnicode(THUMBS_UP)).complete())
        .extracting(User::getIdLong).containsExactly(alice.userId());
    assertThat(fake.dispatches(0)).extracting(Dispatch::type).noneMatch(type -> type.startsWith("MESSAGE_REACTION"));
    assertThat(fake.undeliveredEvents()).isEmpty();
    assertThat(events.all(MessageReactionAddEvent.class)).isEmpty();
  }

  // ---- events overtaking answers -----------------------------------------------------------------

  @Test
  void aMessageListenerHearsOfTheMessageBeforeItsCreateIsAnswered() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    fake.onMessageCreated(m -> {
      // Slower than any latency: the answer must wait for the listener, not merely outlast it.
      FakeDiscordTest.sleep(400);
      heard.add(Thread.currentThread().getName() + " stored=" + fake.message(m.id()).isPresent() + " " + m.content());
    });

    long start = System.nanoTime();
    long message = postMessage(channelId, "hello");

    assertThat(heard).as("told before the answer came").singleElement().asString()
        .startsWith("fake-discord-listener").contains("stored=true").endsWith("hello");
    assertThat(millisSince(start)).isGreaterThanOrEqualTo(400L);
    assertThat(fake.message(message)).isPresent();
  }

  @Test
  void aReactionDispatchedAsTheMessageAppearsReachesJdaBeforeTheCreatesAnswer() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    fake.onMessageCreated(m -> fake.reactionAdd(guild.id(), m.channelId(), m.id(), alice.userId(), THUMBS_UP));
    events.on(MessageReactionAddEvent.class, e -> order.add("reaction on " + e.getMessageIdLong()));
    startJda();

    Message sent = channel().sendMessage("react at once").submit()
        .whenComplete((m, e) -> order.add("answer"))
        .get(10, TimeUnit.SECONDS);

    fake.await("both", () -> order.size() == 2, FakeDiscordTest.WAIT);
    assertThat(order).containsExactly("reaction on " + sent.getIdLong(), "answer");
    assertThat(fake.reactionsOf(sent.getIdLong())).containsExactly(new FakeReaction(THUMBS_UP, alice.userId()));
  }

  // ---- sessions: only a RESUME gets what was missed -------------------------------------------------

  @Test
  void eventsWhileTheBotIsDownChangeStateButReachNoLaterSession() throws Exception {
    startJda();
    Message sent = channel().sendMessage("while you were out").complete();
    jda.shutdown();
    assertThat(jda.awaitShutdown(Duration.ofSeconds(10))).isTrue();
    fake.await("the session ended", () -> !fake.connected(0), FakeDiscordTest.WAIT);

    assertThat(fake.reactionAdd(guild.id(), channelId, sent.getIdLong(), alice.userId(), "🎉")).isEmpty();
    assertThat(fake.undeliveredEvents()).containsExactly("MESSAGE_REACTION_ADD for shard 0 (no session)");
    assertThat(fake.reactionsOf(sent.getIdLong())).containsExactly(new FakeReaction("🎉", alice.userId()));

    startJda();
    fake.reactionAdd(guild.id(), channelId, sent.getIdLong(), alice.userId(), THUMBS_UP);
    events.await(MessageReactionAddEvent.class, e -> e.getEmoji().getName().equals(THUMBS_UP));
    // Events arrive in order: had the first been replayed, it would have come before this one.
    assertThat(events.all(MessageReactionAddEvent.class)).extracting(e -> e.getEmoji().getName())
        .containsExactly(THUMBS_UP);
    assertThat(fake.identifies()).hasSize(2);
  }

  @Test
  void aResumeReplaysWhatTheSessionMissedButANewIdentifyLosesIt() throws Exception {
    long message = postMessage(channelId, "by hand");
    Gateway first = Gateway.connect(fake.gatewayUrl(), sockets);
    first.identify();
    String sessionId = first.await(f -> "READY".equals(f.getString("t", null))).getObject("d").getString("session_id");
    long seq = first.await(f -> "GUILD_CREATE".equals(f.getString("t", null))).getLong("s");

    fake.disconnect(0);
    Dispatch missed = fake.reactionAdd(guild.id(), channelId, message, alice.userId(), "🎉").orElseThrow();
    assertThat(missed.queued()).isTrue();
    Gateway resumed = Gateway.connect(fake.gatewayUrl(), sockets);
    resumed.resume(sessionId, seq);
    DataObject replayed = resumed.await(f -> "MESSAGE_REACTION_ADD".equals(f.getString("t", null)));
    assertThat(replayed.getObject("d").getObject("emoji").getString("name")).isEqualTo("🎉");
    resumed.await(f -> "RESUMED".equals(f.getString("t", null)));
    assertThat(fake.resumes(0)).isEqualTo(1);

    fake.disconnect(0);
    Dispatch lost = fake.reactionAdd(guild.id(), channelId, message, alice.userId(), "👀").orElseThrow();
    assertThat(lost.queued()).isTrue();
    Gateway identified = Gateway.connect(fake.gatewayUrl(), sockets);
    identified.identify();
    identified.await(f -> "GUILD_CREATE".equals(f.getString("t", null)));
    fake.reactionAdd(guild.id(), channelId, message, alice.userId(), THUMBS_UP);
    DataObject next = identified.await(f -> "MESSAGE_REACTION_ADD".equals(f.getString("t", null)));
    assertThat(next.getObject("d").getObject("emoji").getString("name")).isEqualTo(THUMBS_UP);
    assertThat(fake.undeliveredEvents())
        .containsExactly("MESSAGE_REACTION_ADD for shard 0 (session replaced by a new IDENTIFY before a RESUME)");
    assertThat(fake.reactionsOf(message)).extracting(FakeReaction::emoji).containsExactly("🎉", "👀", THUMBS_UP);

    // The replaced session is gone for good: resuming it is refused with op 9.
    Gateway late = Gateway.connect(fake.gatewayUrl(), sockets);
    late.resume(sessionId, seq);
    DataObject invalid = late.await(f -> f.getInt("op", -1) == 9);
    assertThat(invalid.getBoolean("d")).isFalse();
  }

  /** A bare gateway client, to drive sessions by hand where JDA would choose for itself. */
  private static final class Gateway implements WebSocket.Listener {
    private final BlockingQueue<DataObject> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private @Nullable WebSocket socket;

    static Gateway connect(String url, List<WebSocket> opened) {
      Gateway gateway = new Gateway();
      gateway.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), gateway).join();
      opened.add(gateway.socket);
      return gateway;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(DataObject.fromJson(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    void identify() {
      send(2, DataObject.empty()
          .put("token", FakeDiscord.TOKEN)
          .put("intents", 1 | (1 << 10))
          .put("properties", DataObject.empty())
          .put("shard", DataArray.empty().add(0).add(1)));
    }

    void resume(String sessionId, long seq) {
      send(6, DataObject.empty().put("token", FakeDiscord.TOKEN).put("session_id", sessionId).put("seq", seq));
    }

    private void send(int op, DataObject d) {
      socket.sendText(DataObject.empty().put("op", op).put("d", d).toString(), true).join();
    }

    /** The next frame matching {@code wanted}; those before it are skipped. */
    DataObject await(Predicate<DataObject> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + FakeDiscordTest.WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        DataObject frame = frames.poll(100, TimeUnit.MILLISECONDS);
        if (frame != null && wanted.test(frame)) {
          return frame;
        }
      }
      throw new AssertionError("no matching gateway frame arrived");
    }
  }
}
