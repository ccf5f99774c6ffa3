package dev.chorus.discord;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Picture;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MemberReaction;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.TextCuts;
import dev.chorus.core.vote.Reactions;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

/**
 * Chorus's messages in Discord through JDA, which queues requests within Discord's rate limits and
 * waits out a 429. A question's thread is started from its card (so the thread's id is the card's
 * id); where the thread cannot be found or made, the message answers the card in the channel instead.
 */
public final class DiscordChat implements Chat {
  private static final System.Logger LOG = System.getLogger(DiscordChat.class.getName());
  /** Long enough for a request queued behind Discord's rate limits; a hung one must not hold a worker forever. */
  static final Duration LONGEST_CALL = Duration.ofSeconds(30);
  /** Discord's limit on a thread's name. */
  static final int LONGEST_THREAD_NAME = 100;
  /** How many archived threads of a channel are searched for a question's thread. */
  static final int MOST_ARCHIVED_SEARCHED = 500;
  /** Discord's limit on a message nonce. */
  static final int NONCE_LENGTH = 25;
  static final String PERMISSIONS_NEEDED = "View Channel, Send Messages, Send Messages in Threads, Create Public "
      + "Threads, Embed Links, Attach Files, Add Reactions and Read Message History";
  static final String CANNOT_SEE = "Chorus cannot see that channel. Check that it is still in the channel and has "
      + "these permissions there: " + PERMISSIONS_NEEDED + ".";
  static final String LACKS_PERMISSION = "Chorus lacks a permission in this channel. Ask whoever runs this server to "
      + "give Chorus: " + PERMISSIONS_NEEDED + ".";

  private final Supplier<ShardManager> manager;
  private final DiscordChannelAccess channelAccess;

  /** @param manager the shards, known once they are built (they need the listeners, which need this chat) */
  public DiscordChat(Supplier<ShardManager> manager) {
    this(manager, Clock.systemUTC(), DiscordChannelAccess.LONGEST_LOOKUP);
  }

  /**
   * @param clock how long members asked of Discord stay known is measured on it
   * @param longestLookup how long whether a member sees a channel waits for Discord at most
   */
  DiscordChat(Supplier<ShardManager> manager, Clock clock, Duration longestLookup) {
    this.manager = manager;
    this.channelAccess = new DiscordChannelAccess(manager, clock, longestLookup);
  }

  /**
   * Whether the member can see the channel, from their roles and the channel's permission overwrites;
   * UNKNOWN when the channel is not known here or Discord does not say who the member is.
   */
  @Override
  public ChannelAccess access(CommunityId community, MemberId member, ChannelId channel) {
    return channelAccess.of(community, member, channel);
  }

  @Override
  public PostedMessage post(CommunityId community, Destination destination, Card card) {
    return send(community, destination, card, null);
  }

  @Override
  public PostedMessage postOnce(CommunityId community, Destination destination, Card card, String once) {
    return send(community, destination, card, nonce(once));
  }

  private PostedMessage send(CommunityId community, Destination destination, Card card, @Nullable String nonce) {
    try {
      return sendChecked(community, destination, card, nonce);
    } catch (InsufficientPermissionException e) {
      // JDA checks the permissions it knows of before asking Discord.
      throw new ChatException(explain(e, "Discord did not take Chorus's message"), e);
    }
  }

  private PostedMessage sendChecked(CommunityId community, Destination destination, Card card, @Nullable String nonce) {
    var renderer = DiscordRenderer.of(community);
    var place = place(destination);
    Message first = null;
    var messages = renderer.render(card);
    for (int i = 0; i < messages.size(); i++) {
      var data = messages.get(i).create();
      var action = place.channel().sendMessage(data);
      if (place.replyTo() != null && i == 0) {
        action = action.setMessageReference(place.replyTo()).mentionRepliedUser(false);
      }
      var picture = card.picture();
      if (picture != null && i == 0) {
        if (picture.png().size() <= LARGEST_ATTACHMENT) {
          action = action.addFiles(FileUpload.fromData(picture.png().bytes(), picture.fileName())
              .setDescription(picture.altTextWithin(Picture.LONGEST_ALT_TEXT)));
        } else {
          LOG.log(Level.WARNING, "a picture of " + picture.png().size() + " bytes is over Discord's limit and was left out");
        }
      }
      if (nonce != null) {
        // Discord answers a repeated nonce with the message it already made (enforce_nonce).
        action = action.setNonce(i == 0 ? nonce : nonce(nonce + i));
      }
      var posted = call(action, "Discord did not take Chorus's message");
      if (first == null) {
        first = posted;
      }
    }
    // The renderer makes at least one message of any card, so the loop set first.
    var head = Objects.requireNonNull(first);
    return new PostedMessage(DiscordIds.message(head.getChannel().getIdLong(), head.getIdLong()), destination);
  }

