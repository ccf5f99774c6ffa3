package dev.chorus.core.message;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import java.util.List;
import java.util.Optional;

/**
 * How core hands public messages to a platform. Each adapter implements it: it renders the card
 * within its platform's limits (splitting where it must) and sends it.
 */
public interface Chat {
  /** The revision of an edit whose question revision is not known: it is applied in the order it comes. */
  long UNKNOWN_REVISION = -1;

  /**
   * Posts a card and returns the message that now shows it, as soon as the platform has given the
   * message its id. Nothing else happens to the message here: core links it to what it shows first,
   * then asks for its decorations ({@link #decorate}), so a vote on it is never lost for want of a link.
   *
   * @throws ChatException when the platform refused or could not be reached
   */
  PostedMessage post(CommunityId community, Destination destination, Card card);

  /**
   * Adds what a posted message carries besides its words: the vote reactions seeded so members vote
   * with one click. Called once the message is linked; it must not wait for the platform (seeds are
   * queued off the member's path and within the platform's limits), and a seed that fails is no
   * loss, since members can add the reaction themselves or vote by command.
   */
  default void decorate(CommunityId community, PostedMessage message, Card card) {}

  /**
   * Posts a card that must go out once even if this very post is tried again: a scheduled message
   * whose replica died before marking it sent is posted again by another. A platform with such a
   * key (Discord's message {@code nonce} with {@code enforce_nonce}) uses {@code once} for it; the
   * others post as usual.
   *
   * @param once the same for every try of the same message, and for no other message
   */
  default PostedMessage postOnce(CommunityId community, Destination destination, Card card, String once) {
    return post(community, destination, card);
  }

  /** Replaces what a message shows; adapters may coalesce rapid edits of one message. */
  void edit(CommunityId community, PostedMessage message, Card card);

  /**
   * Replaces what a message shows with a card of the question at {@code revision}. Edits decided at
   * once for different members may arrive in any order: a chat that coalesces or reorders edits keeps
   * the card of the highest revision, so a tally never steps back. The others just edit. The card is
   * built when it is sent: a chat that coalesces edits never builds those it drops.
   */
  default void edit(CommunityId community, PostedMessage message, LazyCard card, long revision) {
    edit(community, message, card.get());
  }

  /**
   * Every member's reaction on one of Chorus's messages as the platform shows it now, Chorus's own
   * left out, for reconciling votes whose events were lost. It waits for the platform, within its
   * rate limits and off members' paths; empty where the platform cannot tell.
   *
   * @throws ChatException when the platform refused or could not be reached
   */
  default Optional<List<MemberReaction>> reactionsOn(CommunityId community, PostedMessage message) {
    return Optional.empty();
  }

  /**
   * Whether the member can see the channel, so that Chorus names to them only questions of channels
   * they can read. Quick (cached by the platform adapter) and never throws: {@link ChannelAccess#UNKNOWN}
   * where the platform cannot tell.
   */
  default ChannelAccess access(CommunityId community, MemberId member, ChannelId channel) {
    return ChannelAccess.UNKNOWN;
  }
}
