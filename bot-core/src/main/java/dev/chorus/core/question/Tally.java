package dev.chorus.core.question;

/**
 * How many members chose what on one statement or draft: all a live tally shows. A store can answer
 * it after a single vote without sending back every member's vote.
 */
public sealed interface Tally permits Statement.StatementTally, Draft.DraftTally {}
