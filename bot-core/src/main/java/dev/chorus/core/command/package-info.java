/**
 * The {@code /respond} grammar, parsed once in core so Slack's free text, Discord's
 * typed options and the local shell all end in the same {@link dev.chorus.core.command.Command}.
 * A line that cannot be parsed becomes a plain-language reason and the command to use instead.
 */
@NullMarked
package dev.chorus.core.command;

import org.jspecify.annotations.NullMarked;
