package dev.chorus.core.command;

import dev.chorus.core.message.Text;

/** What the parser made of a line. */
public sealed interface ParseResult {
  record Parsed(ParsedCommand command) implements ParseResult {}

  /**
   * The line is not a command.
   *
   * @param reason what is wrong, in plain language
   * @param hint the command to use instead
   */
  record Invalid(Text reason, String hint) implements ParseResult {}
}
