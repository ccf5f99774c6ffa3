package dev.chorus.core.command;

import dev.chorus.core.question.QuestionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code /respond} subcommands, in the order help lists them. The parser, help and each
 * platform's command definition read them from here, so a command is described in one place.
 */
public final class CommandCatalog {
  /** The slash command every subcommand follows, as typed. */
  public static final String SLASH_COMMAND = "/respond";

  /** The option that names a question, on every command about one, in typed options. */
  public static final CommandOption QUESTION = new CommandOption("question", CommandOption.Kind.QUESTION,
      CommandOption.Written.IN_WORDS, "Which question, where several are open (like Q3)", false, List.of());


  private static final CommandCatalog STANDARD = new CommandCatalog(StandardCommands.DEFINITIONS);

  private final List<CommandDefinition> definitions;

  private CommandCatalog(List<CommandDefinition> definitions) {
    var keywords = definitions.stream().map(CommandDefinition::keyword).toList();
    if (keywords.stream().distinct().count() != keywords.size()) {
      throw new IllegalArgumentException("two commands share a keyword: " + keywords);
    }
    this.definitions = List.copyOf(definitions);
  }

  /** Chorus's commands. */
  public static CommandCatalog standard() {
    return STANDARD;
  }

  /** These commands and one more, listed after them. */
  public CommandCatalog with(CommandDefinition extra) {
    var more = new ArrayList<>(definitions);
    more.add(extra);
    return new CommandCatalog(more);
  }

  public List<CommandDefinition> definitions() {
    return definitions;
  }

  public List<String> keywords() {
    return definitions.stream().map(CommandDefinition::keyword).toList();
  }

  /** The command a keyword names, in any case. */
  public Optional<CommandDefinition> find(String keyword) {
    var lower = keyword.toLowerCase(Locale.ROOT);
    return definitions.stream().filter(definition -> definition.keyword().equals(lower)).findFirst();
  }

  /** A view, or any words right after the slash command: {@code /respond <your view>}. */
  public static String bare(Object... words) {
    return SLASH_COMMAND + joined(words);
  }

  /** {@code /respond #Q3}: the start of any command on one question. */
  public static String naming(QuestionId question) {
    return SLASH_COMMAND + " #" + question;
  }

  /** A view on one question, or any words right after its id: {@code /respond #Q3 <your view>}. */
  public static String on(QuestionId question, Object... words) {
    return naming(question) + joined(words);
  }

  /** The words, each after a space. */
  static String joined(Object... words) {
    var joined = new StringBuilder();
    for (var word : words) {
      joined.append(' ').append(word);
    }
    return joined.toString();
  }

  /** Every line of {@code /respond help}. */
  public List<String> helpLines() {
    return Stream.concat(definitions.stream().flatMap(definition -> definition.helpLines().stream()),
        Stream.of("With several open questions in a channel, name one first: "
            + StandardCommands.STATUS.on(new QuestionId(3)))).toList();
  }
}