  /**
   * The vote reactions, seeded in order so members vote with one click; the bot's own never count.
   * Queued with JDA, which keeps to the reactions' own rate limit (one a quarter second per channel)
   * apart from the messages' and the interactions': the member's answer never waits for seeds.
   */
  @Override
  public void decorate(CommunityId community, PostedMessage message, Card card) {
    if (card.seededReactions().isEmpty()) {
      return;
    }
    MessageChannel channel;
    try {
      channel = messageChannel(Long.parseUnsignedLong(DiscordIds.channelOf(message.id())), message.destination());
    } catch (ChatException e) {
      LOG.log(Level.INFO, "a message's vote reactions were not seeded: its channel is not known here");
      return;
    }
    var messageId = DiscordIds.messageOf(message.id());
    for (var emoji : card.seededReactions()) {
      try {
        channel.addReactionById(messageId, Emoji.fromUnicode(emoji)).queue(null,
            failure -> Failures.log(LOG, Level.WARNING, "a vote reaction was not seeded", failure));
      } catch (InsufficientPermissionException e) {
        LOG.log(Level.INFO, "a vote reaction was not seeded: Chorus may not add reactions there");
        return;
      }
    }
  }

  /** Discord's limit for what a bot attaches to one message without a boosted server: 10 MiB. */
  static final int LARGEST_ATTACHMENT = 10 * 1024 * 1024;

  /** How many members' reactions of one emoji are read back at most. */
  static final int MOST_REACTIONS_READ = 10_000;
  /**
   * Messages read back at most this often: Discord's global limit (50 requests a second) is shared by
   * everything a bot does, and reading hundreds of drafts' reactions must leave nearly all of it to
   * the messages members are waiting for.
   */
  static final Duration READ_EVERY = Duration.ofMillis(200);
  private long nextRead;

