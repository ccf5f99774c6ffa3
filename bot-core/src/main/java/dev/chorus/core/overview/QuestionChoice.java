package dev.chorus.core.overview;

import dev.chorus.core.question.QuestionId;

/** An open question as a platform offers it while a member types a question id. */
public record QuestionChoice(QuestionId id, String title) {}
