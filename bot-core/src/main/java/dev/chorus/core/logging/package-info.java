/**
 * How Chorus logs what went wrong: {@link dev.chorus.core.logging.Failures} keeps a failure's stack
 * trace, so an operator can find the fault, and leaves out its message, which may quote a member.
 */
@NullMarked
package dev.chorus.core.logging;

import org.jspecify.annotations.NullMarked;
