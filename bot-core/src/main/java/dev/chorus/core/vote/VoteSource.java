package dev.chorus.core.vote;

/** How a vote was cast: it decides what is allowed (no reactions in anonymous questions) and what to reply. */
public enum VoteSource {
  REACTION,
  BUTTON,
  COMMAND
}
