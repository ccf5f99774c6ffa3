package dev.chorus.discord;

import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.command.Command;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.CommandDefinition;
import dev.chorus.core.command.CommandOption;
import dev.chorus.core.command.CommandParser;
import dev.chorus.core.command.ParseResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /respond} slash command: a subcommand per {@link CommandDefinition}, with its typed options.
 * What a member chose goes to core as it was given ({@code Inbound.CommandChosen}), where it ends in
 * the same command as Slack's free text.
 */
public final class DiscordCommands {
  public static final String NAME = CommandCatalog.SLASH_COMMAND.substring(1);
  /** The option naming a question, offered on every subcommand about one; answered by autocomplete. */
  public static final String QUESTION = CommandCatalog.QUESTION.name();
  private static final CommandParser PARSER = new CommandParser();

  private DiscordCommands() {}

  /**
   * Every command Chorus registers: {@code /respond}, and the message commands members find under
   * "Apps" in a message's menu ("Share as my view", "Propose as amendment"). All work in servers only.
   */
  public static List<CommandData> all() {
    var all = new java.util.ArrayList<CommandData>();
    all.add(definition());
    for (var shortcut : Inbound.Shortcut.values()) {
      all.add(Commands.message(shortcutName(shortcut)).setContexts(InteractionContextType.GUILD));
    }
    return all;
  }

  /** The message command's name, as members see it in a message's menu. */
  public static String shortcutName(Inbound.Shortcut shortcut) {
    return switch (shortcut) {
      case SHARE_AS_VIEW -> "Share as my view";
      case PROPOSE_AS_AMENDMENT -> "Propose as amendment";
    };
  }

  /** The shortcut a message command's name stands for; empty for any other name. */
  public static java.util.Optional<Inbound.Shortcut> shortcut(String name) {
    return java.util.Arrays.stream(Inbound.Shortcut.values()).filter(s -> shortcutName(s).equals(name)).findFirst();
  }

  /** The command as Discord registers it; it works in server channels only. */
  public static SlashCommandData definition() {
    return definition(CommandCatalog.standard());
  }

  /** The command with a subcommand per definition of the catalog. */
  public static SlashCommandData definition(CommandCatalog catalog) {
    return Commands.slash(NAME, "Develop a joint response with your community")
        .setContexts(InteractionContextType.GUILD)
        .addSubcommands(catalog.definitions().stream().map(DiscordCommands::subcommand).toList());
  }

  private static SubcommandData subcommand(CommandDefinition command) {
    var description = command.summary()
        + (command.audience() == CommandDefinition.Audience.FACILITATORS ? " (facilitators)" : "");
    var data = new SubcommandData(command.keyword(), description);
    // Discord wants required options first.
    command.options().stream().filter(CommandOption::required).forEach(option -> data.addOptions(option(option)));
    command.options().stream().filter(option -> !option.required()).forEach(option -> data.addOptions(option(option)));
    if (command.aboutOneQuestion()) {
      data.addOptions(option(CommandCatalog.QUESTION));
    }
    return data;
  }

  private static OptionData option(CommandOption option) {
    var type = option.kind() == CommandOption.Kind.FLAG ? OptionType.BOOLEAN : OptionType.STRING;
    var data = new OptionData(type, option.name(), option.description(), option.required());
    option.choices().forEach(choice -> data.addChoice(choice.label(), choice.value()));
    return data.setAutoComplete(option.kind() == CommandOption.Kind.QUESTION
        || option.kind() == CommandOption.Kind.TIME_ZONE);
  }

  /** Whether the subcommand acts on one question (and so takes the {@code question} option). */
  public static boolean aboutOneQuestion(String subcommand) {
    return CommandCatalog.standard().find(subcommand).map(CommandDefinition::aboutOneQuestion).orElse(false);
  }

  /** Whether the subcommand, as given, opens a form: a view without text, a question without a title. */
  public static boolean opensForm(String subcommand, Map<String, String> options) {
    var command = parsed(subcommand, options);
    return command instanceof Command.OpenForm || command instanceof Command.OpenQuestionForm;
  }

  /** Whether the subcommand turns on something that arrives by direct message: a personal digest, reminders. */
  public static boolean asksForDirectMessages(String subcommand, Map<String, String> options) {
    var command = parsed(subcommand, options);
    return command instanceof Command.PersonalDigest digest && digest.cadence() != Command.Cadence.OFF
        || command instanceof Command.Remind remind && remind.on();
  }

  /** Whether the command, as given, is about every question rather than one (forget everywhere). */
  public static boolean everywhere(String subcommand, Map<String, String> options) {
    return parsed(subcommand, options) instanceof Command.ForgetMe;
  }

  /** Whether the option takes a time zone, suggested from what the member typed. */
  public static boolean suggestsTimeZones(@Nullable String subcommand, String option) {
    return subcommand != null && CommandCatalog.standard().find(subcommand).flatMap(command -> command.option(option))
        .map(found -> found.kind() == CommandOption.Kind.TIME_ZONE).orElse(false);
  }

  /** What core makes of the options; null when it refuses them. */
  private static @Nullable Command parsed(String subcommand, Map<String, String> options) {
    return PARSER.parseChosen(subcommand, options) instanceof ParseResult.Parsed parsed
        ? parsed.command().command() : null;
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
