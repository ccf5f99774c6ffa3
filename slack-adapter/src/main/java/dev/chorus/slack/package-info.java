/**
 * Slack: translates Slack's events into core {@code Inbound}s and renders core cards as Block Kit
 * within Slack's limits, with every member's words escaped so they can neither ping nor change the
 * layout of Chorus's messages.
 */
@NullMarked
package dev.chorus.slack;

import org.jspecify.annotations.NullMarked;
