package dev.chorus.slack;

import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode on 127.0.0.1: the WebSocket {@code apps.connections.open} hands out. Greets the
 * app with {@code hello}, sends it envelopes as Slack would, and times how soon each is acknowledged.
 */
public final class FakeSocketMode extends WebSocketServer implements AutoCloseable {
  private final CountDownLatch connected = new CountDownLatch(1);
  private final AtomicInteger connections = new AtomicInteger();
  private final Map<String, Long> sent = new ConcurrentHashMap<>();
  private final Map<String, Duration> acknowledged = new ConcurrentHashMap<>();
  private final AtomicInteger envelopes = new AtomicInteger();
  private volatile WebSocket app;

  public FakeSocketMode() throws InterruptedException {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    start();
    long until = System.nanoTime() + 5_000_000_000L;
    while (getPort() == 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
  }

  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/";
  }

  public boolean awaitConnection() throws InterruptedException {
    return connected.await(10, TimeUnit.SECONDS);
  }

  /** Waits until the app has connected {@code count} times in all (it connects again after a restart). */
  public boolean awaitConnections(int count, Duration within) throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    while (connections.get() < count && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return connections.get() >= count;
  }

  /** Sends an envelope; its id, for {@link #acknowledgement}. */
  public String send(String type, String payloadJson, int retryAttempt) {
    var id = "env-" + envelopes.incrementAndGet();
    sent.put(id, System.nanoTime());
    app.send("{\"envelope_id\":\"" + id + "\",\"type\":\"" + type + "\",\"payload\":" + payloadJson
        + ",\"accepts_response_payload\":" + !type.equals("events_api") + ",\"retry_attempt\":" + retryAttempt
        + ",\"retry_reason\":\"" + (retryAttempt > 0 ? "timeout" : "") + "\"}");
    return id;
  }

  /** How long the app took to acknowledge the envelope; null when it has not (yet, within 5 s). */
  public Duration acknowledgement(String id) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (!acknowledged.containsKey(id) && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    return acknowledged.get(id);
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    app = connection;
    connections.incrementAndGet();
    connection.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
        + "\"connection_info\":{\"app_id\":\"A1\"}}");
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    var json = JsonParser.parseString(message).getAsJsonObject();
    if (json.has("envelope_id")) {
      var id = json.get("envelope_id").getAsString();
      var at = sent.get(id);
      if (at != null) {
        acknowledged.putIfAbsent(id, Duration.ofNanos(System.nanoTime() - at));
      }
    }
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

  @Override
  public void onError(WebSocket connection, Exception e) {}

  @Override
  public void onStart() {}

  @Override
  public void close() throws InterruptedException {
    stop(1000);
  }
}
