package dev.chorus.core.message;

/**
 * Whether a member can see a channel, as the platform says: questions from channels a member cannot
 * see are never named to them (their titles could be private).
 */
public enum ChannelAccess {
  /** The member can read the channel. */
  SEES,
  /** The channel is closed to the member. */
  CLOSED,
  /** The platform could not tell (not cached, not allowed to ask, or did not answer). */
  UNKNOWN
}
