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
import dev.chorus.core.message.ChatException;
import dev.chorus.core.logging.Failures;
import com.slack.api.bolt.service.OAuthStateService;
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
 * Chorus in Slack: the Web API client (at {@code CHORUS_SLACK_API_URL}), the Bolt app with Chorus's
 * handlers, and the {@link Chat} Chorus posts through. In one workspace by its bot token, or in every
 * workspace that installs it through Slack's OAuth flow ({@link SlackOAuth}; each workspace's calls
 * then use its own token, from {@link SlackInstallations}). Socket Mode when an app token is given;
 * otherwise HTTP mode: Slack's requests arrive through {@link #handle}, which verifies their
 * signature (401 otherwise), and an install's pages through {@link #handleGet}.
 */
public final class SlackPlatform implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SlackPlatform.class.getName());
  private final Slack slack;
  private final Slack lookups;
  private final AppConfig config;
  private final App app;
  private final SlackEvents events;
  /** Slack allows about one update a second per channel; a tally is edited at most every two seconds. */
  static final Duration EDIT_WINDOW = Duration.ofSeconds(2);

  private final CoalescedEdits chat;
  private final SlackChat slackChat;
  private final SlackChannelMembers channelMembers;
  private final ScheduledExecutorService timer;
  private final ExecutorService executor;
  private @Nullable SocketModeApp socketMode;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /** What the HTTP endpoint answers: status, content type, headers (a cookie, a redirect) and body. */
  public record HttpAnswer(int status, String contentType, Map<String, List<String>> headers, String body) {}

  /**
   * Chorus in the one workspace of {@code settings}' bot token.
   *
   * @param chorus builds Chorus around the chat it is given
   * @param executor where events are handled once acknowledged
   */
  public SlackPlatform(SlackSettings settings, Function<Chat, Chorus> chorus, ExecutorService executor) {
    this(settings, null, null, chorus, executor);
  }

  /**
   * @param installations the workspaces installed through OAuth; null with a single bot token
   * @param states the OAuth flow's {@code state} values, issued and checked once each; null with a single bot token
   * @param chorus builds Chorus around the chat it is given
   * @param executor where events are handled once acknowledged
   */
  public SlackPlatform(SlackSettings settings, @Nullable SlackInstallations installations,
      @Nullable OAuthStateService states, Function<Chat, Chorus> chorus, ExecutorService executor) {
    if ((settings.oauth() == null) != (installations == null) || (installations == null) != (states == null)) {
      throw new IllegalArgumentException("installing through OAuth needs both its stores; a single bot token neither");
    }
    this.slack = client(settings.apiUrl());
    this.lookups = client(settings.apiUrl());
    this.executor = executor;
    var single = settings.botToken();
    Function<String, String> tokens = single != null ? team -> single : team -> installedToken(installations, team);
    Function<CommunityId, AsyncMethodsClient> clients =
        community -> slack.methodsAsync(tokens.apply(SlackIds.teamOf(community)), SlackIds.teamOf(community));
    Function<CommunityId, AsyncMethodsClient> answers =
        community -> lookups.methodsAsync(tokens.apply(SlackIds.teamOf(community)), SlackIds.teamOf(community));
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "chorus-slack-edits");
      thread.setDaemon(true);
      return thread;
    });
    var slackChat = new SlackChat(clients, answers,
        community -> slack.methods(tokens.apply(SlackIds.teamOf(community)), SlackIds.teamOf(community)),
        settings.facilitatorGroup(), Clock.systemUTC());
    this.slackChat = slackChat;
    this.channelMembers = slackChat.channelMembers();
    this.chat = new CoalescedEdits(slackChat, timer, EDIT_WINDOW);
    var oauth = settings.oauth();
    var builder = AppConfig.builder().slack(slack);
    if (oauth != null) {
      builder.clientId(oauth.clientId()).clientSecret(oauth.clientSecret()).redirectUri(oauth.redirectUri())
          .scope(String.join(",", SlackScopes.all())).userScope("")
          // Both the current and the legacy names are set, so that no SLACK_INSTALL_PATH in the
          // environment (which Bolt would read) moves Chorus's routes.
          .oauthInstallPath(SlackOAuth.INSTALL_PATH).oauthStartPath(SlackOAuth.INSTALL_PATH)
          .oauthRedirectUriPath(SlackOAuth.REDIRECT_PATH).oauthCallbackPath(SlackOAuth.REDIRECT_PATH)
          .oAuthInstallPageRenderingEnabled(true).oAuthInstallPageRenderer(SlackInstallPages::install)
          .oAuthRedirectUriPageRenderer(new SlackInstallPages())
          // Every request is authorized with its workspace's token; auth.test is asked once per token.
          .authTestCacheEnabled(true);
    } else {
      builder.singleTeamBotToken(single);
    }
    if (settings.signingSecret() != null) {
      builder.signingSecret(settings.signingSecret());
    }
    this.config = builder.build();
    var bolt = new App(config);
    if (installations != null && states != null) {
      bolt.asOAuthApp(true);
      bolt.service(installations);
      bolt.service(states);
      // Chorus's own handlers for an install that went wrong: its page in Chorus's words, and a log
      // line that never holds the one-time code (Bolt's own handlers log the whole callback).
      bolt.oauthCallbackStateError((request, response) -> notInstalled(response, "invalid_state"));
      bolt.oauthCallbackError((request, response) -> notInstalled(response,
          request.getPayload() == null ? null : request.getPayload().getError()));
      bolt.oauthCallbackAccessError((com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler)
          (request, response, answer) -> notInstalled(response, answer.getError()));
      bolt.oauthCallbackException((request, response, e) -> notInstalled(response, e.getClass().getSimpleName()));
    }
    this.events = new SlackEvents(chorus.apply(chat), slackChat, answers, executor, installations);
    this.app = events.register(bolt);
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

  /** An install that did not complete: the page saying so, and why in the log (a word, never the code). */
  private static com.slack.api.bolt.response.Response notInstalled(com.slack.api.bolt.response.Response response,
      @Nullable String reason) {
    var why = reason == null ? "unknown" : reason.replaceAll("[^A-Za-z_]", "");
    why = why.substring(0, Math.min(why.length(), 40));
    LOG.log(System.Logger.Level.WARNING, "a Slack install did not complete: {0}", why);
    response.setStatusCode(400);
    response.setContentType("text/html; charset=utf-8");
    response.setBody(SlackInstallPages.failure(SlackOAuth.INSTALL_PATH, why));
    return response;
  }

  /** The bot token of a workspace that installed Chorus; a {@link ChatException} where none did. */
  private static String installedToken(SlackInstallations installations, String team) {
    var token = installations.botToken(team);
    if (token == null) {
      throw new ChatException("Chorus is not installed in this Slack workspace any more: someone allowed to add "
          + "apps can add it again.");
    }
    return token;
  }

  /** Whether workspaces install Chorus through Slack's OAuth flow, at {@link SlackOAuth#INSTALL_PATH}. */
  public boolean installs() {
    return config.isDistributedApp();
  }

  /** One request from Slack to the events URL, answered as Bolt answers it. */
  public HttpAnswer handle(String body, Map<String, List<String>> headers, String remoteAddress) throws Exception {
    return answer(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events").requestBody(body)
        .headers(new RequestHeaders(headers)).remoteAddress(remoteAddress).build());
  }

  /**
   * A browser's request for a page of the install: {@link SlackOAuth#INSTALL_PATH} (the "Add to Slack"
   * page, which sets the OAuth state's cookie) or {@link SlackOAuth#REDIRECT_PATH} (where Slack sends
   * the installer back). 404 for any other path, or when Chorus serves one workspace by its token.
   */
  public HttpAnswer handleGet(String path, Map<String, List<String>> query, Map<String, List<String>> headers,
      String remoteAddress) throws Exception {
    if (!installs() || !(path.equals(SlackOAuth.INSTALL_PATH) || path.equals(SlackOAuth.REDIRECT_PATH))) {
      return new HttpAnswer(404, "text/plain", Map.of(), "Not found.");
    }
    if (path.equals(SlackOAuth.REDIRECT_PATH) && query.isEmpty()) {
      return new HttpAnswer(400, "text/html; charset=utf-8", Map.of(),
          SlackInstallPages.failure(SlackOAuth.INSTALL_PATH, "no_code"));
    }
    return answer(SlackRequestParser.HttpRequest.builder().requestUri(path).queryString(query).requestBody("")
        .headers(new RequestHeaders(headers)).remoteAddress(remoteAddress).build());
  }

  private HttpAnswer answer(SlackRequestParser.HttpRequest raw) throws Exception {
    var request = new SlackRequestParser(config).parse(raw);
    if (request == null) {
      return new HttpAnswer(404, "text/plain", Map.of(), "Not found.");
    }
    com.slack.api.bolt.response.Response response;
    try {
      response = app.run(request);
    } catch (RuntimeException e) {
      // A handler that must not acknowledge what it could not record (a workspace's removal): Slack
      // sends the request again when it is not answered 200.
      Failures.log(LOG, System.Logger.Level.WARNING, "a request from Slack was not taken, Slack will send it again", e);
      return new HttpAnswer(500, "text/plain", Map.of(), "Chorus could not take this just now; Slack will send it again.");
    }
    return new HttpAnswer(response.getStatusCode(),
        response.getContentType() == null ? "text/plain" : response.getContentType(),
        response.getHeaders() == null ? Map.of() : Map.copyOf(response.getHeaders()),
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
    events.close();
    slackChat.close();
    slack.close();
    lookups.close();
  }
}
