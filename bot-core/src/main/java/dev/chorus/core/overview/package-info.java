/**
 * Private answers about the state of things: status, the list of questions, help, the forms that
 * bare {@code /respond} opens, and notification preferences.
 */
@NullMarked
package dev.chorus.core.overview;

import org.jspecify.annotations.NullMarked;
