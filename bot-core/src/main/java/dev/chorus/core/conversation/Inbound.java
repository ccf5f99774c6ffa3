package dev.chorus.core.conversation;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Something a member did on a platform, translated by the adapter into platform-neutral terms. */
public sealed interface Inbound {
  CommunityId community();

  ChannelId channel();

  Actor actor();

  /** The platform's delivery id: a redelivered event is applied once. */
  EventId event();

  /** {@code /respond …}; {@code text} is what follows the command name. */
  record CommandInvoked(CommunityId community, ChannelId channel, Actor actor, EventId event, String text)
      implements Inbound {}

  /**
   * {@code /respond} with typed options (Discord's slash command): the subcommand chosen and each
   * option's value as the member gave it, taken literally, so no value can read as another option.
   */
  record CommandChosen(CommunityId community, ChannelId channel, Actor actor, EventId event, String subcommand,
      Map<String, String> options) implements Inbound {
    public CommandChosen {
      options = Map.copyOf(options);
    }
  }

  record ReactionAdded(
      CommunityId community, ChannelId channel, Actor actor, EventId event, String messageId, String emoji)
      implements Inbound {}

  record ReactionRemoved(
      CommunityId community, ChannelId channel, Actor actor, EventId event, String messageId, String emoji)
      implements Inbound {}

  record ButtonPressed(
      CommunityId community, ChannelId channel, Actor actor, EventId event, String messageId, String action)
      implements Inbound {}

  /** A form submitted: its id as Chorus gave it, and the text of each field by field id. */
  record FormSubmitted(
      CommunityId community, ChannelId channel, Actor actor, EventId event, String formId, Map<String, String> fields)
      implements Inbound {
    public FormSubmitted {
      fields = Map.copyOf(fields);
    }
  }

  /** What a message shortcut makes of the message it is used on. */
  enum Shortcut {
    /** "Share as my view". */
    SHARE_AS_VIEW,
    /** "Propose as amendment" (to the question's latest draft). */
    PROPOSE_AS_AMENDMENT
  }

  /**
   * A member used a message shortcut on a message (Slack's message shortcuts, Discord's message
   * commands): it opens the form for a view or an amendment, filled with the message's words.
   *
   * @param messageId the message it was used on
   * @param threadCard the message whose thread holds it, when it is in a thread (a question's thread
   *     starts from the question's card); null for a message in the channel itself
   * @param author who wrote the message
   * @param text the message's words
   */
  record MessageShortcut(CommunityId community, ChannelId channel, Actor actor, EventId event, Shortcut shortcut,
      String messageId, @Nullable String threadCard, MemberId author, String text) implements Inbound {}
}
