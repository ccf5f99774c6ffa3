package dev.chorus.core.command;

import java.util.List;

/**
 * One typed option of a command: what Discord offers as a field, and how the same value is written
 * after {@code /respond <keyword>} in text.
 *
 * @param choices the only values allowed, empty when any is
 */
public record CommandOption(String name, Kind kind, Written written, String description, boolean required,
    List<Choice> choices) {

  public CommandOption {
    choices = List.copyOf(choices);
  }

  /** What kind of value the option takes. */
  public enum Kind {
    /** Free text, or one of {@code choices}. */
    TEXT,
    /** On when given: "true" as a typed option, the bare option or word in text. */
    FLAG,
    /** A time zone id, suggested as the member types it. */
    TIME_ZONE,
    /** A question id (Q3), suggested from the channel's open questions. */
    QUESTION
  }

  /** How the option is written in text. */
  public enum Written {
    /** Words in order after the keyword. */
    IN_WORDS,
    /** {@code --name value}, or {@code --name} for a flag. */
    AS_OPTION
  }

  /** A value a member may choose, and its label where it differs. */
  public record Choice(String label, String value) {
    public static Choice of(String value) {
      return new Choice(value, value);
    }
  }

  public static CommandOption words(String name, String description, boolean required) {
    return new CommandOption(name, Kind.TEXT, Written.IN_WORDS, description, required, List.of());
  }

  public static CommandOption named(String name, String description) {
    return new CommandOption(name, Kind.TEXT, Written.AS_OPTION, description, false, List.of());
  }

  public static CommandOption flag(String name, Written written, String description) {
    return new CommandOption(name, Kind.FLAG, written, description, false, List.of());
  }

  public static CommandOption choice(String name, String description, boolean required, List<Choice> choices) {
    return new CommandOption(name, Kind.TEXT, Written.IN_WORDS, description, required, choices);
  }

  public boolean flag() {
    return kind == Kind.FLAG;
  }
}
