/**
 * A question's life: opening it, changing its details, publishing the outcome at close, and
 * reopening it.
 */
@NullMarked
package dev.chorus.core.lifecycle;

import org.jspecify.annotations.NullMarked;
