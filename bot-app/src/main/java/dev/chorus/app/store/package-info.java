/**
 * The Redis store: every key of a community under its hash tag, every state change one
 * Lua script that checks the revisions it read, writes, and records the platform event id in the
 * same step, so a change is applied once, whole, or not at all.
 */
@NullMarked
package dev.chorus.app.store;

import org.jspecify.annotations.NullMarked;
