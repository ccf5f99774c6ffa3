package dev.chorus.core.command;

import static dev.chorus.core.command.CommandOption.choice;
import static dev.chorus.core.command.CommandOption.flag;
import static dev.chorus.core.command.CommandOption.named;
import static dev.chorus.core.command.CommandOption.words;
import static dev.chorus.core.command.CommandParser.badDeadline;
import static dev.chorus.core.command.CommandParser.echo;
import static dev.chorus.core.command.CommandParser.firstWordEnd;
import static dev.chorus.core.command.CommandParser.invalid;
import static dev.chorus.core.command.CommandParser.parseDeadline;
import static dev.chorus.core.command.CommandParser.parsed;
import static dev.chorus.core.command.CommandParser.splitOptions;

import dev.chorus.core.command.CommandDefinition.Audience;
import dev.chorus.core.command.CommandDefinition.HelpLine;
import dev.chorus.core.command.CommandOption.Choice;
import dev.chorus.core.command.CommandOption.Written;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Chorus's {@code /respond} commands, each defined once: see {@link CommandDefinition}. */
public final class StandardCommands {
  private StandardCommands() {}

  // Option names other code reads: the open-a-question form asks for the same fields as the command.
  public static final String TEXT = "text";
  public static final String TITLE = "title";
  public static final String CONTEXT = "context";
  public static final String FOR = "for";
  public static final String DEADLINE = "deadline";
  public static final String ANONYMOUS = "anonymous";
  public static final String EVERYWHERE = "everywhere";
  // Words other code writes after a keyword: hints name these commands through them.
  /** After {@code list}: the whole community's questions. */
  public static final String ALL = "all";
  /** Which page of a long list. */
  public static final String PAGE = "page";
  /** After {@code digest} and {@code forget}: the member's own, rather than this question's or channel's. */
  public static final String ME = "me";
  /** After {@code remind}. */
  public static final String ON = "on";
  /** After {@code remind}; {@link Command.Cadence#OFF} is the same word after {@code digest}. */
  public static final String OFF = "off";
  private static final String ITEM = "item";
  private static final String CHOICE = "choice";
  private static final String REASON = "reason";
  private static final String DRAFT = "draft";
  private static final String FORMAT = "format";
  private static final String CADENCE = "cadence";
  private static final String WEEKDAY = "weekday";
  private static final String TIME = "time";
  private static final String ZONE = "zone";
  private static final String REMINDERS = "reminders";
  private static final String SHARING = "sharing";

  public static final CommandDefinition VIEW = new CommandDefinition("view",
      "Share or replace your view (without text: a form with your current view)", Audience.MEMBERS, true,
      List.of(words(TEXT, "Your view", false)),
      List.of(HelpLine.bare("", "a form for your view (or to open a question when none is open)", ""),
          HelpLine.bare("<your view>", "share or replace your view", "We need a transition period"),
          HelpLine.of("<text>", "the same, for a view that starts with a command word")),
      (args, self) -> args.isEmpty() ? parsed(new Command.OpenForm()) : parsed(new Command.ShareView(args)),
      StandardCommands::textOption);


  public static final CommandDefinition OPEN = new CommandDefinition("open", "Open a question (without a title: a form)",
      Audience.MEMBERS, false,
      List.of(words(TITLE, "The question's title", false),
          named(CONTEXT, "Background members should know"),
          named(FOR, "The outside body the response is for"),
          named(DEADLINE, "When it closes: a duration like 3d, or a date like 2026-12-31"),
          flag(ANONYMOUS, Written.AS_OPTION, "Hide who wrote each view and how each member voted")),
      List.of(HelpLine.of("<title> [--context <text>] [--for <outside body>] [--deadline 7d] [--anonymous]",
          "open a question", "New data policy --for the Ministry --deadline 2026-12-20")),
      StandardCommands::openFromText, StandardCommands::openFromOptions);

  public static final CommandDefinition DRAFT_COMMAND = new CommandDefinition("draft",
      "Post a new draft: by analysis, or your own text", Audience.FACILITATORS, true,
      List.of(words(TEXT, "The draft's text", false)),
      List.of(HelpLine.of("", "Chorus writes a draft from the views and votes, in the members' own words"),
          HelpLine.of("<text>", "post a draft of the joint response written by hand")),
      (args, self) -> parsed(new Command.PostDraft(args)), StandardCommands::textOption);

