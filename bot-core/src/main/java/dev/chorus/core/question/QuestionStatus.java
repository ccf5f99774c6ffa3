package dev.chorus.core.question;

/** A question takes views, votes, drafts and amendments only while open (DESIGN §3.4). */
public enum QuestionStatus {
  OPEN,
  CLOSED
}
