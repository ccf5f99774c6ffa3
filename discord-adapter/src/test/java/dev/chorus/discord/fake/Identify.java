package dev.chorus.discord.fake;

import java.time.Instant;

/**
 * An IDENTIFY (op 2) the gateway received.
 *
 * @param shardId the shard the client asked for (0 when it sent no {@code shard})
 * @param shardTotal the shard count the client asked for (1 when it sent no {@code shard})
 * @param token the token it identified with
 * @param intents the gateway intents bit set
 * @param at when it arrived
 */
public record Identify(int shardId, int shardTotal, String token, int intents, Instant at) {}
