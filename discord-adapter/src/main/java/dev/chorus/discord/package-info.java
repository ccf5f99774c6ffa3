/**
 * Discord through JDA: the {@code respond} slash command with typed options and autocomplete,
 * modals, question cards and drafts as embeds within Discord's limits, a thread per question,
 * reactions and buttons as votes, private answers as ephemeral messages.
 */
@NullMarked
package dev.chorus.discord;

import org.jspecify.annotations.NullMarked;
