/**
 * Votes: on statements (agree, disagree, pass) and on drafts (agree, abstain, disagree, block), cast
 * by reaction, button or command. One member, one vote per item; the latest choice counts.
 */
@NullMarked
package dev.chorus.core.vote;

import org.jspecify.annotations.NullMarked;
