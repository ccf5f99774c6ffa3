package dev.chorus.core.command;

import dev.chorus.core.question.QuestionId;
import org.jspecify.annotations.Nullable;

/**
 * A command with the question it names ({@code /respond #Q3 …}), if it names one.
 */
public record ParsedCommand(@Nullable QuestionId question, Command command) {}
