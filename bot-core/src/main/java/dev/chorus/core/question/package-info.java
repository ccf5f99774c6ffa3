/**
 * The joint response itself: a question, the members' views and amendments (statements), their
 * votes, the drafts and the outcomes published at close. A {@link dev.chorus.core.question.Question}
 * is one immutable aggregate; every change is a new value committed with the revision it was read
 * at, so two replicas can never interleave half a change. A single vote is the exception that keeps
 * busy questions fast: it is recorded as a {@link dev.chorus.core.question.VoteChange} through
 * {@link dev.chorus.core.question.Ballots}, checked against the member's vote and the question's
 * shape instead of every other member's vote.
 */
@NullMarked
package dev.chorus.core.question;

import org.jspecify.annotations.NullMarked;
