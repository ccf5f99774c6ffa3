package dev.chorus.core.message;

import dev.chorus.core.community.CommunityId;

/**
 * How core hands public messages to a platform. Each adapter implements it: it renders the card
 * within its platform's limits (splitting where it must) and sends it.
 */
public interface Chat {

  /**
   * Posts a card and returns the message that now shows it.
   *
   * @throws ChatException when the platform refused or could not be reached
   */
  PostedMessage post(CommunityId community, Destination destination, Card card);

  /** Replaces what a message shows; adapters may coalesce rapid edits of one message. */
  void edit(CommunityId community, PostedMessage message, Card card);
}
