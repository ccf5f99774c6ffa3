/**
 * What Chorus says, platform-neutral: cards made of blocks, text whose spans remember which words
 * came from members (so every renderer escapes them), buttons, forms, and where a message goes. The
 * {@link dev.chorus.core.message.Chat} port is how core hands messages to a platform;
 * {@link dev.chorus.core.message.MessageLinks} remembers which message shows which item, so
 * reactions route after a restart.
 */
@NullMarked
package dev.chorus.core.message;

import org.jspecify.annotations.NullMarked;
