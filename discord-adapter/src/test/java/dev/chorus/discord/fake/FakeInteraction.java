package dev.chorus.discord.fake;

import java.time.Instant;

/**
 * An interaction the fake dispatched over the gateway.
 *
 * @param id the interaction's snowflake; its timestamp is {@code dispatchedAt}
 * @param token the interaction token, used by callbacks and webhooks
 * @param type Discord's interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit)
 * @param guildId the guild it happened in
 * @param channelId the channel it happened in
 * @param userId who triggered it
 * @param dispatchedAt when the fake created it
 */
public record FakeInteraction(
    long id, String token, int type, long guildId, long channelId, long userId, Instant dispatchedAt) {}
