/**
 * Fakes for the core's ports and a conversation harness: in-memory questions and message links, a
 * chat that records and numbers every message, a clock tests move by hand, and
 * {@link dev.chorus.testkit.Conversation} to play members talking to Chorus.
 */
@NullMarked
package dev.chorus.testkit;

import org.jspecify.annotations.NullMarked;
