/**
 * Discord in the running application: settings from the environment, and the shards this replica
 * runs, started when {@code DISCORD_TOKEN} is set.
 */
@NullMarked
package dev.chorus.app.discord;

import org.jspecify.annotations.NullMarked;
