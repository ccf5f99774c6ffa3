package dev.chorus.core.conversation;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import java.util.Map;

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
}
