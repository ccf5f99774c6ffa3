/**
 * The opinion landscape: the vote matrix, opinion groups (Polis's method adapted to
 * small communities), per-statement figures, common ground, divisive, representative and uncertain
 * statements, minority views, support estimates, and their evaluation on held-out votes.
 * Deterministic (fixed seeds) and built on primitive arrays: the same numbers for 8 members or 20,000.
 */
@NullMarked
package dev.chorus.core.analysis;

import org.jspecify.annotations.NullMarked;
