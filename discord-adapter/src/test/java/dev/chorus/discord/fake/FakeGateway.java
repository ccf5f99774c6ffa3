package dev.chorus.discord.fake;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's gateway: one session per shard, sequence numbers per session, a replay log for
 * RESUME, and dispatches queued while a shard is disconnected.
 *
 * <p>As on Discord, only a RESUME of the same session gets what was missed: a new IDENTIFY starts
 * a new session, and whatever the old one never delivered is lost (listed in {@link
 * #undelivered}). A client that closes with 1000 or 1001 (JDA does on shutdown) ends its session,
 * so events while the bot is down reach nobody.
 */
final class FakeGateway extends WebSocketServer {

  private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);

  /** Short, so heartbeats happen during tests, but long enough not to flood the log. */
  static final int HEARTBEAT_INTERVAL_MS = 5_000;

  private static final int OP_DISPATCH = 0;
  private static final int OP_HEARTBEAT = 1;
  private static final int OP_IDENTIFY = 2;
  private static final int OP_RESUME = 6;
  private static final int OP_INVALID_SESSION = 9;
  private static final int OP_HELLO = 10;
  private static final int OP_HEARTBEAT_ACK = 11;

  private final DiscordState state;
  private final CountDownLatch started = new CountDownLatch(1);
  private final Map<Integer, Session> sessionsByShard = new ConcurrentHashMap<>();
  private final Map<String, Session> sessionsById = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> resumeCounts = new ConcurrentHashMap<>();
  final List<Identify> identifies = new CopyOnWriteArrayList<>();
  final List<ReceivedFrame> received = new CopyOnWriteArrayList<>();
  final List<String> undelivered = new CopyOnWriteArrayList<>();

  /**
   * A frame a client sent.
   *
   * @param shardId the shard of the connection's session, or -1 before IDENTIFY/RESUME
   * @param op the opcode
   * @param json the frame
   * @param at when it arrived
   */
  record ReceivedFrame(int shardId, int op, String json, Instant at) {}

  /** One gateway session: what a RESUME continues. */
  private static final class Session {
    final String id;
    final int shardId;
    final int shardTotal;
    final int intents;
    final List<Dispatch> log = new ArrayList<>();
    long sequence;
    /** The highest sequence sent on a connection, live or by a RESUME's replay. */
    long sentThrough;
    @Nullable WebSocket connection;
    /** Replaced by a new IDENTIFY or closed by its client: takes no more events, cannot be resumed. */
    boolean ended;

    Session(String id, int shardId, int shardTotal, int intents) {
      this.id = id;
      this.shardId = shardId;
      this.shardTotal = shardTotal;
      this.intents = intents;
    }
  }

  FakeGateway(DiscordState state) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.state = state;
    setReuseAddr(true);
    setDaemon(true);
  }

  void startAndWait() {
    start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("fake gateway did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    send(
        conn,
        DataObject.empty()
            .put("op", OP_HELLO)
            .put("d", DataObject.empty().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS))
            .put("s", null)
            .put("t", null));
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    DataObject frame = DataObject.fromJson(message);
    int op = frame.getInt("op", -1);
    Session attached = conn.getAttachment();
    received.add(
        new ReceivedFrame(attached == null ? -1 : attached.shardId, op, message, Instant.now()));
    switch (op) {
      case OP_HEARTBEAT -> send(conn, DataObject.empty().put("op", OP_HEARTBEAT_ACK));
      case OP_IDENTIFY -> identify(conn, frame.getObject("d"));
      case OP_RESUME -> resume(conn, frame.getObject("d"));
      default -> LOG.debug("fake gateway ignores op {}", op);
    }
  }

  private void identify(WebSocket conn, DataObject d) {
    String token = d.getString("token", "");
    int intents = d.getInt("intents", 0);
    DataArray shard = d.optArray("shard").orElseGet(() -> DataArray.empty().add(0).add(1));
    int shardId = shard.getInt(0);
    int shardTotal = shard.getInt(1);
    identifies.add(new Identify(shardId, shardTotal, token, intents, Instant.now()));
    if (!FakeDiscord.TOKEN.equals(token)) {
      conn.close(4004, "Authentication failed.");
      return;
    }
    if (shardTotal != state.shardTotal || shardId < 0 || shardId >= shardTotal) {
      conn.close(4010, "Invalid shard.");
      return;
    }
    String sessionId = UUID.randomUUID().toString().replace("-", "");
    Session session = new Session(sessionId, shardId, shardTotal, intents);
    // Published under its own monitor, so no event can take a sequence number before READY.
    synchronized (session) {
      Session previous = sessionsByShard.put(shardId, session);
      sessionsById.put(session.id, session);
      if (previous != null) {
        end(previous, "session replaced by a new IDENTIFY");
      }
      session.connection = conn;
      conn.setAttachment(session);
      List<Long> guildIds = state.guildIdsOfShard(shardId, shardTotal);
      DataArray unavailable = DataArray.empty();
      guildIds.forEach(
          id ->
              unavailable.add(
                  DataObject.empty().put("id", Long.toUnsignedString(id)).put("unavailable", true)));
      DataObject ready =
          DataObject.empty()
              .put("v", 10)
              .put(
                  "user",
                  DiscordState.userJson(state.user(FakeDiscord.BOT_USER_ID))
                      .put("verified", true)
                      .put("mfa_enabled", false)
                      .put("flags", 0))
              .put(
                  "application",
                  DataObject.empty()
                      .put("id", Long.toUnsignedString(FakeDiscord.APPLICATION_ID))
                      .put("flags", FakeDiscord.APPLICATION_FLAGS))
              .put("guilds", unavailable)
              .put("private_channels", DataArray.empty())
              .put("relationships", DataArray.empty())
              .put("presences", DataArray.empty())
              .put("session_id", session.id)
              .put("session_type", "normal")
              .put("resume_gateway_url", state.gatewayUrl)
              .put("shard", DataArray.empty().add(shardId).add(shardTotal))
              .put("user_settings", DataObject.empty())
              .put("_trace", DataArray.empty().add("[\"fake-discord\"]"));
      append(session, "READY", ready);
      for (long guildId : guildIds) {
        append(session, "GUILD_CREATE", state.guildCreateJson(guildId));
      }
    }
  }

  private void resume(WebSocket conn, DataObject d) {
    Session session = sessionsById.get(d.getString("session_id", ""));
    if (session == null || !FakeDiscord.TOKEN.equals(d.getString("token", ""))) {
      // Discord answers an unknown session with op 9, d=false: identify anew.
      send(conn, DataObject.empty().put("op", OP_INVALID_SESSION).put("d", false));
      return;
    }
    long seq = d.getLong("seq", 0);
    synchronized (session) {
      if (session.ended) { // ended between the look-up and here
        send(conn, DataObject.empty().put("op", OP_INVALID_SESSION).put("d", false));
        return;
      }
      WebSocket old = session.connection;
      if (old != null && old != conn) {
        old.close(4000, "Replaced by a resumed connection");
      }
      session.connection = conn;
      conn.setAttachment(session);
      resumeCounts.merge(session.shardId, 1, Integer::sum);
      try {
        for (Dispatch dispatch : session.log) {
          if (dispatch.sequence() > seq) {
            conn.send(dispatch.json());
            session.sentThrough = Math.max(session.sentThrough, dispatch.sequence());
          }
        }
      } catch (WebsocketNotConnectedException e) {
        session.connection = null; // gone again; the next RESUME replays from its own seq
        return;
      }
      DataObject resumed =
          DataObject.empty().put("_trace", DataArray.empty().add("[\"fake-discord\"]"));
      append(session, "RESUMED", resumed);
    }
  }

  /**
   * Ends a session: it cannot be resumed, and what it queued and never sent is lost, as Discord
   * loses it; those events are listed as undelivered.
   */
  private void end(Session session, String why) {
    synchronized (session) {
      if (session.ended) {
        return;
      }
      session.ended = true;
      sessionsById.remove(session.id);
      sessionsByShard.remove(session.shardId, session);
      for (Dispatch dispatch : session.log) {
        if (dispatch.sequence() > session.sentThrough) {
          undelivered.add(dispatch.type() + " for shard " + session.shardId + " (" + why + " before a RESUME)");
        }
      }
    }
  }

  /**
   * Adds a dispatch to a session and sends it if the session is connected. The caller holds the
   * session's monitor, so sequence numbers and sending order agree.
   */
  private Dispatch append(Session session, String type, DataObject d) {
    long sequence = ++session.sequence;
    String json =
        DataObject.empty()
            .put("op", OP_DISPATCH)
            .put("s", sequence)
            .put("t", type)
            .put("d", d)
            .toString();
    WebSocket conn = session.connection;
    boolean sent = false;
    if (conn != null) {
      try {
        conn.send(json);
        sent = true;
        session.sentThrough = sequence;
      } catch (WebsocketNotConnectedException e) {
        // The client went away between our check and the send; RESUME will replay it.
        session.connection = null;
      }
    }
    Dispatch dispatch = new Dispatch(session.shardId, sequence, type, json, Instant.now(), !sent);
    session.log.add(dispatch);
    return dispatch;
  }

  /**
   * Dispatches an event to the session of {@code shardId}.
   *
   * @param requiredIntent the intent bit Discord requires for this event, or 0 if none
   * @return the dispatch, or empty if the shard has no session or did not ask for the intent
   */
  Optional<Dispatch> dispatch(int shardId, String type, DataObject d, int requiredIntent) {
    while (true) {
      Session session = sessionsByShard.get(shardId);
      if (session == null) {
        undelivered.add(type + " for shard " + shardId + " (no session)");
        return Optional.empty();
      }
      if (requiredIntent != 0 && (session.intents & requiredIntent) == 0) {
        undelivered.add(type + " for shard " + shardId + " (intent not requested)");
        return Optional.empty();
      }
      synchronized (session) {
        if (!session.ended) {
          return Optional.of(append(session, type, d));
        }
      }
      // Ended meanwhile: the event belongs to whatever session the shard has now, if any.
    }
  }

  /** Closes the shard's connection with {@code closeCode}; its session stays resumable. */
  void disconnect(int shardId, int closeCode) {
    disconnect(shardId, closeCode, () -> {});
  }

  /**
   * Closes the shard's connection and runs {@code whileDown} before a RESUME can be accepted (it waits
   * for the session), so what it dispatches is certainly missed by the client and queued.
   */
  void disconnect(int shardId, int closeCode, Runnable whileDown) {
    Session session = sessionsByShard.get(shardId);
    if (session == null) {
      throw new IllegalStateException("shard " + shardId + " has no session");
    }
    synchronized (session) {
      WebSocket conn = session.connection;
      session.connection = null;
      if (conn != null) {
        conn.close(closeCode, "Fake Discord closed the connection");
      }
      whileDown.run();
    }
  }

  boolean connected(int shardId) {
    Session session = sessionsByShard.get(shardId);
    if (session == null) {
      return false;
    }
    synchronized (session) {
      return session.connection != null;
    }
  }

  int resumes(int shardId) {
    return resumeCounts.getOrDefault(shardId, 0);
  }

  List<Dispatch> dispatches(int shardId) {
    Session session = sessionsByShard.get(shardId);
    if (session == null) {
      return List.of();
    }
    synchronized (session) {
      return List.copyOf(session.log);
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    Session session = conn.getAttachment();
    if (session == null) {
      return;
    }
    synchronized (session) {
      if (session.connection != conn) {
        return; // an old connection of a resumed session
      }
      session.connection = null;
      // Discord ends a session its client closed with 1000 or 1001; any other close leaves it resumable.
      if (remote && (code == 1000 || code == 1001)) {
        end(session, "closed by the client with " + code);
      }
    }
  }

  @Override
  public void onError(@Nullable WebSocket conn, Exception ex) {
    LOG.debug("fake gateway error", ex);
  }

  private static void send(WebSocket conn, DataObject payload) {
    try {
      conn.send(payload.toString());
    } catch (WebsocketNotConnectedException e) {
      LOG.debug("fake gateway: client already gone");
    }
  }
}