  public static final CommandDefinition AMEND = new CommandDefinition("amend", "Propose an amendment to the latest draft",
      Audience.MEMBERS, true,
      List.of(words(TEXT, "Your proposed change", true)),
      List.of(HelpLine.of("<text>", "propose a change to the latest draft")),
      (args, self) -> args.isEmpty()
          ? invalid("An amendment needs the change you propose.", self.with("<your proposed change>"))
          : parsed(new Command.Amend(args)),
      StandardCommands::textOption);

  public static final CommandDefinition VOTE = new CommandDefinition("vote", "Vote without reactions",
      Audience.MEMBERS, true,
      List.of(words(ITEM, "A view (V3) or a draft (v2)", true),
          choice(CHOICE, "Your choice", true, List.of(Choice.of("agree"), Choice.of("disagree"),
              new Choice("pass (views)", "pass"), new Choice("abstain (drafts)", "abstain"),
              new Choice("block (drafts)", "block")))),
      List.of(HelpLine.of("V3 agree|disagree|pass", "vote on a view or amendment (same as 👍 👎 🤷)"),
          HelpLine.of("v2 agree|abstain|disagree|block", "vote on a draft (same as ✅ 🤷 ❌ ✋)")),
      (args, self) -> vote(args),
      (options, self) -> vote((value(options, ITEM) + " " + value(options, CHOICE)).strip()));

  public static final CommandDefinition REASON_COMMAND = new CommandDefinition("reason",
      "Say why you block the latest draft", Audience.MEMBERS, true,
      List.of(words(TEXT, "Why you block it", true)),
      List.of(HelpLine.of("<text>", "why you block the latest draft")),
      (args, self) -> args.isEmpty()
          ? invalid("Say why you block the draft.", self.with("<why you block it>"))
          : parsed(new Command.GiveReason(args)),
      StandardCommands::textOption);

  public static final CommandDefinition STATUS = new CommandDefinition("status",
      "A private summary: participation, groups, the latest draft, your votes", Audience.MEMBERS, true, List.of(),
      List.of(HelpLine.of("", "where the question stands, and your own view and votes")),
      (args, self) -> noArguments(args, self, new Command.Status()),
      (options, self) -> parsed(new Command.Status()));

  public static final CommandDefinition LIST = new CommandDefinition("list", "The questions of this channel",
      Audience.MEMBERS, false,
      List.of(flag(ALL, Written.IN_WORDS, "The whole server's questions"), named(PAGE, "Which page of a long list: 2, 3…")),
      List.of(HelpLine.of("[all] [--page 2]", "the questions of this channel (or of the whole community)")),
      StandardCommands::list, (options, self) -> listPage(isOn(options, ALL), value(options, PAGE), self));

  public static final CommandDefinition EDIT = new CommandDefinition("edit", "Change the question",
      Audience.FACILITATORS, true,
      List.of(named(TITLE, "A new title"), named(CONTEXT, "New context"), named(FOR, "A new outside body"),
          named(DEADLINE, "A new deadline: 3d, a date, or none")),
      List.of(HelpLine.of("--title <t> | --context <t> | --for <t> | --deadline <d or none>",
          "change the question")),
      StandardCommands::editFromText, StandardCommands::editFromOptions);

  public static final CommandDefinition HIDE = new CommandDefinition("hide", "Hide an abusive view or amendment",
      Audience.FACILITATORS, true,
      List.of(words(ITEM, "The view or amendment, like V3", true), words(REASON, "Why: members see it in its place", true)),
      List.of(HelpLine.of("V3 <reason>", "hide an abusive view or amendment")),
      (args, self) -> {
        var end = firstWordEnd(args);
        return hide(args.substring(0, end), args.substring(end).strip(), self);
      },
      (options, self) -> hide(value(options, ITEM), value(options, REASON), self));

  public static final CommandDefinition CLOSE = new CommandDefinition("close", "Publish the outcome and close the question",
      Audience.FACILITATORS, true,
      List.of(words(DRAFT, "The draft to publish, like v2 (the latest if left out)", false)),
      List.of(HelpLine.of("[v2]", "publish the outcome on the latest (or named) draft")),
      (args, self) -> close(args), (options, self) -> close(value(options, DRAFT)));

