package dev.chorus.core.question;

/** A question takes views, votes, drafts and amendments only while open. */
public enum QuestionStatus {
  OPEN,
  CLOSED
}
