package dev.chorus.core.message;

import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;

/** The item a posted message shows, so reactions on it and edits to it find their way. */
public sealed interface Target {
  QuestionId question();

  record QuestionCard(QuestionId question) implements Target {}

  record StatementMessage(QuestionId question, StatementId statement) implements Target {}

  /** The draft in the question's thread. */
  record DraftMessage(QuestionId question, DraftVersion draft) implements Target {}

  /** The draft's announcement in the channel; it takes votes too. */
  record DraftAnnouncement(QuestionId question, DraftVersion draft) implements Target {}

  record OutcomeMessage(QuestionId question) implements Target {}
}