  public static final CommandDefinition REOPEN = new CommandDefinition("reopen", "Reopen a closed question",
      Audience.FACILITATORS, true, List.of(),
      List.of(HelpLine.of("", "reopen a closed question")),
      (args, self) -> noArguments(args, self, new Command.Reopen()),
      (options, self) -> parsed(new Command.Reopen()));

  public static final CommandDefinition EXPORT = new CommandDefinition("export",
      "The question, views, analysis and outcome as a file", Audience.MEMBERS, true,
      List.of(choice(FORMAT, "The file's format", false, Arrays.stream(ExportFormat.values())
          .map(format -> Choice.of(format.word())).toList())),
      List.of(HelpLine.of("[" + String.join("|", ExportFormat.words()) + "]",
          "the whole record as a file: html and pdf are the report, with the opinion map")),
      (args, self) -> export(args), (options, self) -> export(value(options, FORMAT)));

  public static final CommandDefinition SHARE = new CommandDefinition("share",
      "The report as a page anyone with the link can read (no names)", Audience.FACILITATORS, true,
      List.of(choice(SHARING, "On: a new link; off: the link stops working", true,
          List.of(Choice.of(ON), Choice.of(OFF)))),
      List.of(HelpLine.of(ON + "|" + OFF, "the report as a page at a link of its own, naming no one; " + OFF
          + " ends the link")),
      StandardCommands::share, (options, self) -> share(value(options, SHARING), self));

  private static final List<Choice> CADENCES = Arrays.stream(Command.Cadence.values())
      .map(cadence -> Choice.of(cadence.word())).toList();

  public static final CommandDefinition DIGEST = new CommandDefinition("digest",
      "The channel's digest (facilitators), or your personal one", Audience.FACILITATORS_FOR_THE_CHANNEL, false,
      List.of(choice(CADENCE, "How often", true, CADENCES),
          flag(ME, Written.IN_WORDS, "Your personal digest, in direct messages"),
          choice(WEEKDAY, "For a weekly digest", false, Arrays.stream(DayOfWeek.values())
              .map(day -> Choice.of(day.name().toLowerCase(Locale.ROOT))).toList()),
          words(TIME, "The local time, like 09:00", false),
          new CommandOption(ZONE, CommandOption.Kind.TIME_ZONE, Written.IN_WORDS, "The time zone, like Europe/Berlin",
              false, List.of())),
      List.of(HelpLine.of("daily|weekly|off [HH:MM] [time zone]", "the channel digest"),
          HelpLine.of("me daily|weekly|off", "your own digest, by direct message")),
      (args, self) -> digest(args),
      (options, self) -> digest(isOn(options, ME) ? (ME + " " + value(options, CADENCE)).strip()
          : String.join(" ", value(options, CADENCE), value(options, WEEKDAY), value(options, TIME),
              value(options, ZONE)).strip()));

  public static final CommandDefinition REMIND = new CommandDefinition("remind", "Reminders before a question's deadline",
      Audience.MEMBERS, false,
      List.of(choice(REMINDERS, "On or off", true, List.of(Choice.of(ON), Choice.of(OFF)))),
      List.of(HelpLine.of("on|off", "reminders before deadlines")),
      StandardCommands::remind, (options, self) -> remind(value(options, REMINDERS), self));

  public static final CommandDefinition FORGET = new CommandDefinition("forget", "Withdraw your view and votes",
      Audience.MEMBERS, true,
      List.of(flag(EVERYWHERE, Written.IN_WORDS, "On every question of this server")),
      List.of(HelpLine.of("", "withdraw your view and votes on this question"),
          HelpLine.of("me", "withdraw your views and votes on every question")),
      StandardCommands::forget,
      (options, self) -> parsed(isOn(options, EVERYWHERE) ? new Command.ForgetMe() : new Command.Forget()));

  public static final CommandDefinition HELP = new CommandDefinition("help", "Every command, with an example",
      Audience.MEMBERS, false, List.of(), List.of(),
      (args, self) -> parsed(new Command.Help()), (options, self) -> parsed(new Command.Help()));

  /** In the order help lists them. */
  static final List<CommandDefinition> DEFINITIONS = List.of(VIEW, OPEN, DRAFT_COMMAND, AMEND, VOTE, REASON_COMMAND, STATUS,
      LIST, EDIT, HIDE, CLOSE, REOPEN, EXPORT, SHARE, DIGEST, REMIND, FORGET, HELP);

