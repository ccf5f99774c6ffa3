/**
 * The joint response itself: a question, the members' views and amendments (statements), their
 * votes, the drafts and the outcomes published at close. A {@link dev.chorus.core.question.Question}
 * is one immutable aggregate; every change is a new value committed with the revision it was read
 * at, so two replicas can never interleave half a change.
 */
@NullMarked
package dev.chorus.core.question;

import org.jspecify.annotations.NullMarked;
