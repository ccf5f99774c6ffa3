package dev.chorus.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.chorus.discord.fake.DiscordState.ChannelEntry;
import dev.chorus.discord.fake.DiscordState.ChannelKind;
import dev.chorus.discord.fake.DiscordState.InteractionEntry;
import dev.chorus.discord.fake.DiscordState.StoredMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.data.DataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's REST API under {@code /api/v10/}: routes, Discord's rules, and a record of every call.
 *
 * <p>Like Discord it takes its time and counts: each call is served on arrival (so calls are
 * served in the order they were sent), but answered only after a random latency; and each counts
 * against its rate-limit bucket. Calls are handled on a pool of threads, so a slow answer holds up
 * no other.
 */
final class FakeRestApi implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FakeRestApi.class);
  private static final String PREFIX = "/api/v10/";

  /** Discord acknowledges an interaction only within three seconds of creating it. */
  static final Duration INTERACTION_DEADLINE = Duration.ofSeconds(3);

  private static final int INTENT_GUILDS = 1;
  private static final int INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10;

  private static final int FLAG_EPHEMERAL = 64;
  private static final int FLAG_LOADING = 128;

  /** Discord's answers take a while: the default latency, drawn per call between the two. */
  static final Duration DEFAULT_MIN_LATENCY = Duration.ofMillis(30);

  static final Duration DEFAULT_MAX_LATENCY = Duration.ofMillis(150);

  /** Fixed, so a run's latencies come from the same sequence every time. */
  private static final long LATENCY_SEED = 1_420_070_400L;

  /** How long an answer waits for the message listeners before it goes anyway. */
  private static final Duration LISTENER_PATIENCE = Duration.ofSeconds(5);

  private final DiscordState state;
  private final FakeGateway gateway;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads("fake-discord-rest"));
  /** Listeners run apart from the HTTP threads; a pool, so one may wait for another call's answer. */
  private final ExecutorService listenerThreads =
      Executors.newCachedThreadPool(daemonThreads("fake-discord-listener"));
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<String> violations = new CopyOnWriteArrayList<>();
  final List<String> unknownRoutes = new CopyOnWriteArrayList<>();
  private final List<RateLimitRule> rateLimits = new CopyOnWriteArrayList<>();
  private final List<Pattern> failures = new CopyOnWriteArrayList<>();
  final RateLimits limits = new RateLimits();
  private final List<Consumer<FakeMessage>> messageListeners = new CopyOnWriteArrayList<>();
  private final Random random = new Random(LATENCY_SEED);
  private volatile Latency latency = new Latency(DEFAULT_MIN_LATENCY.toNanos(), DEFAULT_MAX_LATENCY.toNanos());

  /** A pending forced 429. */
  private record RateLimitRule(Pattern route, double retryAfterSeconds) {}

  /** The range each call's latency is drawn from, in nanoseconds. */
  private record Latency(long minNanos, long maxNanos) {

    long draw(Random random) {
      return maxNanos == minNanos ? minNanos : minNanos + random.nextLong(maxNanos - minNanos + 1);
    }
  }

  /** What to answer. */
  private record Answer(int status, @Nullable String json, Map<String, String> headers) {

    Answer withHeaders(Map<String, String> more) {
      if (more.isEmpty()) {
        return this;
      }
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putAll(more);
      return new Answer(status, json, all);
    }

    static Answer ok(Object json) {
      return new Answer(200, json.toString(), Map.of());
    }

    static Answer created(Object json) {
      return new Answer(201, json.toString(), Map.of());
    }

    static Answer noContent() {
      return new Answer(204, null, Map.of());
    }

    static Answer error(int status, int code, String message) {
      return new Answer(
          status, DataObject.empty().put("code", code).put("message", message).toString(), Map.of());
    }

    static Answer invalidForm(List<DiscordRules.Problem> problems) {
      DataObject body =
          DataObject.empty()
              .put("code", 50035)
              .put("message", "Invalid Form Body")
              .put("errors", DiscordRules.errorTree(problems));
      return new Answer(400, body.toString(), Map.of());
    }
  }

  /** One parsed request. */
  private static final class Request {
    final String method;
    final String path;
    final List<String> segments;
    final String query;
    final String body;
    final List<Upload> files;
    /** Gateway events to send once the state lock is released but before answering. */
    final List<Runnable> dispatches = new ArrayList<>();
    /** Messages the call created, for the listeners, told before the answer goes. */
    final List<FakeMessage> created = new ArrayList<>();

    Request(String method, String rawPath, String query, String body, List<Upload> files) {
      this.method = method;
      this.segments = Arrays.stream(rawPath.split("/", -1)).map(FakeRestApi::decode).toList();
      // Decoded, so tests and rate-limit patterns can say "@original" or "👍" plainly.
      this.path = String.join("/", segments);
      this.query = query;
      this.body = body;
      this.files = files;
    }

    String route() {
      return method + " " + path;
    }

    /** Whether method and path match; {@code *} in the pattern matches any one decoded segment. */
    boolean is(String expectedMethod, String pattern) {
      if (!method.equals(expectedMethod)) {
        return false;
      }
      String[] parts = pattern.split("/");
      if (parts.length != segments.size()) {
        return false;
      }
      for (int i = 0; i < parts.length; i++) {
        if (!parts[i].equals("*") && !parts[i].equals(segments.get(i))) {
          return false;
        }
      }
      return true;
    }

    String segment(int index) {
      return segments.get(index);
    }

    DataObject json() {
      return body.isBlank() ? DataObject.empty() : DataObject.fromJson(body);
    }

    boolean queryFlag(String name) {
      return Arrays.asList(query.split("&")).contains(name + "=true");
    }

    /** A query parameter's decoded value, if given. */
    Optional<String> queryParam(String name) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).equals(name)) {
          return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
      return Optional.empty();
    }
  }

  FakeRestApi(DiscordState state, FakeGateway gateway) throws IOException {
    this.state = state;
    this.gateway = gateway;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this);
    server.setExecutor(executor);
  }

  void start() {
    server.start();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
    listenerThreads.shutdownNow();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void rateLimitNext(String routeRegex, double retryAfterSeconds) {
    rateLimits.add(new RateLimitRule(Pattern.compile(routeRegex), retryAfterSeconds));
  }

  void failNext(String routeRegex) {
    failures.add(Pattern.compile(routeRegex));
  }

  void latency(Duration min, Duration max) {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + min + ".." + max);
    }
    latency = new Latency(min.toNanos(), max.toNanos());
  }

  void onMessageCreated(Consumer<FakeMessage> listener) {
    messageListeners.add(listener);
  }

  /** The most a message's files may weigh together. */
  static final long LARGEST_UPLOAD = 10L * 1024 * 1024;

  // ---- HTTP plumbing -----------------------------------------------------------------------

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Instant at = Instant.now();
      long answerAt = System.nanoTime() + latency.draw(random);
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      String body;
      List<Upload> files = List.of();
      if (MultipartBody.isMultipart(contentType)) {
        MultipartBody multipart = MultipartBody.parse(contentType, raw);
        body = multipart.payloadJson() == null ? "" : multipart.payloadJson();
        files = multipart.files();
      } else {
        body = new String(raw, StandardCharsets.UTF_8);
      }
      String rawPath = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
      String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
      String path = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : rawPath;
      Request request = new Request(method, path, query, body, files);

      Answer answer;
      long attached = files.stream().mapToLong(file -> file.bytes().length).sum();
      try {
        // Discord takes at most 10 MiB of files per message from a bot in a server without boosts.
        answer = attached > LARGEST_UPLOAD ? Answer.error(413, 40005, "Request entity too large")
            : answer(request, rawPath.startsWith(PREFIX), exchange.getRequestHeaders().getFirst("Authorization"));
      } catch (RuntimeException e) {
        LOG.warn("fake Discord failed on {} {}", method, path, e);
        answer = Answer.error(500, 0, "500: Internal Server Error (fake): " + e);
      }
      for (Runnable dispatch : request.dispatches) {
        dispatch.run();
      }
      Optional<Future<?>> told = tell(request.created);
      // Record before answering, so a test that saw JDA finish also sees the call.
      calls.add(new Call(method, request.path, body, at, answer.status(), query, files));
      waitUntil(answerAt);
      told.ifPresent(listeners -> awaitListeners(listeners, request.route()));
      send(exchange, answer);
    }
  }

  /** Tells the listeners about the call's new messages, in creation order, off the HTTP thread. */
  private Optional<Future<?>> tell(List<FakeMessage> created) {
    if (created.isEmpty() || messageListeners.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        listenerThreads.submit(
            () -> created.forEach(message -> messageListeners.forEach(listener -> listener.accept(message)))));
  }

  /**
   * Holds the answer until the listeners are done, so whatever they dispatch over the gateway
   * overtakes it, as an event can overtake a slow answer on Discord.
   */
  private static void awaitListeners(Future<?> listeners, String route) {
    try {
      listeners.get(LISTENER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      LOG.warn("a message listener failed on {}", route, e.getCause());
    } catch (TimeoutException e) {
      LOG.warn("a message listener took over {} on {}; answering anyway", LISTENER_PATIENCE, route);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: answer at once
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (answer.json() == null) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Answer answer(Request request, boolean underApi, @Nullable String authorization) {
    if (!underApi) {
      return notFound(request);
    }
    boolean tokenRoute =
        request.segments.get(0).equals("interactions") || request.segments.get(0).equals("webhooks");
    // Interaction callbacks and webhooks are authorised by their token in the path, not the header.
    if (!tokenRoute && !("Bot " + FakeDiscord.TOKEN).equals(authorization)) {
      return Answer.error(401, 0, "401: Unauthorized");
    }
    for (Pattern failure : failures) {
      if (failure.matcher(request.route()).matches() && failures.remove(failure)) {
        return Answer.error(500, 0, "500: Internal Server Error");
      }
    }
    DiscordRules.Bucket bucket = DiscordRules.bucketOf(request.method, request.segments);
    for (RateLimitRule rule : rateLimits) {
      if (rule.route().matcher(request.route()).matches() && rateLimits.remove(rule)) {
        return rateLimited(rule.retryAfterSeconds(), false)
            .withHeaders(limits.forcedHeaders(bucket, rule.retryAfterSeconds()));
      }
    }
    RateLimits.Verdict verdict = limits.take(bucket);
    RateLimits.Refusal refusal = verdict.refusal();
    if (refusal != null) {
      return rateLimited(refusal.retryAfterSeconds(), refusal.global()).withHeaders(verdict.headers());
    }
    return route(request).withHeaders(verdict.headers());
  }

  /**
   * A 429 as Discord sends it. {@code Via} tells JDA it came from Discord rather than Cloudflare.
   * {@code X-RateLimit-Global} only when the limit is global: JDA treats its mere presence as
   * global, and then holds back every route for the {@code Retry-After}.
   */
  private static Answer rateLimited(double retryAfterSeconds, boolean global) {
    DataObject body =
        DataObject.empty()
            .put("message", "You are being rate limited.")
            .put("retry_after", retryAfterSeconds)
            .put("global", global);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)));
    headers.put("X-RateLimit-Scope", global ? "global" : "user");
    if (global) {
      headers.put("X-RateLimit-Global", "true");
    }
    headers.put("Via", "1.1 google");
    return new Answer(429, body.toString(), headers);
  }

  private Answer notFound(Request request) {
    unknownRoutes.add(request.route());
    return Answer.error(404, 0, "404: Not Found");
  }

  private static String decode(String segment) {
    // In a path '+' is a literal plus, unlike in a form body.
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  // ---- routing -----------------------------------------------------------------------------

  private Answer route(Request r) {
    String app = Long.toUnsignedString(FakeDiscord.APPLICATION_ID);
    if (r.is("GET", "gateway")) {
      return Answer.ok(DataObject.empty().put("url", state.gatewayUrl));
    }
    if (r.is("GET", "gateway/bot")) {
      return Answer.ok(
          DataObject.empty()
              .put("url", state.gatewayUrl)
              .put("shards", state.shardTotal)
              .put(
                  "session_start_limit",
                  DataObject.empty()
                      .put("total", 1000)
                      .put("remaining", 1000)
                      .put("reset_after", 0)
                      .put("max_concurrency", 1)));
    }
    if (r.is("GET", "users/@me")) {
      return Answer.ok(
          DiscordState.userJson(state.user(FakeDiscord.BOT_USER_ID))
              .put("verified", true)
              .put("mfa_enabled", false)
              .put("flags", 0));
    }
    if (r.is("POST", "users/@me/channels")) {
      return openDm(r);
    }
    if (r.is("GET", "users/*")) {
      synchronized (state) {
        Long id = snowflake(r.segment(1));
        if (id == null || !state.users.containsKey(id)) {
          return Answer.error(404, 10013, "Unknown User");
        }
        return Answer.ok(DiscordState.userJson(state.user(id)));
      }
    }
    if (r.is("GET", "applications/@me") || r.is("GET", "oauth2/applications/@me")) {
      return Answer.ok(state.applicationJson());
    }
    if (r.segments.size() >= 3
        && r.segment(0).equals("applications")
        && r.segment(r.segments.size() - 1).equals("commands")) {
      if (!r.segment(1).equals(app)) {
        return Answer.error(403, 50001, "Missing Access");
      }
      return commands(r);
    }
    if (r.is("POST", "interactions/*/*/callback")) {
      return callback(r);
    }
    if (r.segments.size() >= 3 && r.segment(0).equals("webhooks")) {
      return webhook(r);
    }
    if (r.is("GET", "guilds/*/members/*")) {
      return guildMember(r);
    }
    if (r.is("GET", "channels/*/threads/archived/public")) {
      return archivedThreads(r);
    }
    if (r.is("PATCH", "channels/*")) {
      return modifyThread(r);
    }
    if (r.is("GET", "channels/*")) {
      synchronized (state) {
        ChannelEntry channel = channelOf(r.segment(1));
        return channel == null ? unknownChannel() : Answer.ok(state.channelJson(channel.id, true));
      }
    }
    if (r.is("POST", "channels/*/messages")) {
      return createChannelMessage(r);
    }
    if (r.is("GET", "channels/*/messages/*")
        || r.is("PATCH", "channels/*/messages/*")
        || r.is("DELETE", "channels/*/messages/*")) {
      return channelMessage(r);
    }
    if (r.is("PUT", "channels/*/messages/*/reactions/*/@me")
        || r.is("DELETE", "channels/*/messages/*/reactions/*/@me")) {
      return ownReaction(r);
    }
    if (r.is("GET", "channels/*/messages/*/reactions/*")) {
      return reactionUsers(r);
    }
    if (r.is("POST", "channels/*/messages/*/threads")) {
      return startThread(r);
    }
    return notFound(r);
  }

  /**
   * A member of a guild, as Discord answers it without the GUILD_MEMBERS intent: the member object
   * with its roles (no permissions); 10007 Unknown Member for a user who is not in the guild.
   */
  private Answer guildMember(Request r) {
    synchronized (state) {
      Long guildId = snowflake(r.segment(1));
      if (guildId == null || !state.guilds.containsKey(guildId)) {
        return Answer.error(404, 10004, "Unknown Guild");
      }
      Long userId = snowflake(r.segment(3));
      if (userId == null) {
        return Answer.invalidForm(
            List.of(new DiscordRules.Problem("user_id", "NUMBER_TYPE_COERCE", "Value is not snowflake.")));
      }
      if (userId != FakeDiscord.BOT_USER_ID && !state.guild(guildId).members.containsKey(userId)) {
        return Answer.error(404, 10007, "Unknown Member");
      }
      return Answer.ok(state.memberJson(guildId, userId, false));
    }
  }

  private static @Nullable Long snowflake(String text) {
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private @Nullable ChannelEntry channelOf(String idText) {
    Long id = snowflake(idText);
    return id == null ? null : state.channel(id);
  }

  private static Answer unknownChannel() {
    return Answer.error(404, 10003, "Unknown Channel");
  }

  private static Answer unknownMessage() {
    return Answer.error(404, 10008, "Unknown Message");
  }

  // ---- commands ----------------------------------------------------------------------------

  private Answer commands(Request r) {
    String scope;
    Long guildId = null;
    if (r.segments.size() == 3) {
      scope = "global";
    } else if (r.segments.size() == 5 && r.segment(2).equals("guilds")) {
      guildId = snowflake(r.segment(3));
      synchronized (state) {
        if (guildId == null || !state.guilds.containsKey(guildId)) {
          return Answer.error(404, 10004, "Unknown Guild");
        }
      }
      scope = Long.toUnsignedString(guildId);
    } else {
      return notFound(r);
    }
    switch (r.method) {
      case "GET":
        return Answer.ok(state.commandsJson(scope));
      case "PUT":
        {
          DataArray body = DataArray.fromJson(r.body);
          String problem = DiscordState.commandsProblem(body);
          if (problem != null) {
            violations.add("PUT commands: " + problem);
            return Answer.error(400, 50035, "Invalid Form Body: " + problem);
          }
          return Answer.ok(state.overwriteCommands(scope, guildId, body));
        }
      case "POST":
        {
          // Upsert one command: replace a same-named one, keep the others.
          synchronized (state) {
            DataObject command = r.json();
            DataArray all = DataArray.empty();
            boolean replaced = false;
            for (DataObject existing : state.commandList(scope)) {
              if (existing.getString("name").equals(command.getString("name", ""))) {
                all.add(command);
                replaced = true;
              } else {
                all.add(existing);
              }
            }
            if (!replaced) {
              all.add(command);
            }
            DataArray stored = state.overwriteCommands(scope, guildId, all);
            for (int i = 0; i < stored.length(); i++) {
              if (stored.getObject(i).getString("name").equals(command.getString("name", ""))) {
                return new Answer(replaced ? 200 : 201, stored.getObject(i).toString(), Map.of());
              }
            }
            return Answer.error(500, 0, "upsert lost the command");
          }
        }
      default:
        return notFound(r);
    }
  }

  // ---- rules shared by every message create and edit ---------------------------------------

  /**
   * Checks Discord's limits and the project's mention policy (every create and edit carries
   * {@code allowed_mentions} with an empty {@code parse} and no reply ping).
   *
   * @return the problems; empty if the body may be stored
   */
  private List<DiscordRules.Problem> checkMessageBody(String where, DataObject body) {
    List<DiscordRules.Problem> problems = new ArrayList<>(DiscordRules.checkMessage(body));
    String violation = mentionViolation(body);
    if (violation != null) {
      violations.add(where + ": " + violation);
      problems.add(new DiscordRules.Problem("allowed_mentions", "CHORUS_MENTION_POLICY", violation));
    }
    return problems;
  }

  private static @Nullable String mentionViolation(DataObject body) {
    if (!body.isType("allowed_mentions", DataType.OBJECT)) {
      return "no allowed_mentions (Discord would parse every mention in the content)";
    }
    DataObject mentions = body.getObject("allowed_mentions");
    if (!mentions.isType("parse", DataType.ARRAY)) {
      return "allowed_mentions without a parse list: " + mentions;
    }
    if (mentions.getArray("parse").length() > 0) {
      return "allowed_mentions.parse is not empty: " + mentions.getArray("parse");
    }
    if (mentions.getBoolean("replied_user", false)) {
      return "allowed_mentions.replied_user is true";
    }
    return null;
  }

  // ---- channel messages --------------------------------------------------------------------

  private Answer createChannelMessage(Request r) {
    synchronized (state) {
      ChannelEntry channel = channelOf(r.segment(1));
      if (channel == null) {
        return unknownChannel();
      }
      Answer refused = refuseSending(channel);
      if (refused != null) {
        return refused;
      }
      DataObject body = r.json();
      List<DiscordRules.Problem> problems = checkMessageBody(r.route(), body);
      if (!problems.isEmpty()) {
        return Answer.invalidForm(problems);
      }
      String nonceKey = null;
      if (body.getBoolean("enforce_nonce", false) && !body.isNull("nonce")) {
        nonceKey = channel.id + ":" + body.get("nonce");
        DiscordState.NonceEntry seen = state.nonces.get(nonceKey);
        if (seen != null
            && Duration.between(seen.at(), Instant.now()).compareTo(DiscordState.NONCE_WINDOW) < 0) {
          Optional<StoredMessage> first = state.message(seen.messageId());
          if (first.isPresent()) {
            return Answer.ok(first.get().json); // Discord answers the first message again
          }
        }
      }
      StoredMessage message = state.createMessage(channel.id, body, r.files, null, 0, 0);
      r.created.add(message.snapshot());
      if (nonceKey != null) {
        state.nonces.put(nonceKey, new DiscordState.NonceEntry(message.id, Instant.now()));
      }
      return Answer.ok(message.json);
    }
  }

  /** A parent channel's archived public threads, newest first, all on one page. */
  private Answer archivedThreads(Request r) {
    synchronized (state) {
      ChannelEntry parent = channelOf(r.segment(1));
      if (parent == null) {
        return unknownChannel();
      }
      DataArray threads = DataArray.empty();
      state.channels.values().stream()
          .filter(c -> c.kind == ChannelKind.PUBLIC_THREAD && c.parentId == parent.id && c.archived)
          .sorted((a, b) -> Long.compareUnsigned(b.id, a.id))
          .forEach(c -> threads.add(state.channelJson(c.id, true)));
      return Answer.ok(DataObject.empty().put("threads", threads).put("members", DataArray.empty())
          .put("has_more", false));
    }
  }

  /** Unarchiving (or archiving) a thread; other channel changes are not needed by the bot. */
  private Answer modifyThread(Request r) {
    DataObject threadJson;
    long guildId;
    synchronized (state) {
      ChannelEntry thread = channelOf(r.segment(1));
      if (thread == null || thread.kind != ChannelKind.PUBLIC_THREAD) {
        return unknownChannel();
      }
      DataObject body = r.json();
      if (!body.isNull("archived")) {
        thread.archived = body.getBoolean("archived");
      }
      threadJson = state.channelJson(thread.id, true);
      guildId = thread.guildId;
    }
    DataObject event = DiscordState.copy(threadJson);
    r.dispatches.add(() -> dispatchToGuild(guildId, "THREAD_UPDATE", event, INTENT_GUILDS));
    return Answer.ok(threadJson);
  }

  /** Permission and DM checks Discord makes before it even looks at the body. */
  private @Nullable Answer refuseSending(ChannelEntry channel) {
    if (channel.archived) {
      return Answer.error(400, 50083, "Thread is archived");
    }
    if (state.deniedChannels.contains(channel.id)
        || (channel.kind == ChannelKind.PUBLIC_THREAD && state.deniedChannels.contains(channel.parentId))) {
      return Answer.error(403, 50013, "Missing Permissions");
    }
    if (channel.kind == ChannelKind.DM && state.closedDms.contains(channel.recipientId)) {
      return Answer.error(403, 50007, "Cannot send messages to this user");
    }
    if (!state.canView(FakeDiscord.BOT_USER_ID, channel.id)) {
      return Answer.error(403, 50001, "Missing Access");
    }
    return null;
  }

  private Answer channelMessage(Request r) {
    synchronized (state) {
      ChannelEntry channel = channelOf(r.segment(1));
      if (channel == null) {
        return unknownChannel();
      }
      Long messageId = snowflake(r.segment(3));
      Optional<StoredMessage> found =
          messageId == null ? Optional.empty() : state.message(messageId);
      if (found.isEmpty() || found.get().channelId != channel.id || found.get().ephemeral()) {
        return unknownMessage();
      }
      StoredMessage message = found.get();
      switch (r.method) {
        case "GET":
          return Answer.ok(withReactions(message));
        case "DELETE":
          message.deleted = true;
          return Answer.noContent();
        default:
          {
            if (channel.archived) {
              return Answer.error(400, 50083, "Thread is archived");
            }
            DataObject body = r.json();
            List<DiscordRules.Problem> problems = checkMessageBody(r.route(), body);
            if (!problems.isEmpty()) {
              return Answer.invalidForm(problems);
            }
            state.editMessage(message, body, r.files);
            return Answer.ok(message.json);
          }
      }
    }
  }

  /**
   * The message as Discord serves it when asked: with its reactions summed up per emoji (count, and
   * whether the bot is among them), in the order each emoji was first added.
   */
  private static DataObject withReactions(StoredMessage message) {
    var json = DataObject.fromJson(message.json.toString());
    var counts = new java.util.LinkedHashMap<String, long[]>();
    for (var reaction : message.reactions) {
      var count = counts.computeIfAbsent(reaction.emoji(), e -> new long[2]);
      count[0]++;
      if (reaction.userId() == FakeDiscord.BOT_USER_ID) {
        count[1] = 1;
      }
    }
    var reactions = DataArray.empty();
    counts.forEach((emoji, count) -> {
      int colon = emoji.lastIndexOf(':');
      var emojiJson = colon > 0
          ? DataObject.empty().put("name", emoji.substring(0, colon)).put("id", emoji.substring(colon + 1))
          : DataObject.empty().put("name", emoji).putNull("id");
      reactions.add(DataObject.empty().put("count", count[0])
          .put("count_details", DataObject.empty().put("burst", 0).put("normal", count[0]))
          .put("me", count[1] == 1).put("me_burst", false).put("burst_colors", DataArray.empty())
          .put("emoji", emojiJson));
    });
    if (!counts.isEmpty()) {
      json.put("reactions", reactions);
    }
    return json;
  }

  private Answer ownReaction(Request r) {
    synchronized (state) {
      ChannelEntry channel = channelOf(r.segment(1));
      if (channel == null) {
        return unknownChannel();
      }
      Long messageId = snowflake(r.segment(3));
      Optional<StoredMessage> found =
          messageId == null ? Optional.empty() : state.message(messageId);
      if (found.isEmpty() || found.get().channelId != channel.id) {
        return unknownMessage();
      }
      String emoji = r.segment(5);
      if (emoji.isBlank()) {
        return Answer.error(400, 10014, "Unknown Emoji");
      }
      StoredMessage message = found.get();
      boolean add = r.method.equals("PUT");
      boolean changed = state.react(message, FakeDiscord.BOT_USER_ID, emoji, add);
      if (changed && channel.guildId != 0) {
        // Discord echoes the bot's own reaction over the gateway like anyone else's.
        DataObject event =
            FakeDiscord.reactionEvent(state, channel.guildId, channel.id, message.id, FakeDiscord.BOT_USER_ID, emoji, add);
        long guildId = channel.guildId;
        String type = add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE";
        r.dispatches.add(() -> dispatchToGuild(guildId, type, event, INTENT_GUILD_MESSAGE_REACTIONS));
      }
      return Answer.noContent();
    }
  }

  /**
   * Who reacted to a message with one emoji, as Discord pages them: users in ascending id order,
   * those after the {@code after} id, at most {@code limit} (1 to 100, 25 by default). Super
   * reactions ({@code type=1}) are never made here, so that page is empty.
   */
  private Answer reactionUsers(Request r) {
    int limit;
    try {
      limit = Integer.parseInt(r.queryParam("limit").orElse("25"));
    } catch (NumberFormatException e) {
      return Answer.invalidForm(List.of(new DiscordRules.Problem("limit", "NUMBER_TYPE_COERCE", "Value is not int.")));
    }
    if (limit < 1 || limit > 100) {
      return Answer.invalidForm(
          List.of(
              new DiscordRules.Problem(
                  "limit",
                  limit < 1 ? "NUMBER_TYPE_MIN" : "NUMBER_TYPE_MAX",
                  limit < 1
                      ? "int value should be greater than or equal to 1."
                      : "int value should be less than or equal to 100.")));
    }
    Long afterId = snowflake(r.queryParam("after").orElse("0"));
    if (afterId == null) {
      return Answer.invalidForm(
          List.of(new DiscordRules.Problem("after", "NUMBER_TYPE_COERCE", "Value is not snowflake.")));
    }
    long after = afterId;
    boolean burst = r.queryParam("type").orElse("0").equals("1");
    synchronized (state) {
      ChannelEntry channel = channelOf(r.segment(1));
      if (channel == null) {
        return unknownChannel();
      }
      Long messageId = snowflake(r.segment(3));
      Optional<StoredMessage> found =
          messageId == null ? Optional.empty() : state.message(messageId);
      if (found.isEmpty() || found.get().channelId != channel.id || found.get().ephemeral()) {
        return unknownMessage();
      }
      String emoji = r.segment(5);
      if (emoji.isBlank()) {
        return Answer.error(400, 10014, "Unknown Emoji");
      }
      DataArray users = DataArray.empty();
      if (!burst) {
        state.reactors(found.get(), emoji, after, limit).forEach(user -> users.add(DiscordState.userJson(user)));
      }
      return Answer.ok(users);
    }
  }

  private Answer startThread(Request r) {
    DataObject threadJson;
    long guildId;
    synchronized (state) {
      ChannelEntry channel = channelOf(r.segment(1));
      if (channel == null) {
        return unknownChannel();
      }
      if (channel.kind != ChannelKind.TEXT) {
        return Answer.error(400, 50024, "Cannot execute action on this channel type");
      }
      if (state.deniedChannels.contains(channel.id)) {
        return Answer.error(403, 50013, "Missing Permissions");
      }
      Long messageId = snowflake(r.segment(3));
      Optional<StoredMessage> found =
          messageId == null ? Optional.empty() : state.message(messageId);
      if (found.isEmpty() || found.get().channelId != channel.id) {
        return unknownMessage();
      }
      if (state.channels.containsKey(messageId)) {
        return Answer.error(400, 160004, "A thread has already been created for this message");
      }
      DataObject body = r.json();
      String name = body.getString("name", "");
      if (name.isBlank() || DiscordRules.length(name) > DiscordRules.MAX_THREAD_NAME) {
        return Answer.invalidForm(
            List.of(
                new DiscordRules.Problem(
                    "name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")));
      }
      int autoArchive = body.getInt("auto_archive_duration", 4320);
      // A thread started from a message takes the message's id.
      ChannelEntry thread =
          new ChannelEntry(
              messageId,
              ChannelKind.PUBLIC_THREAD,
              channel.guildId,
              name,
              channel.id,
              0,
              autoArchive,
              Instant.now());
      state.channels.put(thread.id, thread);
      threadJson = state.channelJson(thread.id, true);
      guildId = channel.guildId;
    }
    DataObject event = DiscordState.copy(threadJson).put("newly_created", true);
    // Discord usually delivers THREAD_CREATE before the REST answer; JDA only fires its
    // ChannelCreateEvent when the gateway event comes first.
    r.dispatches.add(() -> dispatchToGuild(guildId, "THREAD_CREATE", event, INTENT_GUILDS));
    return Answer.created(threadJson);
  }

  private Answer openDm(Request r) {
    synchronized (state) {
      Long recipient = snowflake(r.json().getString("recipient_id", ""));
      if (recipient == null || !state.users.containsKey(recipient)) {
        return Answer.error(404, 10013, "Unknown User");
      }
      Long channelId = state.dmChannelByUser.get(recipient);
      if (channelId == null) {
        channelId = state.nextId();
        state.channels.put(
            channelId,
            new ChannelEntry(channelId, ChannelKind.DM, 0, "", 0, recipient, 0, Instant.now()));
        state.dmChannelByUser.put(recipient, channelId);
      }
      return Answer.ok(state.channelJson(channelId, true));
    }
  }

  void dispatchToGuild(long guildId, String type, DataObject d, int intent) {
    gateway.dispatch(state.shardOfGuild(guildId), type, d, intent);
  }

  // ---- interactions ------------------------------------------------------------------------

  private Answer callback(Request r) {
    synchronized (state) {
      Long interactionId = snowflake(r.segment(1));
      InteractionEntry entry = interactionId == null ? null : state.interactions.get(interactionId);
      if (entry == null || !entry.info.token().equals(r.segment(2))) {
        return Answer.error(404, 10062, "Unknown interaction");
      }
      Instant now = Instant.now();
      Duration since = Duration.between(entry.info.dispatchedAt(), now);
      DataObject body = r.json();
      int type = body.getInt("type", -1);
      Answer answer = callbackAnswer(r, entry, since, body, type);
      entry.callbacks.add(
          new InteractionCallback(entry.info.id(), type, r.body, now, since, answer.status()));
      return answer;
    }
  }

  private Answer callbackAnswer(
      Request r, InteractionEntry entry, Duration since, DataObject body, int type) {
    if (entry.acknowledged) {
      return Answer.error(400, 40060, "Interaction has already been acknowledged.");
    }
    if (entry.expired || since.compareTo(INTERACTION_DEADLINE) > 0) {
      entry.expired = true;
      return Answer.error(404, 10062, "Unknown interaction");
    }
    if (!allowedCallback(entry, type)) {
      return Answer.invalidForm(
          List.of(
              new DiscordRules.Problem(
                  "type",
                  "INTERACTION_CALLBACK_TYPE_INVALID",
                  "Callback type " + type + " is not valid for interaction type " + entry.info.type())));
    }
    DataObject data = body.optObject("data").orElseGet(DataObject::empty);
    List<DiscordRules.Problem> problems =
        switch (type) {
          case 4, 7 -> checkMessageBody(r.route() + " (callback type " + type + ")", data);
          case 9 -> DiscordRules.checkModal(data);
          case 8 ->
              data.optArray("choices").orElseGet(DataArray::empty).length() > 25
                  ? List.of(
                      new DiscordRules.Problem(
                          "data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."))
                  : List.of();
          default -> List.of();
        };
    if (!problems.isEmpty()) {
      return Answer.invalidForm(problems);
    }
    entry.acknowledged = true;
    StoredMessage message = null;
    switch (type) {
      case 4 -> {
        int messageType = entry.info.type() == 2 ? 20 : 0;
        message = state.createMessage(entry.info.channelId(), data, r.files, entry, messageType, 0);
      }
      case 5 -> {
        int messageType = entry.info.type() == 2 ? 20 : 0;
        int flags = FLAG_LOADING | (data.getInt("flags", 0) & FLAG_EPHEMERAL);
        message =
            state.createMessage(
                entry.info.channelId(), DataObject.empty(), List.of(), entry, messageType, flags);
      }
      case 6, 7 -> {
        message = state.message(entry.componentMessageId).orElse(null);
        if (message != null && type == 7) {
          state.editMessage(message, data, r.files);
        }
      }
      default -> {}
    }
    if (message != null) {
      entry.originalMessageId = message.id;
      if (type == 4 || type == 5) {
        entry.replyMessageIds.add(message.id);
        r.created.add(message.snapshot());
      }
    }
    if (!r.queryFlag("with_response")) {
      return Answer.noContent();
    }
    // The shape Discord answers with when asked for ?with_response=true.
    DataObject interaction =
        DataObject.empty()
            .put("id", Long.toUnsignedString(entry.info.id()))
            .put("type", entry.info.type());
    DataObject resource = DataObject.empty().put("type", type);
    if (message != null && type != 6) {
      interaction
          .put("response_message_id", Long.toUnsignedString(message.id))
          .put("response_message_loading", message.loading)
          .put("response_message_ephemeral", message.ephemeral());
      resource.put("message", DiscordState.copy(message.json));
    }
    return Answer.ok(DataObject.empty().put("interaction", interaction).put("resource", resource));
  }

  private static boolean allowedCallback(InteractionEntry entry, int callbackType) {
    return switch (entry.info.type()) {
      case 2 -> callbackType == 4 || callbackType == 5 || callbackType == 9;
      case 3 -> List.of(4, 5, 6, 7, 9).contains(callbackType);
      case 4 -> callbackType == 8;
      case 5 ->
          callbackType == 4
              || callbackType == 5
              || ((callbackType == 6 || callbackType == 7) && entry.componentMessageId != 0);
      default -> callbackType == 1;
    };
  }

  /** Webhook routes an interaction's token unlocks: follow-ups and the original response. */
  private Answer webhook(Request r) {
    synchronized (state) {
      InteractionEntry entry =
          state.interactions.values().stream()
              .filter(e -> e.info.token().equals(r.segment(2)))
              .findFirst()
              .orElse(null);
      // Discord knows the token only once the interaction was acknowledged in time.
      if (!r.segment(1).equals(Long.toUnsignedString(FakeDiscord.APPLICATION_ID))
          || entry == null
          || !entry.acknowledged) {
        return Answer.error(404, 10015, "Unknown Webhook");
      }
      if (r.is("POST", "webhooks/*/*")) {
        DataObject body = r.json();
        List<DiscordRules.Problem> problems = checkMessageBody(r.route(), body);
        if (!problems.isEmpty()) {
          return Answer.invalidForm(problems);
        }
        StoredMessage original =
            entry.originalMessageId == null ? null : state.message(entry.originalMessageId).orElse(null);
        if (original != null && original.loading) {
          // After a deferred reply, the first follow-up replaces the "thinking..." message.
          state.editMessage(original, body, r.files);
          return Answer.ok(original.json);
        }
        int flags = body.getInt("flags", 0) & FLAG_EPHEMERAL;
        StoredMessage followUp =
            state.createMessage(entry.info.channelId(), body, r.files, entry, 0, flags);
        entry.replyMessageIds.add(followUp.id);
        r.created.add(followUp.snapshot());
        return Answer.ok(followUp.json);
      }
      if (r.segments.size() != 5 || !r.segment(3).equals("messages")) {
        return notFound(r);
      }
      Long messageId =
          r.segment(4).equals("@original") ? entry.originalMessageId : snowflake(r.segment(4));
      boolean belongs =
          messageId != null
              && (messageId.equals(entry.originalMessageId) || entry.replyMessageIds.contains(messageId));
      Optional<StoredMessage> found = belongs ? state.message(messageId) : Optional.empty();
      if (found.isEmpty()) {
        return unknownMessage();
      }
      StoredMessage message = found.get();
      switch (r.method) {
        case "GET":
          return Answer.ok(withReactions(message));
        case "DELETE":
          message.deleted = true;
          return Answer.noContent();
        case "PATCH":
          {
            DataObject body = r.json();
            List<DiscordRules.Problem> problems = checkMessageBody(r.route(), body);
            if (!problems.isEmpty()) {
              return Answer.invalidForm(problems);
            }
            state.editMessage(message, body, r.files);
            return Answer.ok(message.json);
          }
        default:
          return notFound(r);
      }
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
