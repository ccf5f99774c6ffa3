/**
 * Where Redis is: the server named by {@code REDIS_URL}, or a real {@code redis-server} started
 * with the application (append-only file in {@code CHORUS_DATA_DIR}, an owner-only folder; a
 * generated password; no {@code CONFIG}) when none is named; and how Lettuce talks to it (short
 * timeouts, commands refused while disconnected, reconnecting by itself).
 */
@NullMarked
package dev.chorus.app.redis;

import org.jspecify.annotations.NullMarked;
