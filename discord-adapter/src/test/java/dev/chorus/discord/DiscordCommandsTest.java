package dev.chorus.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.command.Command;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.CommandDefinition;
import dev.chorus.core.command.CommandOption;
import dev.chorus.core.command.CommandParser;
import dev.chorus.core.command.ParseResult;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.overview.ShowHelp;
import dev.chorus.core.question.QuestionId;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.commands.Command.Choice;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.Test;

/** Typed options end in the same commands as Slack's free text, each value taken as the member gave it. */
class DiscordCommandsTest {
  private final CommandParser parser = new CommandParser();

  private Command parsed(String subcommand, Map<String, String> options) {
    var result = parser.parseChosen(subcommand, options);
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).command().command();
  }

  @Test
  void openWithEveryOptionIsTheSameQuestionAsTyped() {
    var command = parsed("open", Map.of("title", "Should we adopt the new policy?", "context", "The board asks us",
        "for", "The board", "deadline", "3d", "anonymous", "true"));

    assertThat(command).isInstanceOfSatisfying(Command.Open.class, open -> {
      assertThat(open.title()).isEqualTo("Should we adopt the new policy?");
      assertThat(open.context()).isEqualTo("The board asks us");
      assertThat(open.forBody()).isEqualTo("The board");
      assertThat(open.deadline()).isNotNull();
      assertThat(open.anonymous()).isTrue();
    });
  }

  @Test
  void aValueIsTakenLiterallyAndNeverReadAsAnotherOption() {
    assertThat(parsed("open", Map.of("title", "Pay rise --deadline 1h —really")))
        .isInstanceOfSatisfying(Command.Open.class, open -> {
          assertThat(open.title()).isEqualTo("Pay rise --deadline 1h —really");
          assertThat(open.deadline()).isNull();
        });
    assertThat(parsed("view", Map.of("text", "close the old office, it costs too much")))
        .isEqualTo(new Command.ShareView("close the old office, it costs too much"));
  }

  @Test
  void aQuestionOptionMustBeAQuestionId() {
    var chosen = parser.parseChosen("vote", Map.of("question", "Q3", "item", "V2", "choice", "disagree"));
    var parsed = ((ParseResult.Parsed) chosen).command();
    assertThat(parsed.question()).isEqualTo(new QuestionId(3));
    assertThat(parsed.command()).isInstanceOf(Command.VoteOnStatement.class);

    assertThat(parser.parseChosen("status", Map.of("question", "Q3 view"))).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void viewWithoutTextAndOpenWithoutTitleOpenForms() {
    assertThat(DiscordCommands.opensForm("view", Map.of())).isTrue();
    assertThat(DiscordCommands.opensForm("open", Map.of())).isTrue();
    assertThat(DiscordCommands.opensForm("open", Map.of("deadline", "3d"))).isFalse();
    assertThat(parsed("view", Map.of())).isInstanceOf(Command.OpenForm.class);
    assertThat(parsed("open", Map.of())).isInstanceOf(Command.OpenQuestionForm.class);
    assertThat(parser.parseChosen("open", Map.of("anonymous", "true"))).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void digestsRemindersListsAndForgetting() {
    assertThat(parsed("digest", Map.of("cadence", "weekly", "weekday", "monday", "time", "09:00", "zone", "Europe/Berlin")))
        .isInstanceOf(Command.ChannelDigest.class);
    assertThat(parsed("digest", Map.of("cadence", "daily", "me", "true"))).isInstanceOf(Command.PersonalDigest.class);
    assertThat(parsed("forget", Map.of("everywhere", "true"))).isInstanceOf(Command.ForgetMe.class);
    assertThat(parsed("list", Map.of("all", "true"))).isEqualTo(new Command.ListQuestions(true));
    assertThat(parsed("remind", Map.of("reminders", "off"))).isEqualTo(new Command.Remind(false));
    assertThat(DiscordCommands.asksForDirectMessages("remind", Map.of("reminders", "on"))).isTrue();
    assertThat(DiscordCommands.asksForDirectMessages("digest", Map.of("cadence", "off", "me", "true"))).isFalse();
  }

  @Test
  void theDefinitionStaysWithinDiscordsLimits() {
    var definition = DiscordCommands.definition();

    assertThat(definition.getSubcommands()).hasSizeLessThanOrEqualTo(25)
        .extracting(SubcommandData::getName).containsAll(CommandParser.KEYWORDS);
    for (var sub : definition.getSubcommands()) {
      assertThat(sub.getDescription().length()).isLessThanOrEqualTo(100);
      assertThat(sub.getOptions()).hasSizeLessThanOrEqualTo(25);
      sub.getOptions().forEach(option -> assertThat(option.getDescription().length()).isLessThanOrEqualTo(100));
    }
  }

  /** A command added to the catalog reaches the text parser, typed options, help and Discord, and nothing else. */
  @Test
  void aNewDefinitionReachesTheParserHelpAndDiscord() {
    var ping = new CommandDefinition("ping", "Check that Chorus answers", CommandDefinition.Audience.FACILITATORS, true,
        List.of(CommandOption.choice("volume", "How loud", true, List.of(CommandOption.Choice.of("loud"))),
            CommandOption.flag("twice", CommandOption.Written.AS_OPTION, "Answer twice")),
        List.of(CommandDefinition.HelpLine.of("", "check that Chorus answers")),
        (args, self) -> new CommandParser().parse("/respond status"),
        (options, self) -> new CommandParser().parse("/respond status"));
    var catalog = CommandCatalog.standard().with(ping);

    var parser = new CommandParser(catalog);
    assertThat(parser.parse("/respond ping loud")).isEqualTo(new CommandParser().parse("/respond status"));
    assertThat(parser.parseChosen("ping", Map.of("volume", "loud"))).isEqualTo(new CommandParser().parse("/respond status"));
    assertThat(new CommandParser().parse("/respond ping")).isEqualTo(new CommandParser().parse("/respond view ping"));

    var help = (Effect.Reply) ((Decision.Accepted) new ShowHelp(catalog).decide()).effects().get(0);
    assertThat(help.card().plainText()).contains("/respond ping — facilitators: check that Chorus answers");

    var sub = DiscordCommands.definition(catalog).getSubcommands().stream().filter(s -> s.getName().equals("ping"))
        .findFirst().orElseThrow();
    assertThat(sub.getDescription()).isEqualTo("Check that Chorus answers (facilitators)");
    assertThat(sub.getOptions()).extracting(OptionData::getName).containsExactly("volume", "twice", "question");
    assertThat(sub.getOptions().get(0).isRequired()).isTrue();
    assertThat(sub.getOptions().get(0).getChoices()).extracting(Choice::getAsString).containsExactly("loud");
    assertThat(sub.getOptions().get(1).getType()).isEqualTo(OptionType.BOOLEAN);
    assertThat(sub.getOptions().get(2).isAutoComplete()).isTrue();
    assertThat(DiscordCommands.definition().getSubcommands()).extracting(SubcommandData::getName).doesNotContain("ping");
  }

  @Test
  void everyOptionTheParserReadsIsOneDiscordOffers() {
    var digest = DiscordCommands.definition().getSubcommands().stream().filter(s -> s.getName().equals("digest"))
        .findFirst().orElseThrow();
    assertThat(digest.getOptions()).extracting(OptionData::getName)
        .containsExactly("cadence", "me", "weekday", "time", "zone");
    assertThat(DiscordCommands.suggestsTimeZones("digest", "zone")).isTrue();
    assertThat(DiscordCommands.suggestsTimeZones("digest", "time")).isFalse();
    assertThat(DiscordCommands.aboutOneQuestion("forget")).isTrue();
    assertThat(DiscordCommands.aboutOneQuestion("list")).isFalse();
    assertThat(DiscordCommands.everywhere("forget", Map.of("everywhere", "true"))).isTrue();
  }

  @Test
  void timeZonesAreSuggestedFromWhatWasTyped() {
    assertThat(DiscordCommands.zones("berl", 25)).containsExactly("Europe/Berlin");
    assertThat(DiscordCommands.zones("new york", 25)).contains("America/New_York");
    assertThat(DiscordCommands.zones("", 25)).hasSize(25);
  }
}
