/**
 * Polis conversation exports ({@code comments.csv}, {@code participants-votes.csv}) read into a vote
 * matrix, for evaluating the analysis on real conversations.
 */
@NullMarked
package dev.chorus.core.polis;

import org.jspecify.annotations.NullMarked;
