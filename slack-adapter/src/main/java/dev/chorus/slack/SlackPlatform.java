package dev.chorus.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.socket_mode.SocketModeClient;
import dev.chorus.core.Chorus;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.CoalescedEdits;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Chorus in one Slack workspace: the Web API client (at {@code CHORUS_SLACK_API_URL}), the Bolt app
 * with Chorus's handlers, and the {@link Chat} Chorus posts through. Socket Mode when an app token
 * is given; otherwise HTTP mode: Slack's requests arrive through {@link #handle}, which verifies
 * their signature (401 otherwise).
 */
public final class SlackPlatform implements AutoCloseable {
  private final Slack slack;
  private final Slack lookups;
  private final AppConfig config;
  private final App app;
  /** Slack allows about one update a second per channel; a tally is edited at most every two seconds. */
  static final Duration EDIT_WINDOW = Duration.ofSeconds(2);

  private final CoalescedEdits chat;
  private final SlackChat slackChat;
  private final SlackChannelMembers channelMembers;
  private final ScheduledExecutorService timer;
  private final ExecutorService executor;
  private @Nullable SocketModeApp socketMode;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /** What the HTTP endpoint answers Slack. */
  public record HttpAnswer(int status, String contentType, String body) {}

  /**
   * @param chorus builds Chorus around the chat it is given
   * @param executor where events are handled once acknowledged
   */
  public SlackPlatform(SlackSettings settings, Function<Chat, Chorus> chorus, ExecutorService executor) {
    this.slack = client(settings.apiUrl());
    this.lookups = client(settings.apiUrl());
    this.executor = executor;
    Function<CommunityId, AsyncMethodsClient> clients =
        community -> slack.methodsAsync(settings.botToken(), SlackIds.teamOf(community));
    Function<CommunityId, AsyncMethodsClient> answers =
        community -> lookups.methodsAsync(settings.botToken(), SlackIds.teamOf(community));
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "chorus-slack-edits");
      thread.setDaemon(true);
      return thread;
    });
    var slackChat = new SlackChat(clients, answers,
        community -> slack.methods(settings.botToken(), SlackIds.teamOf(community)), settings.facilitatorGroup(),
        Clock.systemUTC());
    this.slackChat = slackChat;
    this.channelMembers = slackChat.channelMembers();
    this.chat = new CoalescedEdits(slackChat, timer, EDIT_WINDOW);
    var builder = AppConfig.builder().singleTeamBotToken(settings.botToken()).slack(slack);
    if (settings.signingSecret() != null) {
      builder.signingSecret(settings.signingSecret());
    }
    this.config = builder.build();
    this.app = new SlackEvents(chorus.apply(chat), slackChat, answers, executor).register(new App(config));
    if (settings.appToken() != null) {
      // Socket Mode: Slack's events come over a WebSocket this app opens, no public URL needed.
      try {
        this.socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
      } catch (Exception e) {
        throw new IllegalStateException("Slack's Socket Mode did not start: check SLACK_APP_TOKEN ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
  }

  /** Whether Slack's events arrive over Socket Mode rather than at the events URL. */
  public boolean socketMode() {
    return socketMode != null;
  }

  /**
   * A Web API client with a queue and rate-limit bookkeeping of its own, on Slack's API at the URL.
   * The platform has two: one for channel posts, one for what answers a member; each method goes
   * through one of them, so neither can spend more of a method's limit than Slack allows.
   */
  public static Slack client(String apiUrl) {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setMethodsConfig(methodsConfig());
    return Slack.getInstance(config);
  }

  /**
   * The client's own queue and rate-limit bookkeeping: the library's default is one shared by every
   * client in the process.
   */
  public static MethodsConfig methodsConfig() {
    var methods = new MethodsConfig();
    methods.setExecutorName("chorus-" + java.util.UUID.randomUUID());
    return methods;
  }

  /** Who is in a channel, for reminders and digests. */
  public ChannelMembers channelMembers() {
    return channelMembers;
  }

  public Chat chat() {
    return chat;
  }

  /** One request from Slack to the events URL, answered as Bolt answers it. */
  public HttpAnswer handle(String body, Map<String, List<String>> headers, String remoteAddress) throws Exception {
    var request = new SlackRequestParser(config).parse(SlackRequestParser.HttpRequest.builder()
        .requestUri("/slack/events").requestBody(body).headers(new RequestHeaders(headers))
        .remoteAddress(remoteAddress).build());
    var response = app.run(request);
    return new HttpAnswer(response.getStatusCode(),
        response.getContentType() == null ? "text/plain" : response.getContentType(),
        response.getBody() == null ? "" : response.getBody());
  }

  @Override
  public void close() throws Exception {
    // Closed by whoever stops it first (the run command, or Spring at shutdown); the second does nothing.
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Tallies waiting for their window go out while Slack can still take them.
    chat.flush();
    if (socketMode != null) {
      socketMode.close();
    }
    executor.shutdown();
    timer.shutdown();
    slackChat.close();
    slack.close();
    lookups.close();
  }
}
