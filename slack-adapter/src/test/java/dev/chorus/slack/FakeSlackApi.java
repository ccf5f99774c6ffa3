package dev.chorus.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Slack's Web API as far as Chorus calls it, on 127.0.0.1, behaving as the real one does so a test
 * cannot hide a race: calls are answered concurrently, each after a random delay (30–150 ms unless
 * {@link #latency changed}), within Slack's rate limits ({@link #LIMITS}), against messages and
 * reactions Slack keeps. It records every call and enforces Slack's rules — the bot tokens it issued (one per
 * workspace, revoked when the workspace removes the app; {@code oauth.v2.access} issues them), at most 50
 * blocks and 3,000 characters a section, channels Chorus is not in — and answers a 429 with
 * {@code Retry-After} when a limit is passed or when told to. It sends no events: a test that adds a
 * member's reaction here sends the event itself.
 */
public final class FakeSlackApi implements AutoCloseable {
  public static final String TOKEN = "xoxb-test-token";
  public static final String NOT_IN = "CNOTIN";
  public static final String APP_TOKEN = "xapp-test-token";
  /** Chorus's own user, as {@code auth.test} names it and as its reactions are recorded. */
  public static final String BOT_USER = "UBOT";
  /** The latency's seed unless one is given, so a run can be repeated. */
  public static final long DEFAULT_SEED = 20_261_102L;

  /**
   * A rate limit as a token bucket: {@code burst} calls at once, refilled at {@code perMinute}. Slack
   * publishes the per-minute figures and tolerates "short bursts" without saying how many; the bursts
   * here are the fake's choice, small enough that a caller ignoring the limits is caught.
   */
  public record Limit(int perMinute, int burst) {}

  /** Tier 1: 1 a minute, 2 at once. */
  public static final Limit TIER_1 = new Limit(1, 2);
  /** Tier 2: 20 a minute, 10 at once. */
  public static final Limit TIER_2 = new Limit(20, 10);
  /** Tier 3: 50 a minute, 20 at once. */
  public static final Limit TIER_3 = new Limit(50, 20);
  /** Tier 4: 100 a minute, 40 at once. */
  public static final Limit TIER_4 = new Limit(100, 40);
  /** {@code chat.postMessage}'s own limit: about one message a second in each channel, 5 at once. */
  public static final Limit POST_PER_CHANNEL = new Limit(60, 5);

  /**
   * Each limited method's limit, per workspace token (per channel too for {@code chat.postMessage}).
   * Unlisted methods are not limited: {@code auth.test} (special) and {@code apps.connections.open}
   * (Tier 1 at Slack, but a Socket Mode reconnect must not wait a minute in a test).
   */
  public static final Map<String, Limit> LIMITS = Map.ofEntries(
      Map.entry("chat.postMessage", POST_PER_CHANNEL),
      Map.entry("chat.update", TIER_3),
      Map.entry("chat.postEphemeral", TIER_4),
      Map.entry("reactions.add", TIER_3),
      Map.entry("reactions.get", TIER_3),
      Map.entry("users.info", TIER_4),
      Map.entry("usergroups.list", TIER_2),
      Map.entry("usergroups.users.list", TIER_2),
      Map.entry("conversations.members", TIER_4),
      Map.entry("conversations.info", TIER_3),
      Map.entry("conversations.open", TIER_3),
      Map.entry("views.open", TIER_4),
      Map.entry("views.publish", TIER_4),
      Map.entry("chat.getPermalink", TIER_4),
      Map.entry("files.getUploadURLExternal", TIER_4),
      Map.entry("files.completeUploadExternal", TIER_4));

  /** Emoji names {@code reactions.add} takes; anything else is {@code invalid_name}. */
  private static final Set<String> KNOWN_EMOJI = Set.of("+1", "-1", "thumbsup", "thumbsdown", "shrug",
      "white_check_mark", "heavy_check_mark", "x", "raised_hand", "eyes", "tada", "heart");
  /** Slack keeps an alias under its canonical name, as reaction events and {@code reactions.get} show. */
  private static final Map<String, String> ALIASES = Map.of("thumbsup", "+1", "thumbsdown", "-1");
  /**
   * Without {@code full=true}, {@code reactions.get} may leave users out; here it keeps so few that a
   * caller forgetting it is caught.
   */
  private static final int PARTIAL_USERS = 3;

  /**
   * One call as Slack received it.
   *
   * @param team the workspace whose token made it; empty for a call without a valid one
   */
  public record Call(String method, Map<String, String> params, Instant at, int status, String team) {}

  /** A message the moment it exists on Slack's side, as a member watching the channel sees it. */
  public record Posted(String channel, String ts, @Nullable String threadTs, String blocks, String text) {}

  /** A message as Slack keeps it: its reactions by name, each with its users in the order they reacted. */
  public record Message(String channel, String ts, @Nullable String threadTs, String text, String blocks,
      Map<String, List<String>> reactions) {

    Message edited(@Nullable String newText, @Nullable String newBlocks) {
      return new Message(channel, ts, threadTs, newText == null ? text : newText, newBlocks == null ? blocks : newBlocks,
          reactions);
    }

    Message reacted(String name, String user, boolean add) {
      var changed = new LinkedHashMap<>(reactions);
      var users = new ArrayList<>(changed.getOrDefault(name, List.of()));
      if (add) {
        users.add(user);
      } else {
        users.remove(user);
      }
      if (users.isEmpty()) {
        changed.remove(name);
      } else {
        changed.put(name, List.copyOf(users));
      }
      return new Message(channel, ts, threadTs, text, blocks, Collections.unmodifiableMap(changed));
    }
  }

  private record Latency(Duration min, Duration max) {}

  /**
   * A channel the test made: public or private, with its members (Chorus among them only if listed).
   * Any other id starting with {@code C} is a public channel of {@link #EVERYONE}; any other id at all
   * is not found.
   */
  private record Channel(String id, boolean isPrivate, List<String> members) {}

  /** The members of a channel the test did not make, Chorus among them, in the order Slack lists them. */
  public static final List<String> EVERYONE = List.of("U1", BOT_USER, "U2", "U3", "U4");

  /** A user group as Slack keeps it: its id ({@code S…}), its handle, its members; a disabled one has a deletion time. */
  private record UserGroup(String id, String handle, List<String> users, long deleted) {}

  static {
    // Without it the JDK's server sends an answer's headers and body as two packets and Nagle's algorithm
    // holds the second for the client's delayed ACK: some 40 ms on every call, over the latency chosen.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private volatile String socketUrl = "";
  private final HttpServer server;
  /** Answers calls, several at once as Slack does. */
  private final ExecutorService requests = Executors.newFixedThreadPool(16, daemons("fake-slack-api"));
  /** Runs {@link #onPosted} listeners apart from the calls, so a slow one holds up no answer. */
  private final ExecutorService watchers = Executors.newCachedThreadPool(daemons("fake-slack-member"));
  private final List<Call> calls = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  /** Workspace admins, as {@code users.info} describes them; everyone else is a plain member. */
  private final Set<String> admins = ConcurrentHashMap.newKeySet();
  /** User groups by id, in the order they were made. */
  private final Map<String, UserGroup> userGroups = Collections.synchronizedMap(new LinkedHashMap<>());
  private final AtomicInteger userGroupIds = new AtomicInteger();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Map<String, Message> messages = new ConcurrentHashMap<>();
  private final List<Consumer<Posted>> postedListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong timestamps = new AtomicLong(1_700_000_000_000_100L);
  private final Random random;
  /** Each bot token Slack has issued, with its workspace; {@link #TOKEN} is T1's from the start. */
  private final Map<String, String> teamsByToken = new ConcurrentHashMap<>(Map.of(TOKEN, "T1"));
  /** Tokens Slack took back when their workspace removed Chorus: {@code token_revoked}. */
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  /** Codes of approved installs not yet exchanged for a token (each once): the grant's workspace, redirect and scopes. */
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  /** Each member's Home tab as last published. */
  private final Map<String, String> homes = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile @Nullable String clientId;
  private volatile @Nullable String clientSecret;
  private volatile Latency latency = new Latency(Duration.ofMillis(30), Duration.ofMillis(150));
  private volatile boolean limits = true;

  public FakeSlackApi() throws IOException {
    this(DEFAULT_SEED);
  }

  /** @param seed the latency's random seed */
  public FakeSlackApi(long seed) throws IOException {
    random = new Random(seed);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::handle);
    server.setExecutor(requests);
    server.start();
  }

  private static ThreadFactory daemons(String name) {
    var count = new AtomicInteger();
    return runnable -> {
      var thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** An install a member approved on Slack's authorize page, until Chorus exchanges its code. */
  private record Grant(String team, String redirectUri, String scope) {}

  /** The app's OAuth credentials, as Slack shows them on the app's page: {@code oauth.v2.access} checks them. */
  public void oauthApp(String id, String secret) {
    clientId = id;
    clientSecret = secret;
  }

  /**
   * A workspace admin approves the install on Slack's authorize page: the page's address (as Chorus
   * sent the browser there) is checked as Slack checks it — the app's client id, the {@code state},
   * a redirect address — and the address Slack sends the browser back to is returned, with a code
   * {@code oauth.v2.access} takes once.
   */
  public String approveInstall(String authorizeUrl, String team) {
    var uri = URI.create(authorizeUrl);
    if (!uri.getPath().equals("/oauth/v2/authorize")) {
      throw new IllegalArgumentException("not Slack's authorize page: " + authorizeUrl);
    }
    var query = new LinkedHashMap<String, String>();
    for (var pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    if (clientId == null || !clientId.equals(query.get("client_id"))) {
      throw new IllegalArgumentException("Slack knows no app with client_id " + query.get("client_id"));
    }
    var state = query.get("state");
    var redirect = query.get("redirect_uri");
    if (state == null || state.isBlank() || redirect == null || redirect.isBlank()) {
      throw new IllegalArgumentException("an install needs a state and a redirect_uri: " + authorizeUrl);
    }
    var code = "code-" + team + "-" + issued.incrementAndGet();
    grants.put(code, new Grant(team, redirect, String.valueOf(query.get("scope"))));
    return redirect + "?code=" + code + "&state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8);
  }

  /** The scopes the workspace approved in its last install, comma-separated as Slack lists them. */
  public synchronized String approvedScopes(String team) {
    return calls.stream().filter(c -> c.method().equals("oauth.v2.access") && c.team().equals(team))
        .reduce((first, second) -> second).map(c -> c.params().getOrDefault("approved_scope", "")).orElse("");
  }

  /** The workspace removes Chorus: every token Slack issued for it is revoked ({@code token_revoked}). */
  public void uninstall(String team) {
    teamsByToken.forEach((token, owner) -> {
      if (owner.equals(team)) {
        revoked.add(token);
      }
    });
  }

  /** Every bot token Slack issued for the workspace, revoked or not: what must never be stored in plain text. */
  public List<String> tokensOf(String team) {
    return teamsByToken.entrySet().stream().filter(e -> e.getValue().equals(team)).map(Map.Entry::getKey).sorted().toList();
  }

  /** Where {@code apps.connections.open} sends the app (the fake Socket Mode). */
  public void socketUrl(String url) {
    this.socketUrl = url;
  }

  /** The base URL to give the Web API client. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** The next call of the method is answered 429 with {@code Retry-After: seconds}. */
  public void rateLimitNext(String method, int seconds) {
    rateLimited.put(method, seconds);
  }

  /**
   * The next call of the method fails as in an outage at Slack: HTTP 500, {@code fatal_error}, no
   * {@code Retry-After}, nothing done.
   */
  public void failNext(String method) {
    failing.add(method);
  }

  /** From now on {@code users.info} describes the member as a workspace admin ({@code is_admin}). */
  public void admin(String user) {
    admins.add(user);
  }

  /**
   * Makes a private channel with its members, as a member allowed to would: Chorus is in it only if
   * {@link #BOT_USER} is among them. Slack shows a private channel only to its members: to Chorus
   * outside it, it is {@code channel_not_found}.
   */
  public void privateChannel(String id, String... members) {
    channels.put(id, new Channel(id, true, List.of(members)));
  }

  /** Makes a public channel with its members (Chorus only if {@link #BOT_USER} is among them). */
  public void publicChannel(String id, String... members) {
    channels.put(id, new Channel(id, false, List.of(members)));
  }

  /**
   * Makes a user group with a handle (as in {@code @facilitators}) and members, as a member allowed to
   * in Slack would; its id is returned. Slack refuses a handle an enabled group has already.
   */
  public String userGroup(String handle, String... users) {
    synchronized (userGroups) {
      if (userGroups.values().stream().anyMatch(g -> g.deleted() == 0 && g.handle().equalsIgnoreCase(handle))) {
        throw new IllegalArgumentException("Slack refuses a second enabled user group @" + handle);
      }
      var id = "S" + String.format("%07d", userGroupIds.incrementAndGet());
      userGroups.put(id, new UserGroup(id, handle, List.of(users), 0));
      return id;
    }
  }

  /** The group's members from now on, as when someone edits it in Slack. */
  public void userGroupMembers(String id, String... users) {
    var group = Optional.ofNullable(userGroups.get(id)).orElseThrow(() -> new IllegalArgumentException("no group " + id));
    userGroups.put(id, new UserGroup(id, group.handle(), List.of(users), group.deleted()));
  }

  /** Disables the group: lists leave it out unless asked to include disabled ones, and its handle is free again. */
  public void disableUserGroup(String id) {
    var group = Optional.ofNullable(userGroups.get(id)).orElseThrow(() -> new IllegalArgumentException("no group " + id));
    userGroups.put(id, new UserGroup(id, group.handle(), group.users(), Instant.now().getEpochSecond()));
  }

  /**
   * How long each call waits before it is answered: a random time between the two (both
   * {@link Duration#ZERO} for none). By default 30–150 ms, as Slack over a network.
   */
  public void latency(Duration min, Duration max) {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency from " + min + " to " + max);
    }
    latency = new Latency(min, max);
  }

  /**
   * Slack's rate limits on or off (on by default); either way every bucket starts full again. Only for
   * a test about something else that would otherwise wait out the limits for long.
   */
  public void rateLimits(boolean on) {
    limits = on;
    buckets.clear();
  }

  /**
   * Calls the listener with every message the moment it exists on Slack's side, before the call that
   * posted it is answered — as a member watching the channel may react before Chorus hears back. Each
   * listener runs on a thread of its own: the answer waits for it to start, not to finish.
   */
  public void onPosted(Consumer<Posted> listener) {
    postedListeners.add(listener);
  }

  /** The message as Slack keeps it now, if it was posted. */
  public Optional<Message> message(String channel, String ts) {
    return Optional.ofNullable(messages.get(key(channel, ts)));
  }

  /**
   * A message's reactions now: each name with its users in the order they reacted. A message Slack
   * does not have is the test's mistake.
   */
  public Map<String, List<String>> reactions(String channel, String ts) {
    return message(channel, ts).orElseThrow(() -> new IllegalArgumentException("Slack has no message " + key(channel, ts)))
        .reactions();
  }

  /**
   * A member reacts, as in Slack's app; false when they had already. Slack's state only: the test sends
   * the {@code reaction_added} event itself.
   */
  public boolean addReaction(String channel, String ts, String user, String name) {
    return member(react(channel, ts, user, name, true), channel, ts);
  }

  /** A member takes a reaction back; false when they had none. The test sends {@code reaction_removed} itself. */
  public boolean removeReaction(String channel, String ts, String user, String name) {
    return member(react(channel, ts, user, name, false), channel, ts);
  }

  private static boolean member(String outcome, String channel, String ts) {
    if (outcome.equals("message_not_found")) {
      throw new IllegalArgumentException("Slack has no message " + key(channel, ts));
    }
    return outcome.equals("ok");
  }

  /**
   * Waits until the method has been called {@code count} times (429s included), at most 15 seconds:
   * answers take a while and may wait out a rate limit.
   */
  public List<Call> await(String method, int count) throws InterruptedException {
    return await(method, count, Duration.ofSeconds(15));
  }

  /** Waits until the method has been called {@code count} times (429s included), at most {@code within}. */
  public List<Call> await(String method, int count, Duration within) throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    while (calls(method).size() < count && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return calls(method);
  }

  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Every Web API method called so far (uploads to a file's upload URL are not methods). */
  public synchronized Set<String> methods() {
    var methods = new java.util.TreeSet<String>();
    calls.stream().filter(c -> !c.method().startsWith("upload/") && !c.method().equals("apps.connections.open"))
        .forEach(c -> methods.add(c.method()));
    return methods;
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  private void handle(HttpExchange exchange) throws IOException {
    var method = exchange.getRequestURI().getPath().substring("/api/".length());
    var raw = exchange.getRequestBody().readAllBytes();
    var body = new String(raw, StandardCharsets.UTF_8);
    if (method.startsWith("upload/")) {
      // The upload URL of files.getUploadURLExternal: takes the bytes, no token, no limit. A picture
      // is kept byte for byte as well, since its bytes are not text.
      record(method, Map.of("body", body, "base64", java.util.Base64.getEncoder().encodeToString(raw),
          "size", String.valueOf(raw.length)), 200);
      respond(exchange, 200, "OK - " + raw.length);
      return;
    }
    var params = new LinkedHashMap<String, String>();
    for (var pair : body.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    Integer retryAfter = rateLimited.remove(method);
    if (retryAfter != null) {
      record(method, params, 429);
      respondRateLimited(exchange, retryAfter);
      return;
    }
    if (failing.remove(method)) {
      record(method, params, 500);
      respond(exchange, 500, error("fatal_error"));
      return;
    }
    var authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (method.equals("apps.connections.open")) {
      record(method, params, 200);
      respond(exchange, 200, ("Bearer " + APP_TOKEN).equals(authorization)
          ? "{\"ok\":true,\"url\":\"" + socketUrl + "\"}" : error("invalid_auth"));
      return;
    }
    if (method.equals("oauth.v2.access")) {
      respond(exchange, 200, oauthAccess(params, authorization));
      return;
    }
    var token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    var team = teamsByToken.get(token);
    if (team == null || revoked.contains(token)) {
      record(method, params, 200);
      respond(exchange, 200, error(team == null ? "invalid_auth" : "token_revoked"));
      return;
    }
    long wait = limited(authorization, method, params);
    if (wait > 0) {
      record(method, params, 429, team);
      respondRateLimited(exchange, wait);
      return;
    }
    record(method, params, 200, team);
    var answer = switch (method) {
      case "chat.postMessage", "chat.update" -> message(method, params);
      case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
      case "reactions.add" -> reactionsAdd(params);
      case "reactions.get" -> reactionsGet(params);
      case "conversations.members" -> members(params);
      case "conversations.info" -> conversationInfo(params);
      case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"" + url() + "upload/F1\",\"file_id\":\"F1\"}";
      case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}";
      case "views.publish" -> viewsPublish(params);
      case "chat.getPermalink" -> message(params.get("channel"), params.get("message_ts")).isPresent()
          ? "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"permalink\":\"https://test.slack.com/archives/"
              + params.get("channel") + "/p" + params.get("message_ts").replace(".", "") + "\"}"
          : error("message_not_found");
      case "views.open" -> params.containsKey("trigger_id") ? "{\"ok\":true,\"view\":{\"id\":\"V1\"}}"
          : error("invalid_trigger_id");
      case "auth.test" -> "{\"ok\":true,\"team\":\"Test\",\"user\":\"chorus\",\"team_id\":\"" + team + "\",\"user_id\":\"" + BOT_USER
          + "\",\"bot_id\":\"B1\"}";
      case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + next() + "\"}";
      case "usergroups.list" -> userGroupsList(params);
      case "usergroups.users.list" -> userGroupMembers(params);
      case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"name\":\"" + params.get("user")
          + "\",\"is_admin\":" + admins.contains(params.get("user"))
          + ",\"is_owner\":false,\"is_bot\":false,\"profile\":{\"display_name\":\"Member "
          + params.get("user") + "\",\"real_name\":\"\"}}}";
      default -> error("unknown_method");
    };
    respond(exchange, 200, answer);
  }

  /**
   * {@code views.publish}: a member's Home tab, a view of type {@code home} with at most 100 blocks;
   * kept as the member's current home.
   */
  private String viewsPublish(Map<String, String> params) {
    var user = params.get("user_id");
    var view = params.get("view");
    if (user == null || user.isBlank() || view == null) {
      return error("invalid_arguments");
    }
    var json = JsonParser.parseString(view).getAsJsonObject();
    if (!json.has("type") || !json.get("type").getAsString().equals("home")) {
      violation("views.publish: a view of type " + json.get("type") + ", not home");
      return error("invalid_arguments");
    }
    if (json.getAsJsonArray("blocks").size() > 100) {
      violation("views.publish: more than 100 blocks");
      return error("invalid_blocks");
    }
    homes.put(user, view);
    return "{\"ok\":true,\"view\":{\"id\":\"VH" + user + "\",\"type\":\"home\"}}";
  }

  /** The member's Home tab as Chorus last published it (the view's JSON), if it did. */
  public Optional<String> home(String user) {
    return Optional.ofNullable(homes.get(user));
  }

  /**
   * {@code oauth.v2.access}: the app's credentials (form fields or HTTP Basic, as Slack takes either)
   * and a code from {@link #approveInstall}, once, with the redirect address the install used; a new
   * bot token for the workspace.
   */
  private String oauthAccess(Map<String, String> params, @Nullable String authorization) {
    var id = params.get("client_id");
    var secret = params.get("client_secret");
    if (authorization != null && authorization.startsWith("Basic ")) {
      var pair = new String(java.util.Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
      id = pair.substring(0, pair.indexOf(':'));
      secret = pair.substring(pair.indexOf(':') + 1);
    }
    var recorded = new LinkedHashMap<>(params);
    recorded.remove("client_secret");
    if (clientId == null || !clientId.equals(id) || !String.valueOf(clientSecret).equals(secret)) {
      record("oauth.v2.access", recorded, 200);
      return error("invalid_client_id");
    }
    var grant = grants.remove(String.valueOf(params.get("code")));
    if (grant == null) {
      record("oauth.v2.access", recorded, 200);
      return error("invalid_code");
    }
    if (params.containsKey("redirect_uri") && !grant.redirectUri().equals(params.get("redirect_uri"))) {
      record("oauth.v2.access", recorded, 200);
      return error("bad_redirect_uri");
    }
    var token = "xoxb-" + grant.team() + "-" + issued.incrementAndGet() + "-" + Long.toHexString(random.nextLong());
    teamsByToken.put(token, grant.team());
    recorded.put("approved_scope", grant.scope());
    record("oauth.v2.access", recorded, 200, grant.team());
    var json = new JsonObject();
    json.addProperty("ok", true);
    json.addProperty("access_token", token);
    json.addProperty("token_type", "bot");
    json.addProperty("scope", grant.scope());
    json.addProperty("bot_user_id", BOT_USER);
    json.addProperty("app_id", "A1");
    var team = new JsonObject();
    team.addProperty("id", grant.team());
    team.addProperty("name", "Workspace " + grant.team());
    json.add("team", team);
    json.add("enterprise", com.google.gson.JsonNull.INSTANCE);
    var user = new JsonObject();
    user.addProperty("id", "U1");
    json.add("authed_user", user);
    json.addProperty("is_enterprise_install", false);
    return json.toString();
  }

  /**
   * Takes a call from its bucket: 0 when within the limit, else the whole seconds (at least 1) until
   * the bucket has a call again.
   */
  private long limited(String token, String method, Map<String, String> params) {
    var limit = LIMITS.get(method);
    if (!limits || limit == null) {
      return 0;
    }
    var key = token + " " + method + (method.equals("chat.postMessage") ? " " + params.get("channel") : "");
    long now = System.nanoTime();
    return buckets.computeIfAbsent(key, k -> new Bucket(limit, now)).take(now);
  }

  /** One token bucket: full at first, refilled continuously at its limit's rate, one token a call. */
  private static final class Bucket {
    private final Limit limit;
    private double tokens;
    private long refilledAt;

    Bucket(Limit limit, long now) {
      this.limit = limit;
      this.tokens = limit.burst();
      this.refilledAt = now;
    }

    synchronized long take(long now) {
      double perSecond = limit.perMinute() / 60.0;
      tokens = Math.min(limit.burst(), tokens + Math.max(0, now - refilledAt) / 1e9 * perSecond);
      refilledAt = Math.max(refilledAt, now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
  }

  private String message(String method, Map<String, String> params) {
    var channel = params.get("channel");
    var refused = refusedToPost(channel);
    if (refused != null) {
      return error(refused);
    }
    var blocks = JsonParser.parseString(params.getOrDefault("blocks", "[]")).getAsJsonArray();
    if (blocks.size() > 50) {
      violation(method + " with " + blocks.size() + " blocks");
      return error("invalid_blocks");
    }
    for (var block : blocks) {
      var text = ((JsonObject) block).getAsJsonObject("text");
      if (text != null && text.get("text").getAsString().length() > 3_000) {
        violation(method + " with a section of " + text.get("text").getAsString().length() + " characters");
        return error("invalid_blocks");
      }
    }
    String ts;
    if (method.equals("chat.update")) {
      ts = params.get("ts");
      // Text or blocks left out keep what the message said, as at Slack.
      var edited = messages.computeIfPresent(key(channel, ts), (k, m) -> m.edited(params.get("text"), params.get("blocks")));
      if (edited == null) {
        return error("message_not_found");
      }
    } else {
      ts = next();
      var posted = new Message(channel, ts, params.get("thread_ts"), params.getOrDefault("text", ""),
          params.getOrDefault("blocks", "[]"), Map.of());
      messages.put(key(channel, ts), posted);
      announce(new Posted(channel, ts, posted.threadTs(), posted.blocks(), posted.text()));
    }
    return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}";
  }

  /** Starts every listener on its own thread and waits (briefly) until each has started, not finished. */
  private void announce(Posted posted) {
    var started = new CountDownLatch(postedListeners.size());
    for (var listener : postedListeners) {
      try {
        watchers.execute(() -> {
          started.countDown();
          listener.accept(posted);
        });
      } catch (RejectedExecutionException e) {
        started.countDown(); // closing
      }
    }
    try {
      started.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String reactionsAdd(Map<String, String> params) {
    var refused = refusedToPost(params.get("channel"));
    if (refused != null) {
      return error(refused);
    }
    var name = params.getOrDefault("name", "");
    if (!KNOWN_EMOJI.contains(name)) {
      return error("invalid_name");
    }
    var outcome = react(params.get("channel"), params.get("timestamp"), BOT_USER, name, true);
    return outcome.equals("ok") ? "{\"ok\":true}" : error(outcome);
  }

  /** Changes a message's reactions in one step: "ok", or the error Slack would answer. */
  private String react(String channel, String ts, String user, String name, boolean add) {
    var canonical = ALIASES.getOrDefault(name, name);
    var outcome = new AtomicReference<>("message_not_found");
    messages.computeIfPresent(key(channel, ts), (k, message) -> {
      if (add == message.reactions().getOrDefault(canonical, List.of()).contains(user)) {
        outcome.set(add ? "already_reacted" : "no_reaction");
        return message;
      }
      outcome.set("ok");
      return message.reacted(canonical, user, add);
    });
    return outcome.get();
  }

  /** As Slack answers it: no {@code reactions} at all when there are none, users complete only with {@code full}. */
  private String reactionsGet(Map<String, String> params) {
    var found = messages.get(key(params.get("channel"), params.get("timestamp")));
    if (found == null) {
      return error("message_not_found");
    }
    boolean full = "true".equals(params.get("full")) || "1".equals(params.get("full"));
    var message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("user", BOT_USER);
    message.addProperty("bot_id", "B1");
    message.addProperty("text", found.text());
    message.addProperty("ts", found.ts());
    if (found.threadTs() != null) {
      message.addProperty("thread_ts", found.threadTs());
    }
    if (!found.reactions().isEmpty()) {
      var reactions = new JsonArray();
      found.reactions().forEach((name, users) -> {
        var reaction = new JsonObject();
        reaction.addProperty("name", name);
        var listed = new JsonArray();
        (full ? users : users.subList(0, Math.min(PARTIAL_USERS, users.size()))).forEach(listed::add);
        reaction.add("users", listed);
        reaction.addProperty("count", users.size());
        reactions.add(reaction);
      });
      message.add("reactions", reactions);
    }
    var answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.addProperty("type", "message");
    answer.addProperty("channel", found.channel());
    answer.add("message", message);
    return answer.toString();
  }

  /**
   * The channel as Chorus may know it: one the test made, or a public one of {@link #EVERYONE} for any
   * other {@code C…} id; empty when Slack would not find it for Chorus (a private channel it is not in).
   */
  private Optional<Channel> visibleChannel(@Nullable String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    var made = channels.get(id);
    if (made != null) {
      return made.isPrivate() && !made.members().contains(BOT_USER) ? Optional.empty() : Optional.of(made);
    }
    if (NOT_IN.equals(id)) {
      return Optional.of(new Channel(id, false, EVERYONE.stream().filter(m -> !m.equals(BOT_USER)).toList()));
    }
    return id.startsWith("C") ? Optional.of(new Channel(id, false, EVERYONE)) : Optional.empty();
  }

  /**
   * Why Chorus may not post or react in a channel: null when it may; {@code not_in_channel} for a
   * public one it has not joined, {@code channel_not_found} for one it cannot see. Direct messages
   * ({@code D…}) are open to it.
   */
  private @Nullable String refusedToPost(@Nullable String id) {
    if (id != null && id.startsWith("D") && !channels.containsKey(id)) {
      return null;
    }
    var channel = visibleChannel(id);
    if (channel.isEmpty()) {
      return "channel_not_found";
    }
    return channel.get().members().contains(BOT_USER) ? null : "not_in_channel";
  }

  /**
   * A channel's members, two to a page, Chorus among them where it is in the channel. As at Slack, a
   * public channel Chorus has not joined ({@link #NOT_IN}) is {@code not_in_channel} here.
   */
  private String members(Map<String, String> params) {
    var channel = visibleChannel(params.get("channel"));
    if (channel.isEmpty()) {
      return error("channel_not_found");
    }
    if (!channel.get().members().contains(BOT_USER)) {
      return error("not_in_channel");
    }
    var all = channel.get().members();
    int from = params.getOrDefault("cursor", "").isEmpty() ? 0 : Integer.parseInt(params.get("cursor"));
    var page = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + 2));
    var next = from + 2 < all.size() ? String.valueOf(from + 2) : "";
    var listed = new JsonArray();
    page.forEach(listed::add);
    var metadata = new JsonObject();
    metadata.addProperty("next_cursor", next);
    var answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("members", listed);
    answer.add("response_metadata", metadata);
    return answer.toString();
  }

  /**
   * {@code conversations.info}: the channel as Slack describes it (no members), {@code is_private} for
   * a private one; {@code channel_not_found} for an id Slack does not show Chorus.
   */
  private String conversationInfo(Map<String, String> params) {
    var found = visibleChannel(params.get("channel"));
    if (found.isEmpty()) {
      return error("channel_not_found");
    }
    var channel = found.get();
    var name = channel.id().toLowerCase(java.util.Locale.ROOT);
    var json = new JsonObject();
    json.addProperty("id", channel.id());
    json.addProperty("name", name);
    json.addProperty("is_channel", true);
    json.addProperty("is_group", false);
    json.addProperty("is_im", false);
    json.addProperty("is_mpim", false);
    json.addProperty("is_private", channel.isPrivate());
    json.addProperty("created", 1_700_000_000);
    json.addProperty("is_archived", false);
    json.addProperty("is_general", channel.id().equals("C1"));
    json.addProperty("unlinked", 0);
    json.addProperty("name_normalized", name);
    json.addProperty("is_shared", false);
    json.addProperty("is_org_shared", false);
    json.addProperty("is_pending_ext_shared", false);
    json.addProperty("is_ext_shared", false);
    json.addProperty("context_team_id", "T1");
    json.addProperty("creator", "U1");
    json.addProperty("is_member", channel.members().contains(BOT_USER));
    json.addProperty("last_read", "0000000000.000000");
    var topic = new JsonObject();
    topic.addProperty("value", "");
    topic.addProperty("creator", "");
    topic.addProperty("last_set", 0);
    json.add("topic", topic);
    json.add("purpose", topic.deepCopy());
    var answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("channel", json);
    return answer.toString();
  }

  /** Enabled groups only unless {@code include_disabled}; members only with {@code include_users}, as at Slack. */
  private String userGroupsList(Map<String, String> params) {
    var groups = new JsonArray();
    List<UserGroup> all;
    synchronized (userGroups) {
      all = List.copyOf(userGroups.values());
    }
    for (var group : all) {
      if (group.deleted() != 0 && !flag(params, "include_disabled")) {
        continue;
      }
      var json = new JsonObject();
      json.addProperty("id", group.id());
      json.addProperty("team_id", "T1");
      json.addProperty("is_usergroup", true);
      json.addProperty("is_subteam", true);
      json.addProperty("name", group.handle().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + group.handle().substring(1));
      json.addProperty("description", "");
      json.addProperty("handle", group.handle());
      json.addProperty("is_external", false);
      json.addProperty("date_create", 1_700_000_000);
      json.addProperty("date_update", 1_700_000_000);
      json.addProperty("date_delete", group.deleted());
      json.addProperty("created_by", "U1");
      json.addProperty("updated_by", "U1");
      var prefs = new JsonObject();
      prefs.add("channels", new JsonArray());
      prefs.add("groups", new JsonArray());
      json.add("prefs", prefs);
      if (flag(params, "include_users")) {
        var users = new JsonArray();
        group.users().forEach(users::add);
        json.add("users", users);
      }
      if (flag(params, "include_count")) {
        json.addProperty("user_count", group.users().size());
      }
      groups.add(json);
    }
    var answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("usergroups", groups);
    return answer.toString();
  }

  private String userGroupMembers(Map<String, String> params) {
    var group = userGroups.get(params.getOrDefault("usergroup", ""));
    if (group == null) {
      return error("no_such_subteam");
    }
    var users = new JsonArray();
    group.users().forEach(users::add);
    var answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("users", users);
    return answer.toString();
  }

  private static boolean flag(Map<String, String> params, String name) {
    return "true".equals(params.get(name)) || "1".equals(params.get(name));
  }

  private static String error(String code) {
    return "{\"ok\":false,\"error\":\"" + code + "\"}";
  }

  private static String key(String channel, String ts) {
    return channel + ":" + ts;
  }

  private String next() {
    long n = timestamps.incrementAndGet();
    return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
  }

  private synchronized void record(String method, Map<String, String> params, int status) {
    record(method, params, status, "");
  }

  private synchronized void record(String method, Map<String, String> params, int status, String team) {
    calls.add(new Call(method, params, Instant.now(), status, team));
  }

  private synchronized void violation(String what) {
    violations.add(what);
  }

  private void respondRateLimited(HttpExchange exchange, long retryAfter) throws IOException {
    exchange.getResponseHeaders().add("Retry-After", String.valueOf(Math.max(1, retryAfter)));
    respond(exchange, 429, error("ratelimited"));
  }

  /** Answers after the network's delay; a call already handled (its message stored) is answered late, never lost. */
  private void respond(HttpExchange exchange, int status, String json) throws IOException {
    pause();
    var bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void pause() {
    var now = latency;
    long spread = now.max().toNanos() - now.min().toNanos();
    long nanos = now.min().toNanos() + (spread == 0 ? 0 : random.nextLong(spread + 1));
    if (nanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(nanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // closing: answer at once
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    requests.shutdownNow();
    watchers.shutdownNow();
  }
}
