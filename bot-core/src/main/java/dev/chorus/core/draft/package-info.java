/** Drafts of the joint response: written by a facilitator, or by Chorus from the analysis. */
@NullMarked
package dev.chorus.core.draft;

import org.jspecify.annotations.NullMarked;
