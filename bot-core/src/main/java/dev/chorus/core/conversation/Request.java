package dev.chorus.core.conversation;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.question.QuestionId;
import org.jspecify.annotations.Nullable;

/**
 * Who asks, where, and which question they named with {@code #Q3} (if any): what every use case is
 * given besides its command.
 */
public record Request(
    CommunityId community, ChannelId channel, Actor actor, EventId event, @Nullable QuestionId named) {

  public static Request of(Inbound inbound, @Nullable QuestionId named) {
    return new Request(inbound.community(), inbound.channel(), inbound.actor(), inbound.event(), named);
  }
}
