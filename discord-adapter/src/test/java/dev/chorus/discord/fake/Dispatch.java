package dev.chorus.discord.fake;

import java.time.Instant;

/**
 * A gateway dispatch (op 0) the fake produced for a session.
 *
 * @param shardId the shard whose session it belongs to
 * @param sequence its {@code s}
 * @param type its {@code t}, e.g. {@code INTERACTION_CREATE}
 * @param json the whole payload as JSON text
 * @param at when it was produced
 * @param queued true if the shard was disconnected then, so it waited for a RESUME (and was lost
 *     if the client identified anew instead)
 */
public record Dispatch(
    int shardId, long sequence, String type, String json, Instant at, boolean queued) {}