  /** A command whose typed option {@code text} reads as the words after its keyword. */
  private static ParseResult textOption(Map<String, String> options, CommandDefinition self) {
    return self.text().read(value(options, TEXT), self);
  }

  private static ParseResult noArguments(String args, CommandDefinition self, Command command) {
    var usage = self.usage();
    return args.isEmpty() ? parsed(command)
        : invalid(self.keyword() + " takes nothing after it.", usage + ", or " + VIEW_USAGE + " " + self.keyword()
            + " … for a view that starts with that word");
  }

  private static final String VIEW_USAGE = VIEW.invocation();
  private static final String NEEDS_A_TITLE = "A question needs a title.";
  private static final String NOTHING_TO_CHANGE = "Nothing to change was given.";

  private static ParseResult openFromText(String args, CommandDefinition self) {
    if (args.isEmpty()) {
      return parsed(new Command.OpenQuestionForm());
    }
    var options = splitOptions(args, self.namedOptions());
    if (options instanceof CommandParser.Options.Bad bad) {
      return new ParseResult.Invalid(bad.reason(), self.usage());
    }
    var good = (CommandParser.Options.Good) options;
    if (good.leading().isEmpty()) {
      return invalid(NEEDS_A_TITLE, openExample());
    }
    DeadlineSpec deadline = null;
    var writtenDeadline = good.values().get(DEADLINE);
    if (writtenDeadline != null) {
      var spec = parseDeadline(writtenDeadline, false);
      if (spec.isEmpty()) {
        return badDeadline(writtenDeadline, openExample());
      }
      deadline = spec.get();
    }
    return parsed(new Command.Open(good.leading(), good.values().getOrDefault(CONTEXT, ""),
        good.values().getOrDefault(FOR, ""), deadline, good.values().containsKey(ANONYMOUS)));
  }

  private static ParseResult openFromOptions(Map<String, String> options, CommandDefinition self) {
    var title = value(options, TITLE);
    if (title.isEmpty()) {
      // A form asks for the title; options given without one would be lost in it.
      return options.keySet().stream().allMatch(name -> name.equals(CommandCatalog.QUESTION.name()))
          ? parsed(new Command.OpenQuestionForm())
          : invalid(NEEDS_A_TITLE, self.with(TITLE + ": <the question> (or " + self.invocation() + " alone for a form)"));
    }
    DeadlineSpec deadline = null;
    var writtenDeadline = value(options, DEADLINE);
    if (!writtenDeadline.isEmpty()) {
      var spec = parseDeadline(writtenDeadline, false);
      if (spec.isEmpty()) {
        return badDeadline(writtenDeadline, self.with(DEADLINE + ": 7d"));
      }
      deadline = spec.get();
    }
    return parsed(new Command.Open(title, value(options, CONTEXT), value(options, FOR), deadline,
        isOn(options, ANONYMOUS)));
  }

  private static ParseResult editFromText(String args, CommandDefinition self) {
    var options = splitOptions(args, self.namedOptions());
    var usage = self.usage();
    if (options instanceof CommandParser.Options.Bad bad) {
      return new ParseResult.Invalid(bad.reason(), usage);
    }
    var good = (CommandParser.Options.Good) options;
    if (!good.leading().isEmpty()) {
      return invalid("Say which part to change with an option before the new text.", usage);
    }
    if (good.values().isEmpty()) {
      return invalid(NOTHING_TO_CHANGE, usage);
    }
    return edit(Optional.ofNullable(good.values().get(TITLE)), Optional.ofNullable(good.values().get(CONTEXT)),
        Optional.ofNullable(good.values().get(FOR)), good.values().get(DEADLINE), editExample());
  }

  private static ParseResult editFromOptions(Map<String, String> options, CommandDefinition self) {
    var title = Optional.of(value(options, TITLE)).filter(v -> !v.isEmpty());
    var context = Optional.of(value(options, CONTEXT)).filter(v -> !v.isEmpty());
    var forBody = Optional.of(value(options, FOR)).filter(v -> !v.isEmpty());
    var writtenDeadline = Optional.of(value(options, DEADLINE)).filter(v -> !v.isEmpty()).orElse(null);
    var result = edit(title, context, forBody, writtenDeadline, self.with(DEADLINE + ": 7d"));
    if (result instanceof ParseResult.Parsed && title.isEmpty() && context.isEmpty() && forBody.isEmpty()
        && writtenDeadline == null) {
      return invalid(NOTHING_TO_CHANGE,
          self.with("with at least one of " + TITLE + ":, " + CONTEXT + ":, " + FOR + ":, " + DEADLINE
              + ": (3d, a date, or none)"));
    }
    return result;
  }

