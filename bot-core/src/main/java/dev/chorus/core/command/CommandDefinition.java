package dev.chorus.core.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about one {@code /respond} subcommand, said once: its keyword, its typed options, its
 * lines in help, who may use it, and how its text and its typed options read as a {@link Command}.
 * Which use case a command goes to is the router's.
 *
 * @param summary one line for platforms that list subcommands (at most 100 characters for Discord)
 * @param aboutOneQuestion whether it acts on one question, and so may name it ({@code #Q3}, or a
 *     {@code question} option)
 * @param help its lines in {@code /respond help}, in order
 */
public record CommandDefinition(String keyword, String summary, Audience audience, boolean aboutOneQuestion,
    List<CommandOption> options, List<HelpLine> help, TextGrammar text, OptionGrammar typed) {

  public CommandDefinition {
    options = List.copyOf(options);
    help = List.copyOf(help);
  }

  /** Who may use the command; the use case checks it, help and platforms say it. */
  public enum Audience {
    MEMBERS,
    FACILITATORS,
    /** Facilitators for the channel's setting, every member for their own. */
    FACILITATORS_FOR_THE_CHANNEL;

    /** How help says who it is for, before what the command does. */
    public String helpPrefix() {
      return this == MEMBERS ? "" : "facilitators: ";
    }
  }

  /**
   * A help line: {@code usage} — what it does.
   *
   * @param says what the command does, without who may use it
   */
  public record HelpLine(String usage, String says) {}

  /** Reads what follows the keyword in text. */
  @FunctionalInterface
  public interface TextGrammar {
    ParseResult read(String args, CommandDefinition command);
  }

  /** Reads typed options, each value as given (flags are "true"). */
  @FunctionalInterface
  public interface OptionGrammar {
    ParseResult read(Map<String, String> options, CommandDefinition command);
  }

  /** The help lines as shown. */
  public List<String> helpLines() {
    return help.stream().map(line -> line.usage() + " — " + audience.helpPrefix() + line.says()).toList();
  }

  /** The command without arguments: {@code /respond <keyword>}. */
  /** How the command is written with words after it (its text): its last help line's usage. */
  public String usageWithWords() {
    return help.isEmpty() ? invocation() : help.get(help.size() - 1).usage();
  }

  public String invocation() {
    return CommandCatalog.SLASH_COMMAND + " " + keyword;
  }

  /** How the command is written: its first help line's usage, or its invocation. */
  public String usage() {
    return help.isEmpty() ? invocation() : help.get(0).usage();
  }

  public Optional<CommandOption> option(String name) {
    return options.stream().filter(option -> option.name().equals(name)).findFirst();
  }

  /** The options written {@code --name} in text. */
  public List<CommandOption> namedOptions() {
    return options.stream().filter(option -> option.written() == CommandOption.Written.AS_OPTION).toList();
  }
}
