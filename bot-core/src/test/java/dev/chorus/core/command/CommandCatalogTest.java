package dev.chorus.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.core.command.CommandDefinition.Audience;
import dev.chorus.core.command.CommandDefinition.HelpLine;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Text;
import dev.chorus.core.overview.ShowHelp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A command defined once reaches the text parser, typed options and help. */
class CommandCatalogTest {
  /** Stands in for a new command: it reads as {@code status}, since commands are a closed set. */
  static final CommandDefinition PING = new CommandDefinition("ping", "Check that Chorus answers", Audience.MEMBERS,
      false, List.of(CommandOption.named("loud", "Answer loudly")),
      List.of(HelpLine.of("", "check that Chorus answers")),
      (args, self) -> args.isEmpty() ? CommandParser.parsed(new Command.Status())
          : CommandParser.invalid(self.keyword() + " takes nothing.", "/respond ping"),
      (options, self) -> CommandParser.parsed(new Command.Status()));

  private final CommandCatalog catalog = CommandCatalog.standard().with(PING);

  @Test
  void theParserReadsTheNewKeywordInTextAndTypedOptions() {
    var parser = new CommandParser(catalog);

    assertThat(parser.parse("/respond #Q2 ping")).isEqualTo(new ParseResult.Parsed(
        new ParsedCommand(new dev.chorus.core.question.QuestionId(2), new Command.Status())));
    assertThat(parser.parse("/respond ping now")).isInstanceOfSatisfying(ParseResult.Invalid.class,
        invalid -> assertThat(invalid.reason().plainText()).isEqualTo("ping takes nothing."));
    assertThat(parser.parseChosen("ping", Map.of("loud", "true")))
        .isEqualTo(new ParseResult.Parsed(new ParsedCommand(null, new Command.Status())));
    // Without the definition, the word starts a view.
    assertThat(new CommandParser().parse("/respond ping")).isEqualTo(
        new ParseResult.Parsed(new ParsedCommand(null, new Command.ShareView("ping"))));
  }

  @Test
  void helpListsTheNewCommandBeforeNamingAQuestion() {
    var decision = new ShowHelp(catalog).decide();

    var reply = (Effect.Reply) ((Decision.Accepted) decision).effects().get(0);
    var bullets = (Block.Bullets) reply.card().blocks().get(1);
    var lines = bullets.items().stream().map(Text::plainText).toList();
    assertThat(lines).contains("/respond ping — check that Chorus answers");
    assertThat(lines.get(lines.size() - 2)).isEqualTo("/respond ping — check that Chorus answers");
    assertThat(lines).hasSize(CommandCatalog.standard().helpLines().size() + 1);
  }

  @Test
  void everyStandardKeywordIsItsCommandsKeyword() {
    var parser = new CommandParser();
    for (var keyword : List.of("status", "reopen", "help", "forget", "list")) {
      var parsed = (ParseResult.Parsed) parser.parse("/respond " + keyword);
      assertThat(parsed.command().command().keyword()).isEqualTo(keyword);
    }
    assertThat(catalog.keywords()).endsWith("help", "ping");
  }

  @Test
  void twoCommandsCannotShareAKeyword() {
    assertThatThrownBy(() -> catalog.with(PING)).isInstanceOf(IllegalArgumentException.class);
  }
}
