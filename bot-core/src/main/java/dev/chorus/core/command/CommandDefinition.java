package dev.chorus.core.command;

import dev.chorus.core.question.QuestionId;
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
   * A help line: how the command is written, then what it does. The keyword is the definition's,
   * so a line never writes it again.
   *
   * @param bare written right after {@code /respond}, without the keyword (a view is)
   * @param words what follows the keyword (or {@code /respond}), empty for nothing
   * @param says what the command does, without who may use it
   * @param example words after the keyword for an example, empty for none
   */
  public record HelpLine(boolean bare, String words, String says, String example) {
    public static HelpLine of(String words, String says) {
      return new HelpLine(false, words, says, "");
    }

    public static HelpLine of(String words, String says, String example) {
      return new HelpLine(false, words, says, example);
    }

    public static HelpLine bare(String words, String says, String example) {
      return new HelpLine(true, words, says, example);
    }
  }

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
    return help.stream().map(line -> written(line) + " — " + audience.helpPrefix() + line.says()
        + (line.example().isEmpty() ? "" : ", e.g. " + start(line) + " " + line.example())).toList();
  }

  /** The command without arguments: {@code /respond <keyword>}. */
  public String invocation() {
    return CommandCatalog.SLASH_COMMAND + " " + keyword;
  }

  /** How the command is written: its first help line, or its invocation. */
  public String usage() {
    return help.isEmpty() ? invocation() : written(help.get(0));
  }

  /** How the command is written with words after it (its text): its last help line. */
  public String usageWithWords() {
    return help.isEmpty() ? invocation() : written(help.get(help.size() - 1));
  }

  /** {@link #usage()} naming a question: {@code /respond #Q3 <keyword> …}. */
  public String usageOn(QuestionId question) {
    return help.isEmpty() ? on(question) : writtenOn(question, help.get(0));
  }

  /** {@link #usageWithWords()} naming a question: {@code /respond #Q3 <keyword> <text>}. */
  public String usageWithWordsOn(QuestionId question) {
    return help.isEmpty() ? on(question) : writtenOn(question, help.get(help.size() - 1));
  }

  /** The command with these words after it, as a member types it: {@code /respond vote V3 agree}. */
  public String with(Object... words) {
    return invocation() + CommandCatalog.joined(words);
  }

  /** The command on one question, with these words after it: {@code /respond #Q3 vote V3 agree}. */
  public String on(QuestionId question, Object... words) {
    return CommandCatalog.naming(question) + " " + keyword + CommandCatalog.joined(words);
  }

  private String start(HelpLine line) {
    return line.bare() ? CommandCatalog.SLASH_COMMAND : invocation();
  }

  private String written(HelpLine line) {
    return start(line) + (line.words().isEmpty() ? "" : " " + line.words());
  }

  private String writtenOn(QuestionId question, HelpLine line) {
    return CommandCatalog.naming(question) + (line.bare() ? "" : " " + keyword)
        + (line.words().isEmpty() ? "" : " " + line.words());
  }

  public Optional<CommandOption> option(String name) {
    return options.stream().filter(option -> option.name().equals(name)).findFirst();
  }

  /** The options written {@code --name} in text. */
  public List<CommandOption> namedOptions() {
    return options.stream().filter(option -> option.written() == CommandOption.Written.AS_OPTION).toList();
  }
}
