package dev.chorus.core.command;

import dev.chorus.core.question.QuestionId;
import dev.chorus.core.community.MemberText;
import dev.chorus.core.message.Text;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses what follows {@code /respond}. A leading keyword is always a subcommand; any other text is
 * a view. {@code #Q3} right after {@code /respond} names the question. What each subcommand takes is
 * its {@link CommandDefinition}'s.
 */
public final class CommandParser {

  /** The subcommands, in the order help lists them. */
  public static final List<String> KEYWORDS = CommandCatalog.standard().keywords();

  // "--name", also the dashes that phones and word processors turn "--" into.
  private static final Pattern OPTION = Pattern.compile("(?:^|\\s)(?:--|—|–)([\\p{L}-]+)(?=\\s|$)");
  private static final Pattern QUESTION_REF = Pattern.compile("#(\\S*)");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,4})w)?(?:(\\d{1,4})d)?(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?");

  private final CommandCatalog catalog;

  public CommandParser() {
    this(CommandCatalog.standard());
  }

  public CommandParser(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  public ParseResult parse(String line) {
    var text = line.strip();
    if (text.startsWith(CommandCatalog.SLASH_COMMAND)) {
      var rest = text.substring(CommandCatalog.SLASH_COMMAND.length());
      if (rest.isEmpty() || Character.isWhitespace(rest.charAt(0))) {
        text = rest.strip();
      }
    }
    QuestionId question = null;
    var ref = QUESTION_REF.matcher(text);
    if (ref.lookingAt()) {
      var named = QuestionId.parse(ref.group(1));
      if (named.isEmpty()) {
        return invalid(
            echo("#" + ref.group(1), NOT_A_QUESTION_ID),
            CommandCatalog.on(new QuestionId(3), "<command>") + ", or " + StandardCommands.LIST.invocation()
                + " to see the questions here");
      }
      question = named.get();
      text = text.substring(ref.end()).strip();
    }
    return naming(question, parseCommand(text));
  }

  private static final String NOT_A_QUESTION_ID = "is not a question id; question ids look like Q3.";

  /** The command, about the question named before it (null when none was). */
  private static ParseResult naming(@Nullable QuestionId question, ParseResult result) {
    return result instanceof ParseResult.Parsed parsed
        ? new ParseResult.Parsed(new ParsedCommand(question, parsed.command().command())) : result;
  }

  /**
   * A subcommand with typed options (Discord), read as the same commands as typed text: each value is
   * taken literally, so a title holding "--deadline 1h" is a title, and a question option holding
   * anything but a question id is refused rather than read as words.
   *
   * @param options each given option's value by name; flags are "true"
   */
  public ParseResult parseChosen(String subcommand, Map<String, String> options) {
    QuestionId question = null;
    var named = options.getOrDefault(CommandCatalog.QUESTION.name(), "").strip();
    if (!named.isEmpty()) {
      var id = QuestionId.parse(named.startsWith("#") ? named.substring(1) : named);
      if (id.isEmpty()) {
        return invalid(echo(named, NOT_A_QUESTION_ID),
            "pick one of the suggestions, or " + StandardCommands.LIST.invocation() + " to see the questions here");
      }
      question = id.get();
    }
    var definition = catalog.find(subcommand);
    return naming(question, definition.isEmpty() ? parsed(new Command.Help())
        : definition.get().typed().read(options, definition.get()));
  }

  private ParseResult parseCommand(String text) {
    if (text.isEmpty()) {
      return parsed(new Command.OpenForm());
    }
    var firstEnd = firstWordEnd(text);
    var definition = catalog.find(text.substring(0, firstEnd));
    if (definition.isEmpty()) {
      if (OPTION.matcher(text).lookingAt()) {
        return invalid(
            "A command starts with a word, not an option.",
            StandardCommands.OPEN.with("<title>", "--" + StandardCommands.DEADLINE, "3d") + ", or "
                + StandardCommands.HELP.invocation() + " for every command");
      }
      return parsed(new Command.ShareView(text));
    }
    return definition.get().text().read(text.substring(firstEnd).strip(), definition.get());
  }

  /** Reads a deadline as written: 3d, 12h, 1w2d, 90m, 2026-12-31, 2026-12-31 17:00 (or with a T). */
  public static Optional<DeadlineSpec> parseDeadline(String written, boolean noneAllowed) {
    var text = written.strip();
    var lower = text.toLowerCase(Locale.ROOT);
    if (noneAllowed && (lower.equals("none") || lower.equals("off"))) {
      return Optional.of(new DeadlineSpec.None(text));
    }
    var duration = DURATION.matcher(lower);
    if (!lower.isEmpty() && duration.matches()) {
      var total = Duration.ofDays(7L * number(duration, 1))
          .plusDays(number(duration, 2))
          .plusHours(number(duration, 3))
          .plusMinutes(number(duration, 4));
      return total.isZero() ? Optional.empty() : Optional.of(new DeadlineSpec.After(total, text));
    }
    try {
      if (text.length() == 10) {
        return Optional.of(new DeadlineSpec.OnDay(LocalDate.parse(text), text));
      }
      if (text.length() == 16) {
        return Optional.of(new DeadlineSpec.At(LocalDateTime.parse(text.replace(' ', 'T')), text));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static long number(Matcher matcher, int group) {
    var value = matcher.group(group);
    return value == null ? 0 : Long.parseLong(value);
  }

  static ParseResult badDeadline(String written, String usage) {
    return invalid(echo(written, "is not a deadline. Write a duration (3d, 12h, 1w) or a date "
        + "(2026-12-31, or 2026-12-31 17:00)."), usage);
  }

  /** Splits "leading text --a value --b value --flag" into the leading text and the options. */
  static Options splitOptions(String args, List<CommandOption> allowed) {
    var matcher = OPTION.matcher(args);
    var values = new LinkedHashMap<String, String>();
    String leading = null;
    CommandOption current = null;
    int valueStart = 0;
    while (matcher.find()) {
      var name = matcher.group(1).toLowerCase(Locale.ROOT);
      var before = args.substring(valueStart, matcher.start()).strip();
      if (current == null) {
        leading = before;
      } else {
        var problem = store(values, current, before);
        if (problem != null) {
          return new Options.Bad(Text.of(problem));
        }
      }
      var option = allowed.stream().filter(o -> o.name().equals(name)).findFirst();
      if (option.isEmpty()) {
        return new Options.Bad(Text.builder().plain("--").quoted(shorten(name)).plain(" is not an option here; the options are "
            + String.join(", ", allowed.stream().map(o -> "--" + o.name()).sorted().toList()) + ".").build());
      }
      if (values.containsKey(name)) {
        return new Options.Bad(Text.of("--" + name + " is given twice."));
      }
      current = option.get();
      valueStart = matcher.end();
    }
    var rest = args.substring(valueStart).strip();
    if (current == null) {
      return new Options.Good(rest, Map.of());
    }
    var problem = store(values, current, rest);
    if (problem != null) {
      return new Options.Bad(Text.of(problem));
    }
    return new Options.Good(leading == null ? "" : leading, values);
  }

  private static @Nullable String store(Map<String, String> values, CommandOption option, String value) {
    var name = option.name();
    if (option.flag()) {
      if (!value.isEmpty()) {
        return "--" + name + " takes no value; put the title before the options.";
      }
    } else if (value.isEmpty()) {
      return "--" + name + " needs a value.";
    }
    values.put(name, value);
    return null;
  }

  sealed interface Options {
    record Good(String leading, Map<String, String> values) implements Options {}

    record Bad(Text reason) implements Options {}
  }

  static int firstWordEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  static ParseResult parsed(Command command) {
    return new ParseResult.Parsed(new ParsedCommand(null, command));
  }

  static ParseResult invalid(String reason, String hint) {
    return new ParseResult.Invalid(Text.of(reason), hint);
  }

  static ParseResult invalid(Text reason, String hint) {
    return new ParseResult.Invalid(reason, hint);
  }

  /** A reason that repeats (a bit of) what the member typed, quoted so it is escaped when shown. */
  static Text echo(String typed, String rest) {
    return Text.builder().plain("\"").quoted(shorten(typed)).plain("\" " + rest).build();
  }

  /** Repeats a bit of what the member typed in a reply, never all of a huge line. */
  static String shorten(String typed) {
    var clean = MemberText.clean(typed).replace('\n', ' ');
    return MemberText.length(clean) <= 40 ? clean : clean.substring(0, clean.offsetByCodePoints(0, 39)) + "…";
  }
}
