package dev.chorus.discord;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The {@code /respond} slash command: a subcommand per entry of the command table with typed options.
 * What a member chose goes to core as it was given ({@code Inbound.CommandChosen}), where it ends in
 * the same command as Slack's free text.
 */
public final class DiscordCommands {
  public static final String NAME = "respond";
  /** The option naming a question, offered on every subcommand about one; answered by autocomplete. */
  public static final String QUESTION = "question";
  /** Options whose suggestions Chorus computes as the member types. */
  public static final String ZONE = "zone";

  private DiscordCommands() {}

  /** The command as Discord registers it; it works in server channels only. */
  public static SlashCommandData definition() {
    return Commands.slash(NAME, "Develop a joint response with your community")
        .setContexts(InteractionContextType.GUILD)
        .addSubcommands(
            sub("view", "Share or replace your view (without text: a form with your current view)",
                text("text", "Your view", false)),
            new SubcommandData("open", "Open a question (without a title: a form)").addOptions(
                text("title", "The question's title", false),
                text("context", "Background members should know", false),
                text("for", "The outside body the response is for", false),
                text("deadline", "When it closes: a duration like 3d, or a date like 2026-12-31", false),
                new OptionData(OptionType.BOOLEAN, "anonymous", "Hide who wrote each view and how each member voted")),
            sub("draft", "Post a new draft (facilitators): by analysis, or your own text", text("text", "The draft's text", false)),
            sub("amend", "Propose an amendment to the latest draft", text("text", "Your proposed change", true)),
            sub("vote", "Vote without reactions",
                text("item", "A view (V3) or a draft (v2)", true),
                new OptionData(OptionType.STRING, "choice", "Your choice", true).addChoice("agree", "agree")
                    .addChoice("disagree", "disagree").addChoice("pass (views)", "pass")
                    .addChoice("abstain (drafts)", "abstain").addChoice("block (drafts)", "block")),
            sub("reason", "Say why you block the latest draft", text("text", "Why you block it", true)),
            sub("status", "A private summary: participation, groups, the latest draft, your votes"),
            new SubcommandData("list", "The questions of this channel").addOptions(
                new OptionData(OptionType.BOOLEAN, "all", "The whole server's questions")),
            sub("edit", "Change the question (facilitators)",
                text("title", "A new title", false), text("context", "New context", false),
                text("for", "A new outside body", false),
                text("deadline", "A new deadline: 3d, a date, or none", false)),
            sub("hide", "Hide an abusive view or amendment (facilitators)",
                text("item", "The view or amendment, like V3", true), text("reason", "Why: members see it in its place", true)),
            sub("close", "Publish the outcome and close the question (facilitators)",
                text("draft", "The draft to publish, like v2 (the latest if left out)", false)),
            sub("reopen", "Reopen a closed question (facilitators)"),
            sub("export", "The question, views, analysis and outcome as a file",
                new OptionData(OptionType.STRING, "format", "The file's format").addChoice("markdown", "markdown")
                    .addChoice("json", "json").addChoice("csv", "csv")),
            new SubcommandData("digest", "The channel's digest (facilitators), or your personal one").addOptions(
                new OptionData(OptionType.STRING, "cadence", "How often", true).addChoice("daily", "daily")
                    .addChoice("weekly", "weekly").addChoice("off", "off"),
                new OptionData(OptionType.BOOLEAN, "me", "Your personal digest, in direct messages"),
                weekday(),
                text("time", "The local time, like 09:00", false),
                new OptionData(OptionType.STRING, ZONE, "The time zone, like Europe/Berlin").setAutoComplete(true)),
            new SubcommandData("remind", "Reminders before a question's deadline").addOptions(
                new OptionData(OptionType.STRING, "reminders", "On or off", true).addChoice("on", "on").addChoice("off", "off")),
            new SubcommandData("forget", "Withdraw your view and votes").addOptions(
                question(), new OptionData(OptionType.BOOLEAN, "everywhere", "On every question of this server")),
            new SubcommandData("help", "Every command, with an example"));
  }

  /** A subcommand about one question: its options, then the question it names. */
  private static SubcommandData sub(String name, String description, OptionData... options) {
    var data = new SubcommandData(name, description).addOptions(options);
    return data.addOptions(question());
  }

  private static OptionData question() {
    return new OptionData(OptionType.STRING, QUESTION, "Which question, where several are open (like Q3)")
        .setAutoComplete(true);
  }

  private static OptionData text(String name, String description, boolean required) {
    return new OptionData(OptionType.STRING, name, description, required);
  }

  private static OptionData weekday() {
    var day = new OptionData(OptionType.STRING, "weekday", "For a weekly digest");
    for (var name : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
      day.addChoice(name, name);
    }
    return day;
  }

  /** Whether the subcommand acts on one question (and so takes the {@code question} option). */
  public static boolean aboutOneQuestion(String subcommand) {
    return !List.of("open", "list", "digest", "remind", "help").contains(subcommand);
  }

  /** Whether the subcommand, as given, opens a form: a view without text, a question without a title. */
  public static boolean opensForm(String subcommand, Map<String, String> options) {
    return subcommand.equals("view") && string(options, "text").isEmpty()
        || subcommand.equals("open") && string(options, "title").isEmpty() && string(options, "context").isEmpty()
            && string(options, "for").isEmpty() && string(options, "deadline").isEmpty();
  }

  /** Whether the subcommand turns on something that arrives by direct message: a personal digest, reminders. */
  public static boolean asksForDirectMessages(String subcommand, Map<String, String> options) {
    return subcommand.equals("digest") && "true".equals(options.get("me")) && !string(options, "cadence").equals("off")
        || subcommand.equals("remind") && string(options, "reminders").equals("on");
  }

  private static String string(Map<String, String> options, String name) {
    return options.getOrDefault(name, "").strip();
  }

  /** Time zones whose id contains what the member typed, best matches first, at most {@code most}. */
  public static List<String> zones(String typed, int most) {
    var wanted = typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    return java.time.ZoneId.getAvailableZoneIds().stream()
        .filter(zone -> zone.contains("/") || zone.equals("UTC"))
        .filter(zone -> zone.toLowerCase(Locale.ROOT).contains(wanted))
        .sorted(java.util.Comparator.comparing((String zone) -> !zone.toLowerCase(Locale.ROOT).startsWith(wanted))
            .thenComparing(zone -> zone))
        .limit(most)
        .toList();
  }
}
