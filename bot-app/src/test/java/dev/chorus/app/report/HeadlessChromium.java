package dev.chorus.app.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium driven over the DevTools protocol: it opens a page, and tells what a
 * reader would see (the visible text, a full-page screenshot) and what went wrong (console messages,
 * failed or blocked requests). Tests skip, saying why, where no Chromium is installed.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts Chromium, or skips the calling test when there is none. */
  static HeadlessChromium start() throws Exception {
    var binary = binary();
    assumeTrue(binary.isPresent(), "no Chromium found (chromium, chromium-browser or google-chrome on the PATH);"
        + " .ci/run installs Debian's chromium where it can. Skipping the browser test");
    var profile = Files.createTempDirectory("chorus-chromium");
    var process = new ProcessBuilder(binary.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
    var browser = listening(process);
    var port = URI.create(browser).getPort();
    var targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    String page = null;
    for (var target : JSON.readTree(targets.body())) {
      if ("page".equals(target.path("type").asString())) {
        page = target.path("webSocketDebuggerUrl").asString();
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium opened no page: " + targets.body());
    }
    var holder = new CompletableFuture<HeadlessChromium>();
    var socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
        .buildAsync(URI.create(page), new Listener(holder)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    var chromium = new HeadlessChromium(process, profile, socket);
    holder.complete(chromium);
    chromium.call("Runtime.enable", Map.of());
    chromium.call("Log.enable", Map.of());
    chromium.call("Network.enable", Map.of());
    chromium.call("Page.enable", Map.of());
    return chromium;
  }

  private static Optional<Path> binary() {
    for (var folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (var name : List.of("chromium", "chromium-browser", "google-chrome")) {
        var candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static String listening(Process process) throws IOException {
    var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    var said = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      said.append(line).append('\n');
      var matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        // Keep reading what it says, so it never blocks on a full pipe.
        var drain = new Thread(() -> reader.lines().forEach(ignored -> { }), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        return matcher.group(1);
      }
    }
    throw new IllegalStateException("Chromium stopped before it listened:\n" + said);
  }

  /** Opens the file and waits until it has loaded. */
  void open(Path file) throws Exception {
    events.clear();
    call("Page.navigate", Map.of("url", file.toUri().toString()));
    var deadline = System.nanoTime() + WAIT.toNanos();
    while (events.stream().noneMatch(event -> "Page.loadEventFired".equals(event.path("method").asString()))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the page did not load within " + WAIT);
      }
      Thread.sleep(50);
    }
  }

  /** The text a reader sees: hidden elements are left out. */
  String visibleText() throws Exception {
    var result = call("Runtime.evaluate", Map.of("expression", "document.body.innerText", "returnByValue", true));
    return result.path("result").path("value").asString();
  }

  String language() throws Exception {
    var result = call("Runtime.evaluate", Map.of("expression", "document.documentElement.lang", "returnByValue", true));
    return result.path("result").path("value").asString();
  }

  /** Console messages, log entries, and requests that failed or were blocked. */
  List<String> problems() {
    var problems = new ArrayList<String>();
    for (var event : events) {
      var method = event.path("method").asString();
      var params = event.path("params");
      switch (method) {
        case "Runtime.consoleAPICalled" -> problems.add("console." + params.path("type").asString() + ": "
            + params.path("args"));
        case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
        case "Log.entryAdded" -> problems.add("log " + params.path("entry").path("level").asString() + ": "
            + params.path("entry").path("text").asString());
        case "Network.loadingFailed" -> problems.add("failed request: " + params.path("errorText").asString()
            + " " + params.path("blockedReason").asString());
        case "Network.requestWillBeSent" -> {
          var url = params.path("request").path("url").asString();
          if (!url.startsWith("file:") && !url.startsWith("data:")) {
            problems.add("request elsewhere: " + url);
          }
        }
        default -> { }
      }
    }
    return problems;
  }

  /** A screenshot of the whole page, however long, as a PNG. */
  void screenshot(Path into) throws Exception {
    var metrics = call("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
    var clip = Map.of("x", 0, "y", 0, "width", metrics.path("width").asDouble(), "height",
        metrics.path("height").asDouble(), "scale", 1);
    var shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.createDirectories(into.getParent());
    Files.write(into, Base64.getDecoder().decode(shot.path("data").asString()));
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    var answer = new CompletableFuture<JsonNode>();
    answers.put(id, answer);
    socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    var reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.path("error"));
    }
    return reply.path("result");
  }

  private void received(String message) {
    var node = JSON.readTree(message);
    if (node.has("id")) {
      var answer = answers.remove(node.path("id").asInt());
      if (answer != null) {
        answer.complete(node);
      }
    } else {
      events.add(node);
    }
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** Collects a message's parts; DevTools messages can arrive in several frames. */
  private static final class Listener implements WebSocket.Listener {
    private final CompletableFuture<HeadlessChromium> owner;
    private final StringBuilder parts = new StringBuilder();

    Listener(CompletableFuture<HeadlessChromium> owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      parts.append(data);
      if (last) {
        var message = parts.toString();
        parts.setLength(0);
        owner.thenAccept(chromium -> chromium.received(message));
      }
      socket.request(1);
      return null;
    }
  }
}
