/**
 * The conversation between members and Chorus: what arrives from a platform ({@link
 * dev.chorus.core.conversation.Inbound}), the front door that routes it to one use case and commits
 * the decision ({@link dev.chorus.core.conversation.Chorus}), and the delivery of what Chorus says.
 */
@NullMarked
package dev.chorus.core.conversation;

import org.jspecify.annotations.NullMarked;
