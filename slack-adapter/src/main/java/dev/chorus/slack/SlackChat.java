package dev.chorus.slack;

import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsOpenRequest;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.request.files.FilesGetUploadURLExternalRequest;
import com.slack.api.methods.request.reactions.ReactionsAddRequest;
import com.slack.api.methods.request.reactions.ReactionsGetRequest;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.FileContent;
import dev.chorus.core.message.Picture;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MemberReaction;
import dev.chorus.core.message.PostedMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Chorus's messages in Slack, through the asynchronous Web API client (which queues calls within
 * Slack's rate limits and waits out a 429's {@code Retry-After}). A message is known by its channel
 * and timestamp ({@code C123:1700000000.000100}), the pair Slack's reaction events name.
 */
public final class SlackChat implements Chat, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SlackChat.class.getName());
  /** Long enough for a call queued behind Slack's rate limits; a hung call must not hold a worker forever. */
  static final Duration LONGEST_CALL = Duration.ofSeconds(30);
  /** A 429 is waited out this many times for one call, each wait at most {@link #LONGEST_WAIT}. */
  static final int MOST_RETRIES = 3;
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final SlackBackground background;
  private final Function<CommunityId, MethodsClient> synchronous;
  private final SlackMembers members;
  private final SlackChannelMembers channelMembers;
  private final SlackChannelAccess channelAccess;
  /** The bot user of each workspace, whose own reactions never count. */
  private final Map<String, String> botUsers = new java.util.concurrent.ConcurrentHashMap<>();
  private final SlackRenderer renderer = new SlackRenderer();
  private final Map<String, String> directChannels = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile java.util.function.Consumer<CommunityId> postedInChannel = community -> {};

  /**
   * @param clients the asynchronous Web API client of a workspace, by community ({@code slack:T123}),
   *     for what members wait for
   * @param background the synchronous client of a workspace, for calls nobody waits for (seeds)
   */
  public SlackChat(Function<CommunityId, AsyncMethodsClient> clients, Function<CommunityId, MethodsClient> background) {
    this(clients, clients, background, null, java.time.Clock.systemUTC());
  }

  /**
   * @param posts the asynchronous client for Chorus's posts and edits in channels, which Slack paces
   *     at about one a second per channel
   * @param lookups an asynchronous client with a queue of its own, for who a member is and what they
   *     may see: a command's answer needs these, and must not wait behind a busy channel's posts
   * @param background the synchronous client, for seeds and for what a member waits for right now
   * @param facilitatorGroup the handle of the user group whose members facilitate; null for none
   * @param clock how long members and the group stay known is measured on it
   */
  SlackChat(Function<CommunityId, AsyncMethodsClient> posts, Function<CommunityId, AsyncMethodsClient> lookups,
      Function<CommunityId, MethodsClient> background, @Nullable String facilitatorGroup, java.time.Clock clock) {
    this.clients = posts;
    this.background = new SlackBackground(background);
    this.synchronous = background;
    this.members = new SlackMembers(lookups, clock, new SlackUserGroups(facilitatorGroup, lookups, clock));
    this.channelMembers = new SlackChannelMembers(lookups, clock);
    this.channelAccess = new SlackChannelAccess(lookups, channelMembers, clock);
  }

  /** Told of each card posted in a channel (not in a thread or a direct message), after it is. */
  void whenPostedInChannel(java.util.function.Consumer<CommunityId> listener) {
    this.postedInChannel = listener;
  }

  /** Members as Slack describes them, shared with the event handlers. */
  SlackMembers members() {
    return members;
  }

  /**
   * Who is in a channel: the same lists (and the same few minutes' keeping) for the schedule and for
   * who may see a channel's questions, so Slack is asked once for both.
   */
  SlackChannelMembers channelMembers() {
    return channelMembers;
  }

  /**
   * Whether the member can see the channel: SEES when Slack lists them in it, CLOSED for a private
   * channel they are not in, UNKNOWN otherwise (a public channel may be closed to a guest).
   */
  @Override
  public ChannelAccess access(CommunityId community, MemberId member, ChannelId channel) {
    return channelAccess.of(community, member, channel);
  }

  @Override
  public PostedMessage post(CommunityId community, Destination destination, Card card) {
    var client = clients.apply(community);
    String channel;
    String thread = null;
    if (destination instanceof Destination.Channel c) {
      channel = c.channel().value();
    } else if (destination instanceof Destination.Thread t) {
      channel = t.channel().value();
      thread = SlackIds.timestamp(t.anchorMessageId());
    } else {
      channel = directChannel(community, ((Destination.Direct) destination).member(),
          "Chorus could not open a direct message with that member");
    }
    String first = null;
    for (var message : renderer.render(card)) {
      var request = ChatPostMessageRequest.builder().channel(channel).threadTs(thread).text(message.text())
          .blocksAsString(message.blocksJson()).unfurlLinks(false).unfurlMedia(false).linkNames(false).build();
      ChatPostMessageResponse posted;
      try {
        posted = call(() -> client.chatPostMessage(request), "Slack did not take Chorus's message");
      } catch (ChatException e) {
        if (destination instanceof Destination.Direct direct) {
          forgetDirectChannel(community, direct.member());
        }
        throw e;
      }
      if (first == null) {
        first = posted.getTs();
      }
    }
    // The renderer makes at least one message of any card, so the loop set first.
    var posted = new PostedMessage(SlackIds.message(new ChannelId(channel), Objects.requireNonNull(first)), destination);
    if (destination instanceof Destination.Channel) {
      // A question opened, a draft announced, an outcome: every member's home may change.
      postedInChannel.accept(community);
    }
    var picture = card.picture();
    if (picture != null) {
      // The words are posted and linked; a picture that does not arrive is told in the log, and the
      // message stands without it rather than being posted twice.
      try {
        upload(community, picture.fileName(), picture.png(), picture.altTextWithin(Picture.LONGEST_ALT_TEXT), channel,
            thread, null);
      } catch (ChatException e) {
        Failures.log(LOG, System.Logger.Level.WARNING, "a picture did not reach Slack", e);
      }
    }
    return posted;
  }

  /**
   * The vote reactions, seeded so members vote with one click (core's reactions map these names
   * back), queued in the background in order; the member who caused the post never waits for them.
   */
  @Override
  public void decorate(CommunityId community, PostedMessage message, Card card) {
    var channel = SlackIds.channel(message.id()).value();
    var ts = SlackIds.timestamp(message.id());
    for (var emoji : card.seededReactions()) {
      var named = SlackEmoji.name(emoji);
      if (named.isPresent()) {
        var name = named.get();
        var request = ReactionsAddRequest.builder().channel(channel).timestamp(ts).name(name).build();
        background.submit(community, "reactions.add", client -> client.reactionsAdd(request)).whenComplete((answer, failure) -> {
          if (failure != null) {
            Failures.log(LOG, System.Logger.Level.INFO, "a vote reaction did not reach Slack", failure);
          } else if (!answer.isOk() && !"already_reacted".equals(answer.getError())) {
            SlackBackground.failed("a vote reaction", String.valueOf(answer.getError()));
          }
        });
      }
    }
  }

  /**
   * The members' reactions on a message, from {@code reactions.get} (every user with {@code full}),
   * asked in the background lane so no member's answer waits behind it; Chorus's own are left out.
   */
  @Override
  public Optional<List<MemberReaction>> reactionsOn(CommunityId community, PostedMessage message) {
    var bot = botUser(community);
    var request = ReactionsGetRequest.builder().channel(SlackIds.channel(message.id()).value())
        .timestamp(SlackIds.timestamp(message.id())).full(true).build();
    var answer = await(background.submit(community, "reactions.get", client -> client.reactionsGet(request)),
        "Slack did not show the message's reactions");
    if (!answer.isOk()) {
      throw new ChatException(explain(answer.getError(), "Slack did not show the message's reactions"));
    }
    var reactions = new ArrayList<MemberReaction>();
    if (answer.getMessage() != null && answer.getMessage().getReactions() != null) {
      for (var reaction : answer.getMessage().getReactions()) {
        if (reaction.getUsers() == null) {
          continue;
        }
        for (var user : reaction.getUsers()) {
          if (!user.equals(bot)) {
            reactions.add(new MemberReaction(SlackEmoji.unicode(reaction.getName()), members.actor(community, user)));
          }
        }
      }
    }
    return Optional.of(reactions);
  }

  /** Chorus's own user in the workspace, from {@code auth.test}, asked once. */
  private String botUser(CommunityId community) {
    var known = botUsers.get(community.value());
    if (known != null) {
      return known;
    }
    var answer = await(background.submit(community, "auth.test",
        client -> client.authTest(com.slack.api.methods.request.auth.AuthTestRequest.builder().build())), "Slack did not say who Chorus is");
    if (!answer.isOk() || answer.getUserId() == null) {
      throw new ChatException(explain(answer.getError(), "Slack did not say who Chorus is"));
    }
    botUsers.put(community.value(), answer.getUserId());
    return answer.getUserId();
  }

  /** Waits for a background call; a failure is a {@link ChatException} in plain words. */
  private static <T> T await(CompletableFuture<T> call, String failure) {
    try {
      return call.get(LONGEST_CALL.toMillis() * 4, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException(failure + ": it was interrupted.", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ChatException("Slack could not be reached just now: " + failure.toLowerCase(java.util.Locale.ROOT) + ".", e);
    }
  }

  /** Background calls still waiting, for tests and shutdown. */
  int backgroundWaiting() {
    return background.waiting();
  }

  @Override
  public void close() {
    background.close();
  }

  /**
   * A file for one member (an export), in their direct messages with Chorus: Slack's two-step upload —
   * an upload URL, the bytes, then completing the upload into the conversation.
   */
  public void sendFile(CommunityId community, MemberId member, String fileName, FileContent content, String comment) {
    var direct = directChannel(community, member, "Chorus could not open a direct message with you for the file");
    upload(community, fileName, content, null, direct, null, comment);
  }

  /**
   * A file into a conversation, or a thread of it: Slack's two-step upload — an upload URL, the
   * bytes, then completing the upload into the conversation.
   *
   * @param altText for a picture, what a screen reader says in its place; null for other files
   * @param comment posted with it; null where the message it belongs to says it already
   */
  private void upload(CommunityId community, String fileName, FileContent content, @Nullable String altText,
      String channel, @Nullable String threadTs, @Nullable String comment) {
    var client = clients.apply(community);
    var bytes = content.bytes();
    var asked = FilesGetUploadURLExternalRequest.builder().filename(fileName).length(bytes.length);
    if (altText != null) {
      asked.altTxt(altText);
    }
    var upload = call(() -> client.filesGetUploadURLExternal(asked.build()), "Slack did not take the file");
    try {
      var response = UPLOADS.send(HttpRequest.newBuilder(URI.create(upload.getUploadUrl())).timeout(LONGEST_CALL)
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new ChatException("Slack did not take the file (" + response.statusCode() + "). Please try again.");
      }
    } catch (java.io.IOException e) {
      throw new ChatException("Slack could not be reached to take the file. Please try again.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException("Sending the file was interrupted. Please try again.", e);
    }
    call(() -> client.filesCompleteUploadExternal(FilesCompleteUploadExternalRequest.builder()
        .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(upload.getFileId()).title(fileName).build()))
        .channelId(channel).threadTs(threadTs).initialComment(comment == null ? null : SlackText.escape(comment)).build()),
        "Slack did not share the file");
  }

  /**
   * A member's direct-message channel with Chorus: opened once, then remembered, since every reminder
   * and personal digest goes there. A post that fails there forgets it, so the next one opens it anew.
   */
  private String directChannel(CommunityId community, MemberId member, String failure) {
    var key = community.value() + "/" + member.value();
    var known = directChannels.get(key);
    if (known != null) {
      return known;
    }
    var client = clients.apply(community);
    var opened = call(() -> client.conversationsOpen(ConversationsOpenRequest.builder().users(List.of(member.value()))
        .build()), failure);
    directChannels.put(key, opened.getChannel().getId());
    return opened.getChannel().getId();
  }

  private void forgetDirectChannel(CommunityId community, MemberId member) {
    directChannels.remove(community.value() + "/" + member.value());
  }

  private static final HttpClient UPLOADS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public void edit(CommunityId community, PostedMessage message, Card card) {
    // A card that needs several messages is edited in its first; the rest keep what they said.
    var first = renderer.render(card).get(0);
    var request = ChatUpdateRequest.builder().channel(SlackIds.channel(message.id()).value())
        .ts(SlackIds.timestamp(message.id())).text(first.text()).blocksAsString(first.blocksJson()).build();
    var client = clients.apply(community);
    call(() -> client.chatUpdate(request), "Slack did not take Chorus's edit");
  }

  /**
   * A call a member is waiting for right now (a private reply, a form), made at once on the caller's
   * thread with the workspace's synchronous client. The asynchronous client would queue it in its
   * small pool per workspace, behind channel posts that wait out Slack's one-post-per-second pace, and
   * a member could wait a minute for "that needs a reason". A 429 is still waited out, as in
   * {@link #call}.
   */
  <T extends SlackApiTextResponse> T now(CommunityId community, SlackBackground.Call<T> request, String failure) {
    var client = synchronous.apply(community);
    return call(() -> {
      try {
        return CompletableFuture.completedFuture(request.make(client));
      } catch (java.io.IOException | SlackApiException | RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }, failure);
  }

  /**
   * Makes the call and waits for it; every Web API call of the adapter goes through here. The client
   * queues calls within Slack's rate limits; when Slack still answers 429, the call is made again
   * after its {@code Retry-After}, so nothing is lost. A refusal or a failure is a {@link ChatException}.
   */
  static <T extends SlackApiTextResponse> T call(Supplier<CompletableFuture<T>> request, String failure) {
    for (int attempt = 0; ; attempt++) {
      T response;
      try {
        response = request.get().get(LONGEST_CALL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatException(failure + ": it was interrupted. Please try again.", e);
      } catch (ExecutionException | TimeoutException e) {
        var wait = retryAfter(e);
        if (wait != null && attempt < MOST_RETRIES) {
          pause(wait);
          continue;
        }
        throw new ChatException("Slack could not be reached just now, so the channel may not show the change yet.", e);
      }
      if (!response.isOk()) {
        throw new ChatException(explain(response.getError(), failure));
      }
      return response;
    }
  }

  /** How long Slack asked to wait, when the failure is its 429; null for any other failure. */
  static @Nullable Duration retryAfter(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof MethodsCompletionException completion && completion.getSlackApiException() != null) {
        cause = completion.getSlackApiException();
      }
      if (cause instanceof SlackApiException api && api.getResponse() != null && api.getResponse().code() == 429) {
        var header = api.getResponse().header("Retry-After");
        long seconds;
        try {
          seconds = header == null ? 1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
          seconds = 1;
        }
        return Duration.ofSeconds(Math.max(1, Math.min(seconds, LONGEST_WAIT.toSeconds())));
      }
    }
    return null;
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException("Chorus was stopped while Slack asked it to wait.", e);
    }
  }

  /** Slack's error codes in words a member can act on; never a token or a raw payload. */
  static String explain(String error, String failure) {
    return switch (String.valueOf(error)) {
      case "not_in_channel", "channel_not_found" ->
          "Chorus is not in this channel: invite it with /invite @Chorus, then try again.";
      case "is_archived" -> "This channel is archived, so Chorus cannot post in it.";
      case "cannot_dm_bot", "user_not_found", "user_disabled" -> "Chorus cannot send that member a direct message.";
      case "restricted_action", "not_allowed_token_type", "missing_scope" ->
          "Chorus lacks a Slack permission for this; whoever installed it can reinstall it with the scopes it asks for.";
      case "msg_too_long", "invalid_blocks" -> failure + ": it was too long for Slack.";
      case "ratelimited" -> "Slack is busy; the change is saved and will show shortly.";
      default -> failure + ".";
    };
  }
}