  private static ParseResult edit(Optional<String> title, Optional<String> context, Optional<String> forBody,
      @Nullable String writtenDeadline, String deadlineUsage) {
    Optional<DeadlineSpec> deadline = Optional.empty();
    if (writtenDeadline != null) {
      var spec = parseDeadline(writtenDeadline, true);
      if (spec.isEmpty()) {
        return badDeadline(writtenDeadline, deadlineUsage);
      }
      deadline = spec;
    }
    return parsed(new Command.Edit(title, context, forBody, deadline));
  }

  private static ParseResult vote(String args) {
    var usage = VOTE.with("V3 agree (views: agree, disagree, pass) or") + " " + VOTE.with("v2 agree "
        + "(drafts: agree, abstain, disagree, block)");
    var words = args.split("\\s+");
    if (args.isEmpty() || words.length != 2) {
      return invalid("A vote needs an item and a choice.", usage);
    }
    var statement = StatementId.parse(words[0]);
    if (statement.isPresent()) {
      var choice = StatementChoice.parse(words[1]);
      if (choice.isEmpty()) {
        return invalid(echo(words[1], "is not a choice for a view or amendment: use agree, "
            + "disagree or pass."), VOTE.with(statement.get(), StatementChoice.AGREE.word()));
      }
      return parsed(new Command.VoteOnStatement(statement.get(), choice.get()));
    }
    var draft = DraftVersion.parse(words[0]);
    if (draft.isPresent()) {
      var choice = DraftChoice.parse(words[1]);
      if (choice.isEmpty()) {
        return invalid(echo(words[1], "is not a choice for a draft: use agree, abstain, "
            + "disagree or block."), VOTE.with(draft.get(), DraftChoice.AGREE.word()));
      }
      return parsed(new Command.VoteOnDraft(draft.get(), choice.get()));
    }
    return invalid(echo(words[0], "is not an item: views and amendments are V1, V2 … "
        + "(capital V), drafts are v1, v2 … (small v)."), usage);
  }

  private static ParseResult list(String args, CommandDefinition self) {
    var options = splitOptions(args, self.namedOptions());
    var hint = self.invocation() + ", " + self.with(ALL) + " for the whole community, or " + self.with("--" + PAGE, "2");
    if (options instanceof CommandParser.Options.Bad bad) {
      return new ParseResult.Invalid(bad.reason(), hint);
    }
    var good = (CommandParser.Options.Good) options;
    if (!good.leading().isEmpty() && !good.leading().equalsIgnoreCase(ALL)) {
      return invalid(self.keyword() + " takes nothing, \"" + ALL + "\" or --" + PAGE + ".", hint);
    }
    return listPage(!good.leading().isEmpty(), good.values().getOrDefault(PAGE, ""), self);
  }

  private static ParseResult listPage(boolean all, String page, CommandDefinition self) {
    if (page.isEmpty()) {
      return parsed(new Command.ListQuestions(all, 1));
    }
    int number;
    try {
      number = Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number < 1 || number > Command.ListQuestions.MOST_PAGES) {
      return invalid("A page is a whole number from 1, like 2.", self.with("--" + PAGE, "2"));
    }
    return parsed(new Command.ListQuestions(all, number));
  }

  private static ParseResult hide(String item, String reason, CommandDefinition self) {
    var usage = self.usage();
    var statement = StatementId.parse(item);
    if (statement.isEmpty()) {
      return invalid("Name the view or amendment to hide (V3) and the reason.", usage);
    }
    if (reason.isEmpty()) {
      return invalid("Hiding needs a reason; members see it in place of the text.", usage);
    }
    return parsed(new Command.Hide(statement.get(), reason));
  }

