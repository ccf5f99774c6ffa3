package dev.chorus.core.command;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.community.MemberText;
import dev.chorus.core.message.Text;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses what follows {@code /respond}. A leading keyword is always a subcommand; any other text is
 * a view. {@code #Q3} right after {@code /respond} names the question.
 */
public final class CommandParser {

  /** The subcommands, in the order help lists them. */
  public static final List<String> KEYWORDS = List.of(
      "view", "open", "draft", "amend", "vote", "reason", "status", "list", "edit", "hide", "close", "reopen",
      "export", "digest", "remind", "forget", "help");

  private static final Set<String> OPEN_OPTIONS = Set.of("context", "for", "deadline", "anonymous");
  private static final Set<String> EDIT_OPTIONS = Set.of("title", "context", "for", "deadline");
  private static final Set<String> FLAGS = Set.of("anonymous");

  // "--name", also the dashes that phones and word processors turn "--" into.
  private static final Pattern OPTION = Pattern.compile("(?:^|\\s)(?:--|—|–)([\\p{L}-]+)(?=\\s|$)");
  private static final Pattern QUESTION_REF = Pattern.compile("#(\\S*)");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,4})w)?(?:(\\d{1,4})d)?(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?");

  public ParseResult parse(String line) {
    var text = line.strip();
    if (text.startsWith("/respond")) {
      var rest = text.substring("/respond".length());
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
            echo("#" + ref.group(1), "is not a question id; question ids look like Q3."),
            "/respond #Q3 <command>, or /respond list to see the questions here");
      }
      question = named.get();
      text = text.substring(ref.end()).strip();
    }
    return naming(question, parseCommand(text));
  }

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
    var named = options.getOrDefault("question", "").strip();
    if (!named.isEmpty()) {
      var id = QuestionId.parse(named.startsWith("#") ? named.substring(1) : named);
      if (id.isEmpty()) {
        return invalid(echo(named, "is not a question id; question ids look like Q3."),
            "pick one of the suggestions, or /respond list to see the questions here");
      }
      question = id.get();
    }
    return naming(question, chosen(subcommand, options));
  }

  private ParseResult chosen(String subcommand, Map<String, String> options) {
    var text = value(options, "text");
    return switch (subcommand) {
      case "view" -> text.isEmpty() ? parsed(new Command.OpenForm()) : parsed(new Command.ShareView(text));
      case "open" -> chosenOpen(options);
      case "draft" -> parsed(new Command.PostDraft(text));
      case "amend" -> text.isEmpty()
          ? invalid("An amendment needs the change you propose.", "/respond amend <your proposed change>")
          : parsed(new Command.Amend(text));
      case "reason" -> text.isEmpty()
          ? invalid("Say why you block the draft.", "/respond reason <why you block it>")
          : parsed(new Command.GiveReason(text));
      case "edit" -> chosenEdit(options);
      case "hide" -> {
        var statement = StatementId.parse(value(options, "item"));
        var reason = value(options, "reason");
        if (statement.isEmpty()) {
          yield invalid("Name the view or amendment to hide (V3) and the reason.", "/respond hide V3 <reason>");
        }
        yield reason.isEmpty()
            ? invalid("Hiding needs a reason; members see it in place of the text.", "/respond hide V3 <reason>")
            : parsed(new Command.Hide(statement.get(), reason));
      }
      case "list" -> parsed(new Command.ListQuestions(flag(options, "all")));
      case "forget" -> parsed(flag(options, "everywhere") ? new Command.ForgetMe() : new Command.Forget());
      // The rest take single words from fixed choices or short fields: the typed grammar reads them.
      case "vote" -> parseVote((value(options, "item") + " " + value(options, "choice")).strip());
      case "close" -> parseClose(value(options, "draft"));
      case "export" -> parseExport(value(options, "format"));
      case "remind" -> parseRemind(value(options, "reminders"));
      case "digest" -> parseDigest(flag(options, "me") ? ("me " + value(options, "cadence")).strip()
          : String.join(" ", value(options, "cadence"), value(options, "weekday"), value(options, "time"),
              value(options, "zone")).strip());
      case "status" -> parsed(new Command.Status());
      case "reopen" -> parsed(new Command.Reopen());
      default -> parsed(new Command.Help());
    };
  }

  private ParseResult chosenOpen(Map<String, String> options) {
    var title = value(options, "title");
    if (title.isEmpty()) {
      // A form asks for the title; options given without one would be lost in it.
      return options.keySet().stream().allMatch(name -> name.equals("question"))
          ? parsed(new Command.OpenQuestionForm())
          : invalid("A question needs a title.", "/respond open title: <the question> (or /respond open alone for a form)");
    }
    DeadlineSpec deadline = null;
    var writtenDeadline = value(options, "deadline");
    if (!writtenDeadline.isEmpty()) {
      var spec = parseDeadline(writtenDeadline, false);
      if (spec.isEmpty()) {
        return badDeadline(writtenDeadline, "/respond open deadline: 7d");
      }
      deadline = spec.get();
    }
    return parsed(new Command.Open(title, value(options, "context"), value(options, "for"), deadline,
        flag(options, "anonymous")));
  }

  private ParseResult chosenEdit(Map<String, String> options) {
    var usage = "/respond edit with at least one of title:, context:, for:, deadline: (3d, a date, or none)";
    Optional<DeadlineSpec> deadline = Optional.empty();
    var writtenDeadline = value(options, "deadline");
    if (!writtenDeadline.isEmpty()) {
      var spec = parseDeadline(writtenDeadline, true);
      if (spec.isEmpty()) {
        return badDeadline(writtenDeadline, "/respond edit deadline: 7d");
      }
      deadline = spec;
    }
    var title = Optional.of(value(options, "title")).filter(v -> !v.isEmpty());
    var context = Optional.of(value(options, "context")).filter(v -> !v.isEmpty());
    var forBody = Optional.of(value(options, "for")).filter(v -> !v.isEmpty());
    if (title.isEmpty() && context.isEmpty() && forBody.isEmpty() && writtenDeadline.isEmpty()) {
      return invalid("Nothing to change was given.", usage);
    }
    return parsed(new Command.Edit(title, context, forBody, deadline));
  }

  private static String value(Map<String, String> options, String name) {
    return options.getOrDefault(name, "").strip();
  }

  private static boolean flag(Map<String, String> options, String name) {
    return Boolean.parseBoolean(options.getOrDefault(name, "false").strip());
  }

  private ParseResult parseCommand(String text) {
    if (text.isEmpty()) {
      return parsed(new Command.OpenForm());
    }
    var firstEnd = firstWordEnd(text);
    var keyword = text.substring(0, firstEnd).toLowerCase(Locale.ROOT);
    var args = text.substring(firstEnd).strip();
    if (!KEYWORDS.contains(keyword)) {
      if (OPTION.matcher(text).lookingAt()) {
        return invalid(
            "A command starts with a word, not an option.",
            "/respond open <title> --deadline 3d, or /respond help for every command");
      }
      return parsed(new Command.ShareView(text));
    }
    return switch (keyword) {
      case "view" -> args.isEmpty() ? parsed(new Command.OpenForm()) : parsed(new Command.ShareView(args));
      case "open" -> args.isEmpty() ? parsed(new Command.OpenQuestionForm()) : parseOpen(args);
      case "draft" -> parsed(new Command.PostDraft(args));
      case "amend" -> args.isEmpty()
          ? invalid("An amendment needs the change you propose.", "/respond amend <your proposed change>")
          : parsed(new Command.Amend(args));
      case "vote" -> parseVote(args);
      case "reason" -> args.isEmpty()
          ? invalid("Say why you block the draft.", "/respond reason <why you block it>")
          : parsed(new Command.GiveReason(args));
      case "status" -> noArguments(args, new Command.Status(), "/respond status");
      case "list" -> parseList(args);
      case "edit" -> parseEdit(args);
      case "hide" -> parseHide(args);
      case "close" -> parseClose(args);
      case "reopen" -> noArguments(args, new Command.Reopen(), "/respond reopen");
      case "export" -> parseExport(args);
      case "digest" -> parseDigest(args);
      case "remind" -> parseRemind(args);
      case "forget" -> parseForget(args);
      default -> parsed(new Command.Help());
    };
  }

  private ParseResult parseOpen(String args) {
    var options = splitOptions(args, OPEN_OPTIONS);
    if (options instanceof Options.Bad bad) {
      return new ParseResult.Invalid(bad.reason(), "/respond open <title> [--context <text>] [--for <outside body>] "
          + "[--deadline <3d or 2026-12-31>] [--anonymous]");
    }
    var good = (Options.Good) options;
    if (good.leading().isEmpty()) {
      return invalid("A question needs a title.", "/respond open <title> --deadline 7d");
    }
    DeadlineSpec deadline = null;
    var writtenDeadline = good.values().get("deadline");
    if (writtenDeadline != null) {
      var spec = parseDeadline(writtenDeadline, false);
      if (spec.isEmpty()) {
        return badDeadline(writtenDeadline, "/respond open <title> --deadline 7d");
      }
      deadline = spec.get();
    }
    return parsed(new Command.Open(
        good.leading(),
        good.values().getOrDefault("context", ""),
        good.values().getOrDefault("for", ""),
        deadline,
        good.values().containsKey("anonymous")));
  }

  private ParseResult parseEdit(String args) {
    var options = splitOptions(args, EDIT_OPTIONS);
    var usage = "/respond edit [--title <t>] [--context <t>] [--for <t>] [--deadline <3d, a date, or none>]";
    if (options instanceof Options.Bad bad) {
      return new ParseResult.Invalid(bad.reason(), usage);
    }
    var good = (Options.Good) options;
    if (!good.leading().isEmpty()) {
      return invalid("Say which part to change with an option before the new text.", usage);
    }
    if (good.values().isEmpty()) {
      return invalid("Nothing to change was given.", usage);
    }
    Optional<DeadlineSpec> deadline = Optional.empty();
    var writtenDeadline = good.values().get("deadline");
    if (writtenDeadline != null) {
      var spec = parseDeadline(writtenDeadline, true);
      if (spec.isEmpty()) {
        return badDeadline(writtenDeadline, "/respond edit --deadline 7d");
      }
      deadline = spec;
    }
    return parsed(new Command.Edit(
        Optional.ofNullable(good.values().get("title")),
        Optional.ofNullable(good.values().get("context")),
        Optional.ofNullable(good.values().get("for")),
        deadline));
  }

  private ParseResult parseVote(String args) {
    var usage = "/respond vote V3 agree (views: agree, disagree, pass) or /respond vote v2 agree "
        + "(drafts: agree, abstain, disagree, block)";
    var words = args.split("\\s+");
    if (args.isEmpty() || words.length != 2) {
      return invalid("A vote needs an item and a choice.", usage);
    }
    var statement = StatementId.parse(words[0]);
    if (statement.isPresent()) {
      var choice = StatementChoice.parse(words[1]);
      if (choice.isEmpty()) {
        return invalid(echo(words[1], "is not a choice for a view or amendment: use agree, "
            + "disagree or pass."), "/respond vote " + statement.get() + " agree");
      }
      return parsed(new Command.VoteOnStatement(statement.get(), choice.get()));
    }
    var draft = DraftVersion.parse(words[0]);
    if (draft.isPresent()) {
      var choice = DraftChoice.parse(words[1]);
      if (choice.isEmpty()) {
        return invalid(echo(words[1], "is not a choice for a draft: use agree, abstain, "
            + "disagree or block."), "/respond vote " + draft.get() + " agree");
      }
      return parsed(new Command.VoteOnDraft(draft.get(), choice.get()));
    }
    return invalid(echo(words[0], "is not an item: views and amendments are V1, V2 … "
        + "(capital V), drafts are v1, v2 … (small v)."), usage);
  }

  private ParseResult parseList(String args) {
    if (args.isEmpty()) {
      return parsed(new Command.ListQuestions(false));
    }
    if (args.equalsIgnoreCase("all")) {
      return parsed(new Command.ListQuestions(true));
    }
    return invalid("list takes nothing or \"all\".", "/respond list, or /respond list all for the whole community");
  }

  private ParseResult parseHide(String args) {
    var usage = "/respond hide V3 <reason>";
    var end = firstWordEnd(args);
    var item = args.substring(0, end);
    var reason = args.substring(end).strip();
    var statement = StatementId.parse(item);
    if (args.isEmpty() || statement.isEmpty()) {
      return invalid("Name the view or amendment to hide (V3) and the reason.", usage);
    }
    if (reason.isEmpty()) {
      return invalid("Hiding needs a reason; members see it in place of the text.", usage);
    }
    return parsed(new Command.Hide(statement.get(), reason));
  }

  private ParseResult parseClose(String args) {
    if (args.isEmpty()) {
      return parsed(new Command.Close(null));
    }
    var draft = DraftVersion.parse(args);
    if (draft.isEmpty()) {
      return invalid(echo(args, "is not a draft version; drafts are v1, v2 …"),
          "/respond close, or /respond close v2 to publish a draft other than the latest");
    }
    return parsed(new Command.Close(draft.get()));
  }

  private ParseResult parseExport(String args) {
    if (args.isEmpty()) {
      return parsed(new Command.Export(ExportFormat.MARKDOWN));
    }
    var format = ExportFormat.parse(args);
    if (format.isEmpty()) {
      return invalid(echo(args, "is not an export format."), "/respond export markdown, json or csv");
    }
    return parsed(new Command.Export(format.get()));
  }

  private ParseResult parseDigest(String args) {
    var usage = "/respond digest daily 09:00 Europe/Berlin, /respond digest weekly monday 09:00, "
        + "/respond digest off, or /respond digest me daily";
    var words = args.isEmpty() ? new String[0] : args.split("\\s+");
    if (words.length == 0) {
      return invalid("Say how often the digest comes.", usage);
    }
    if (words[0].equalsIgnoreCase("me")) {
      if (words.length != 2) {
        return invalid("Say how often your personal digest comes.", "/respond digest me daily, weekly or off");
      }
      var cadence = cadence(words[1]);
      return cadence == null
          ? invalid(echo(words[1], "is not daily, weekly or off."), "/respond digest me daily")
          : parsed(new Command.PersonalDigest(cadence));
    }
    var cadence = cadence(words[0]);
    if (cadence == null) {
      return invalid(echo(words[0], "is not daily, weekly or off."), usage);
    }
    if (cadence == Command.Cadence.OFF) {
      return words.length == 1 ? parsed(new Command.ChannelDigest(cadence, null, null, null))
          : invalid("digest off takes nothing more.", "/respond digest off");
    }
    DayOfWeek weekday = null;
    LocalTime at = null;
    ZoneId zone = null;
    for (int i = 1; i < words.length; i++) {
      var word = words[i];
      var day = weekday(word);
      if (day != null && cadence == Command.Cadence.WEEKLY && weekday == null) {
        weekday = day;
      } else if (word.matches("\\d{1,2}:\\d{2}") && at == null) {
        try {
          at = LocalTime.parse(word.length() == 4 ? "0" + word : word);
        } catch (DateTimeParseException e) {
          return invalid(echo(word, "is not a time of day."), usage);
        }
      } else if (zone == null && word.length() <= 64) {
        try {
          zone = ZoneId.of(word);
        } catch (DateTimeException e) {
          return invalid(echo(word, "is not a weekday, a time (HH:MM) or a time zone "
              + "(like Europe/Berlin)."), usage);
        }
      } else {
        return invalid(echo(word, "is not understood here."), usage);
      }
    }
    return parsed(new Command.ChannelDigest(cadence, weekday, at, zone));
  }

  private ParseResult parseRemind(String args) {
    if (args.equalsIgnoreCase("on")) {
      return parsed(new Command.Remind(true));
    }
    if (args.equalsIgnoreCase("off")) {
      return parsed(new Command.Remind(false));
    }
    return invalid("remind takes on or off.", "/respond remind off, or /respond remind on");
  }

  private ParseResult parseForget(String args) {
    if (args.isEmpty()) {
      return parsed(new Command.Forget());
    }
    if (args.equalsIgnoreCase("me")) {
      return parsed(new Command.ForgetMe());
    }
    return invalid("forget takes nothing (this question) or \"me\" (every question).",
        "/respond forget, or /respond forget me");
  }

  private static ParseResult noArguments(String args, Command command, String usage) {
    return args.isEmpty() ? parsed(command)
        : invalid(command.keyword() + " takes nothing after it.", usage + ", or /respond view " + command.keyword()
            + " … for a view that starts with that word");
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

  private static ParseResult badDeadline(String written, String usage) {
    return invalid(echo(written, "is not a deadline. Write a duration (3d, 12h, 1w) or a date "
        + "(2026-12-31, or 2026-12-31 17:00)."), usage);
  }

  private static Command.@Nullable Cadence cadence(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "daily" -> Command.Cadence.DAILY;
      case "weekly" -> Command.Cadence.WEEKLY;
      case "off" -> Command.Cadence.OFF;
      default -> null;
    };
  }

  private static @Nullable DayOfWeek weekday(String word) {
    var lower = word.toLowerCase(Locale.ROOT);
    for (var day : DayOfWeek.values()) {
      var name = day.name().toLowerCase(Locale.ROOT);
      if (name.equals(lower) || (lower.length() >= 3 && name.startsWith(lower))) {
        return day;
      }
    }
    return null;
  }

  /** Splits "leading text --a value --b value --flag" into the leading text and the options. */
  private static Options splitOptions(String args, Set<String> allowed) {
    var matcher = OPTION.matcher(args);
    var values = new LinkedHashMap<String, String>();
    String leading = null;
    String current = null;
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
      if (!allowed.contains(name)) {
        return new Options.Bad(Text.builder().plain("--").quoted(shorten(name)).plain(" is not an option here; the options are "
            + String.join(", ", allowed.stream().sorted().map(o -> "--" + o).toList()) + ".").build());
      }
      if (values.containsKey(name)) {
        return new Options.Bad(Text.of("--" + name + " is given twice."));
      }
      current = name;
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

  private static @Nullable String store(Map<String, String> values, String name, String value) {
    if (FLAGS.contains(name)) {
      if (!value.isEmpty()) {
        return "--" + name + " takes no value; put the title before the options.";
      }
    } else if (value.isEmpty()) {
      return "--" + name + " needs a value.";
    }
    values.put(name, value);
    return null;
  }

  private sealed interface Options {
    record Good(String leading, Map<String, String> values) implements Options {}

    record Bad(Text reason) implements Options {}
  }

  private static int firstWordEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }

  private static ParseResult parsed(Command command) {
    return new ParseResult.Parsed(new ParsedCommand(null, command));
  }

  private static ParseResult invalid(String reason, String hint) {
    return new ParseResult.Invalid(Text.of(reason), hint);
  }

  private static ParseResult invalid(Text reason, String hint) {
    return new ParseResult.Invalid(reason, hint);
  }

  /** A reason that repeats (a bit of) what the member typed, quoted so it is escaped when shown. */
  private static Text echo(String typed, String rest) {
    return Text.builder().plain("\"").quoted(shorten(typed)).plain("\" " + rest).build();
  }

  /** Repeats a bit of what the member typed in a reply, never all of a huge line. */
  static String shorten(String typed) {
    var clean = MemberText.clean(typed).replace('\n', ' ');
    return MemberText.length(clean) <= 40 ? clean : clean.substring(0, clean.offsetByCodePoints(0, 39)) + "…";
  }
}
