package dev.chorus.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's Web API as far as Chorus calls it, on 127.0.0.1: records every call and enforces Slack's
 * rules — the bot token, at most 50 blocks and 3,000 characters a section, channels Chorus is not
 * in — and answers a 429 with {@code Retry-After} when told to.
 */
public final class FakeSlackApi implements AutoCloseable {
  public static final String TOKEN = "xoxb-test-token";
  public static final String NOT_IN = "CNOTIN";
  public static final String APP_TOKEN = "xapp-test-token";
  private volatile String socketUrl = "";

  /** One call as Slack received it. */
  public record Call(String method, Map<String, String> params, Instant at, int status) {}

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
  private final AtomicLong timestamps = new AtomicLong(1_700_000_000_000_100L);

  public FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::handle);
    server.start();
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

  /** Waits until the method has been called {@code count} times, at most five seconds. */
  public List<Call> await(String method, int count) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (calls(method).size() < count && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return calls(method);
  }

  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Every Web API method called so far (uploads to a file's upload URL are not methods). */
  public synchronized java.util.Set<String> methods() {
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
    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (method.startsWith("upload/")) {
      // The upload URL of files.getUploadURLExternal: takes the bytes, no token.
      record(method, Map.of("body", body), 200);
      respond(exchange, 200, "OK - " + body.length());
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
      exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
      respond(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
      return;
    }
    record(method, params, 200);
    if (method.equals("apps.connections.open")) {
      respond(exchange, 200, ("Bearer " + APP_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
          ? "{\"ok\":true,\"url\":\"" + socketUrl + "\"}" : "{\"ok\":false,\"error\":\"invalid_auth\"}");
      return;
    }
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
      return;
    }
    var answer = switch (method) {
      case "chat.postMessage", "chat.update" -> message(method, params);
      case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + params.get("users") + "\"}}";
      case "reactions.add" -> "{\"ok\":true}";
      case "conversations.members" -> members(params);
      case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"" + url() + "upload/F1\",\"file_id\":\"F1\"}";
      case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F1\"}]}";
      case "views.open" -> params.containsKey("trigger_id") ? "{\"ok\":true,\"view\":{\"id\":\"V1\"}}"
          : "{\"ok\":false,\"error\":\"invalid_trigger_id\"}";
      case "auth.test" -> "{\"ok\":true,\"team\":\"Test\",\"user\":\"chorus\",\"team_id\":\"T1\",\"user_id\":\"UBOT\","
          + "\"bot_id\":\"B1\"}";
      case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + next() + "\"}";
      case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"name\":\"" + params.get("user")
          + "\",\"is_admin\":false,\"is_owner\":false,\"is_bot\":false,\"profile\":{\"display_name\":\"Member "
          + params.get("user") + "\",\"real_name\":\"\"}}}";
      default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
    };
    respond(exchange, 200, answer);
  }

  private String message(String method, Map<String, String> params) {
    var channel = params.get("channel");
    if (NOT_IN.equals(channel)) {
      return "{\"ok\":false,\"error\":\"not_in_channel\"}";
    }
    var blocks = JsonParser.parseString(params.getOrDefault("blocks", "[]")).getAsJsonArray();
    if (blocks.size() > 50) {
      violation(method + " with " + blocks.size() + " blocks");
      return "{\"ok\":false,\"error\":\"invalid_blocks\"}";
    }
    for (var block : blocks) {
      var text = ((JsonObject) block).getAsJsonObject("text");
      if (text != null && text.get("text").getAsString().length() > 3_000) {
        violation(method + " with a section of " + text.get("text").getAsString().length() + " characters");
        return "{\"ok\":false,\"error\":\"invalid_blocks\"}";
      }
    }
    var ts = method.equals("chat.update") ? params.get("ts") : next();
    return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}";
  }

  /** C1's members, two to a page, Chorus among them; Chorus is not in CNOTIN. */
  private static String members(Map<String, String> params) {
    if (NOT_IN.equals(params.get("channel"))) {
      return "{\"ok\":false,\"error\":\"not_in_channel\"}";
    }
    var all = List.of("U1", "UBOT", "U2", "U3", "U4");
    int from = params.getOrDefault("cursor", "").isEmpty() ? 0 : Integer.parseInt(params.get("cursor"));
    var page = all.subList(from, Math.min(all.size(), from + 2));
    var next = from + 2 < all.size() ? String.valueOf(from + 2) : "";
    return "{\"ok\":true,\"members\":[\"" + String.join("\",\"", page) + "\"],\"response_metadata\":{\"next_cursor\":\""
        + next + "\"}}";
  }

  private String next() {
    long n = timestamps.incrementAndGet();
    return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
  }

  private synchronized void record(String method, Map<String, String> params, int status) {
    calls.add(new Call(method, params, Instant.now(), status));
  }

  private synchronized void violation(String what) {
    violations.add(what);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    var bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