  private static ParseResult close(String args) {
    if (args.isEmpty()) {
      return parsed(new Command.Close(null));
    }
    var draft = DraftVersion.parse(args);
    if (draft.isEmpty()) {
      return invalid(echo(args, "is not a draft version; drafts are v1, v2 …"),
          CLOSE.invocation() + ", or " + CLOSE.with("v2") + " to publish a draft other than the latest");
    }
    return parsed(new Command.Close(draft.get()));
  }

  private static ParseResult export(String args) {
    if (args.isEmpty()) {
      return parsed(new Command.Export(ExportFormat.MARKDOWN));
    }
    var format = ExportFormat.parse(args);
    if (format.isEmpty()) {
      return invalid(echo(args, "is not an export format."), EXPORT.with(String.join(", ", ExportFormat.words())));
    }
    return parsed(new Command.Export(format.get()));
  }

  private static ParseResult digest(String args) {
    var usage = DIGEST.with("daily 09:00 Europe/Berlin,") + " " + DIGEST.with("weekly monday 09:00,") + " "
        + DIGEST.with(Command.Cadence.OFF.word() + ", or") + " " + DIGEST.with(ME, Command.Cadence.DAILY.word());
    var words = args.isEmpty() ? new String[0] : args.split("\\s+");
    if (words.length == 0) {
      return invalid("Say how often the digest comes.", usage);
    }
    if (words[0].equalsIgnoreCase(ME)) {
      if (words.length != 2) {
        return invalid("Say how often your personal digest comes.", DIGEST.with(ME, "daily, weekly or off"));
      }
      var cadence = cadence(words[1]);
      return cadence == null
          ? invalid(echo(words[1], "is not daily, weekly or off."), DIGEST.with(ME, Command.Cadence.DAILY.word()))
          : parsed(new Command.PersonalDigest(cadence));
    }
    var cadence = cadence(words[0]);
    if (cadence == null) {
      return invalid(echo(words[0], "is not daily, weekly or off."), usage);
    }
    if (cadence == Command.Cadence.OFF) {
      return words.length == 1 ? parsed(new Command.ChannelDigest(cadence, null, null, null))
          : invalid("digest off takes nothing more.", DIGEST.with(Command.Cadence.OFF.word()));
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

  private static ParseResult remind(String args, CommandDefinition self) {
    return onOrOff(args, self, Command.Remind::new);
  }

  private static ParseResult share(String args, CommandDefinition self) {
    return onOrOff(args, self, Command.Share::new);
  }

  /** A command that takes on or off. */
  private static ParseResult onOrOff(String args, CommandDefinition self, Function<Boolean, Command> command) {
    if (args.equalsIgnoreCase(ON) || args.equalsIgnoreCase(OFF)) {
      return parsed(command.apply(args.equalsIgnoreCase(ON)));
    }
    return invalid(self.keyword() + " takes " + ON + " or " + OFF + ".", self.with(OFF) + ", or " + self.with(ON));
  }

  private static ParseResult forget(String args, CommandDefinition self) {
    if (args.isEmpty()) {
      return parsed(new Command.Forget());
    }
    if (args.equalsIgnoreCase(ME)) {
      return parsed(new Command.ForgetMe());
    }
    return invalid(self.keyword() + " takes nothing (this question) or \"" + ME + "\" (every question).",
        self.invocation() + ", or " + self.with(ME));
  }

  private static Command.@Nullable Cadence cadence(String word) {
    for (var cadence : Command.Cadence.values()) {
      if (cadence.word().equals(word.toLowerCase(Locale.ROOT))) {
        return cadence;
      }
    }
    return null;
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

  /** Opening a question, as an example: {@code /respond open <title> --deadline 7d}. */
  public static String openExample() {
    return OPEN.with("<title>", "--" + DEADLINE, "7d");
  }

  /** A change to a question, as an example. */
  public static String editExample() {
    return EDIT.with(EDIT_EXAMPLE);
  }

  /** {@link #editExample()} naming the question: {@code /respond #Q3 edit --deadline 7d}. */
  public static String editExample(QuestionId question) {
    return EDIT.on(question, EDIT_EXAMPLE);
  }

  private static final String EDIT_EXAMPLE = "--" + DEADLINE + " 7d";

  private static String value(Map<String, String> options, String name) {
    return options.getOrDefault(name, "").strip();
  }

  private static boolean isOn(Map<String, String> options, String name) {
    return Boolean.parseBoolean(options.getOrDefault(name, "false").strip());
  }
}