  /** Waits for this replica's turn to read a message's reactions back (reconciling runs on a thread of its own). */
  private void paceReading() {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long at = Math.max(now, nextRead);
      nextRead = at + READ_EVERY.toNanos();
      wait = at - now;
    }
    if (wait > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }
  }

  /**
   * The members' reactions on a message: the message's reactions, then for each vote emoji on it the
   * users who added it (Discord pages them a hundred at a time; JDA follows the pages and keeps to the
   * route's rate limit, apart from messages and interactions). Chorus's own are left out.
   */
  @Override
  public Optional<List<MemberReaction>> reactionsOn(CommunityId community, PostedMessage message) {
    paceReading();
    var channel = messageChannel(Long.parseUnsignedLong(DiscordIds.channelOf(message.id())), message.destination());
    var shown = call(channel.retrieveMessageById(DiscordIds.messageOf(message.id())),
        "Discord did not show the message's reactions");
    long self = shown.getJDA().getSelfUser().getIdLong();
    var reactions = new ArrayList<MemberReaction>();
    for (var reaction : shown.getReactions()) {
      var emoji = reaction.getEmoji();
      if (emoji.getType() != Emoji.Type.UNICODE || !Reactions.vote(emoji.getName())) {
        // Members react as they like: only emoji that can be votes are worth asking about.
        continue;
      }
      List<net.dv8tion.jda.api.entities.User> users;
      try {
        users = reaction.retrieveUsers().takeAsync(MOST_REACTIONS_READ).get(LONGEST_CALL.toMillis() * 4, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatException("Reading a message's reactions was interrupted.", e);
      } catch (ExecutionException e) {
        throw new ChatException(explain(e.getCause(), "Discord did not show who reacted"), e.getCause());
      } catch (TimeoutException e) {
        throw new ChatException("Discord could not be reached just now to show who reacted.", e);
      }
      for (var user : users) {
        if (user.getIdLong() != self) {
          reactions.add(new MemberReaction(emoji.getName(), new Actor(new MemberId(user.getId()), user.getEffectiveName(),
              false, false, user.isBot())));
        }
      }
    }
    return Optional.of(reactions);
  }

  @Override
  public void edit(CommunityId community, PostedMessage message, Card card) {
    // An edit replaces one message: the card is made to fit it.
    var first = DiscordRenderer.of(community).renderOne(card);
    var channel = messageChannel(Long.parseUnsignedLong(DiscordIds.channelOf(message.id())), message.destination());
    try {
      call(channel.editMessageById(DiscordIds.messageOf(message.id()), first.edit()), "Discord did not take Chorus's edit");
    } catch (InsufficientPermissionException e) {
      throw new ChatException(explain(e, "Discord did not take Chorus's edit"), e);
    }
  }

  /** Where a message goes: a channel, and the message it answers when a thread could not be used. */
  private record Place(MessageChannel channel, @Nullable String replyTo) {}

  private Place place(Destination destination) {
    if (destination instanceof Destination.Channel c) {
      return new Place(messageChannel(Long.parseUnsignedLong(c.channel().value()), destination), null);
    }
    if (destination instanceof Destination.Direct d) {
      return new Place(call(anyShard().openPrivateChannelById(d.member().value()),
          "Chorus could not open a direct message with that member"), null);
    }
    var thread = (Destination.Thread) destination;
    // The card, known as channel:message; a thread started from it has the message's id.
    long anchor = Long.parseUnsignedLong(DiscordIds.messageOf(thread.anchorMessageId()));
    long parentId = Long.parseUnsignedLong(thread.channel().value());
    var existing = thread(parentId, anchor);
    if (existing != null) {
      return new Place(existing, null);
    }
    var parent = manager.get().getTextChannelById(parentId);
    if (parent == null) {
      throw new ChatException(CANNOT_SEE);
    }
    try {
      return new Place(startThread(parent, anchor), null);
    } catch (ChatException | InsufficientPermissionException e) {
      // The thread exists but is not known here (archived), or threads are not allowed: answer the card instead.
      LOG.log(Level.INFO, "a question's thread could not be used; answering its card in the channel");
      return new Place(parent, Long.toUnsignedString(anchor));
    }
  }

  /** The thread hanging off a card, named after the card's title. */
  private ThreadChannel startThread(TextChannel parent, long anchor) {
    String name = "Views and drafts";
    try {
      var card = call(parent.retrieveMessageById(anchor), "Discord did not show the question's card");
      if (!card.getEmbeds().isEmpty() && card.getEmbeds().get(0).getTitle() != null) {
        name = card.getEmbeds().get(0).getTitle().replace("\\", "");
      }
    } catch (ChatException e) {
      // The generic name will do.
    }
    try {
      return call(parent.createThreadChannel(TextCuts.clip(name, LONGEST_THREAD_NAME), anchor).setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK),
          "Discord did not start the question's thread");
    } catch (ChatException e) {
      // Another replica may have started it a moment ago.
      var made = manager.get().getThreadChannelById(anchor);
      if (made != null) {
        return made;
      }
      throw e;
    }
  }

  /**
   * A question's thread, found even after Discord archived it for a quiet week (JDA then forgets it)
   * and opened again so Chorus can post and edit there; null when there is none.
   */
  private @Nullable ThreadChannel thread(long parentId, long threadId) {
    var known = manager.get().getThreadChannelById(threadId);
    if (known != null && !known.isArchived()) {
      return known;
    }
    ThreadChannel found = known;
    if (found == null) {
      var parent = manager.get().getTextChannelById(parentId);
      if (parent == null) {
        return null;
      }
      try {
        var archived = parent.retrieveArchivedPublicThreadChannels()
            .takeUntilAsync(MOST_ARCHIVED_SEARCHED, t -> t.getIdLong() == threadId)
            .get(LONGEST_CALL.toMillis(), TimeUnit.MILLISECONDS);
        found = archived.stream().filter(t -> t.getIdLong() == threadId).findFirst()
            .or(() -> Optional.ofNullable(manager.get().getThreadChannelById(threadId))).orElse(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException | TimeoutException | InsufficientPermissionException e) {
        Failures.log(LOG, Level.INFO, "archived threads could not be searched", e);
        return null;
      }
    }
    if (found != null && found.isArchived()) {
      if (found.isLocked()) {
        throw new ChatException("The question's thread is locked, so Chorus cannot post there. A moderator can "
            + "unlock it.");
      }
      call(found.getManager().setArchived(false), "Discord did not reopen the question's thread");
    }
    return found;
  }

  private MessageChannel messageChannel(long id, Destination destination) {
    if (destination instanceof Destination.Thread t && id == Long.parseUnsignedLong(DiscordIds.messageOf(t.anchorMessageId()))) {
      var thread = thread(Long.parseUnsignedLong(t.channel().value()), id);
      if (thread != null) {
        return thread;
      }
    }
    var channel = manager.get().getChannelById(MessageChannel.class, id);
    if (channel != null) {
      return channel;
    }
    if (destination instanceof Destination.Direct) {
      var privateChannel = manager.get().getPrivateChannelById(id);
      if (privateChannel != null) {
        return privateChannel;
      }
    }
    throw new ChatException(CANNOT_SEE);
  }

  private JDA anyShard() {
    for (var shard : manager.get().getShards()) {
      if (shard.getStatus() == JDA.Status.CONNECTED) {
        return shard;
      }
    }
    if (manager.get().getShards().isEmpty()) {
      throw new ChatException("Chorus is not connected to Discord just now. Please try again in a moment.");
    }
    return manager.get().getShards().get(0);
  }

  /** A key of Discord's 25-character nonce length naming the same message every time. */
  static String nonce(String once) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(once.getBytes(StandardCharsets.UTF_8));
      var number = new java.math.BigInteger(1, digest).toString(36);
      return number.length() > NONCE_LENGTH ? number.substring(0, NONCE_LENGTH) : number;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Makes the request and waits for it; every request of this class goes through here. JDA queues it
   * within Discord's rate limits; a refusal or a failure is a {@link ChatException} saying, in plain
   * words, what the member or an operator can do.
   */
  static <T> T call(RestAction<T> action, String failure) {
    try {
      return action.submit().get(LONGEST_CALL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException(failure + ": it was interrupted. Please try again.", e);
    } catch (ExecutionException e) {
      throw new ChatException(explain(e.getCause(), failure), e.getCause());
    } catch (TimeoutException e) {
      throw new ChatException("Discord could not be reached just now, so the channel may not show the change yet.", e);
    } catch (InsufficientPermissionException e) {
      throw new ChatException(explain(e, failure), e);
    }
  }

  /** What went wrong, for the member; never a token or an internal detail. */
  static String explain(@Nullable Throwable cause, String failure) {
    if (cause instanceof InsufficientPermissionException) {
      return LACKS_PERMISSION;
    }
    if (cause instanceof ErrorResponseException error) {
      var response = error.getErrorResponse();
      if (response == ErrorResponse.CANNOT_SEND_TO_USER) {
        return "Chorus cannot send you direct messages. Allow direct messages from members of this server "
            + "(the server's Privacy Settings), then try again.";
      }
      if (response == ErrorResponse.MISSING_PERMISSIONS || response == ErrorResponse.MISSING_ACCESS) {
        return LACKS_PERMISSION;
      }
      if (response == ErrorResponse.UNKNOWN_CHANNEL) {
        return "That channel is gone, or Chorus can no longer see it.";
      }
      if (response == ErrorResponse.UNKNOWN_MESSAGE) {
        return "The message Chorus wanted to change is gone (perhaps deleted).";
      }
      if (response == ErrorResponse.THREAD_LOCKED || response == ErrorResponse.ILLEGAL_OPERATION_ARCHIVED_THREAD) {
        return "The question's thread is locked or archived, so Chorus cannot post there.";
      }
      return failure + " (Discord error " + error.getErrorCode() + "). Please try again.";
    }
    return "Discord could not be reached just now, so the channel may not show the change yet.";
  }
}
