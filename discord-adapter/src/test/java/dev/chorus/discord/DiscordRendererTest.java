package dev.chorus.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.message.Block;
import dev.chorus.core.message.Button;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.question.QuestionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** Whatever members write, what Chorus sends Discord pings nobody, keeps its layout and fits Discord's limits. */
class DiscordRendererTest {
  static final String HOSTILE = "@everyone @here <@123> <@!123> <@&456> <#789> <t:0:R> <:evil:1> </respond:1> "
      + "**bold** *it* __under__ ~~strike~~ ||spoiler|| `code` ```java\nfence\n``` [click](https://x.example) "
      + "\n> a quote\n>>> all quoted\n# Heading\n-# small\n- list\n1. numbered\n\\ backslash";
  private static final String SPECIAL = "\\*_~`|>#-[]()<";
  private final DiscordRenderer renderer = new DiscordRenderer("42");

  @Test
  void membersWordsCannotPingOrFormat() {
    var card = new Card(List.of(
        new Block.Heading(Text.builder().plain("Q1 · ").quoted(HOSTILE).build()),
        new Block.Quote(HOSTILE),
        new Block.Fields(List.of(new Block.Field("Outside body", Text.quoted(HOSTILE)))),
        new Block.Bullets(List.of(Text.quoted(HOSTILE)))), List.of(), List.of());

    var messages = renderer.render(card);

    assertFits(messages);
    for (var text : texts(messages)) {
      assertEveryFormattingCharacterEscaped(text);
      // @ is kept apart from what follows, so no client highlights @everyone or @here.
      assertThat(text).doesNotContain("@everyone").doesNotContain("@here");
    }
    // Member words read back unchanged once the escapes are taken away.
    var description = messages.get(0).embeds().get(0).getDescription();
    assertThat(unescape(description)).contains(HOSTILE.replace("\n", "\n> "));
  }

  @Test
  void theLayoutOfAHostileCardIsTheLayoutOfAPlainOne() {
    var plain = "a".repeat(HOSTILE.length());
    var hostile = renderer.render(card(HOSTILE));
    var benign = renderer.render(card(plain));

    assertThat(hostile).hasSameSizeAs(benign);
    assertThat(hostile.get(0).embeds()).hasSameSizeAs(benign.get(0).embeds());
    assertThat(hostile.get(0).embeds().get(0).getTitle()).startsWith("Q1");
    // Each line of the quote still starts as a quote; a member's own "> " or "# " starts nothing.
    var quote = hostile.get(0).embeds().get(0).getDescription().split("\n\n")[0];
    assertThat(quote.split("\n")).hasSize(HOSTILE.split("\n").length).allMatch(line -> line.startsWith("> "));
  }

  @Test
  void tenThousandCharactersAreSplitWithinEveryLimitAndNothingIsLost() {
    var random = new SplittableRandom(7);
    var words = new StringBuilder();
    while (words.length() < 10_000) {
      int kind = random.nextInt(10);
      words.append(kind == 0 ? "\n" : kind == 1 ? "```" : kind == 2 ? "@everyone " : kind == 3 ? "👍🏽" : "word ");
    }
    var card = new Card(List.of(new Block.Heading(Text.of("Q2 · a long view")), new Block.Quote(words.toString()),
        new Block.Paragraph(Text.quoted(words.toString()))), List.of(), List.of());

    var messages = renderer.render(card);

    assertFits(messages);
    var shown = new StringBuilder();
    for (var text : texts(messages)) {
      assertEveryFormattingCharacterEscaped(text);
      shown.append(text);
    }
    // Every character of the view is shown (cuts drop only the line break or space they fall on).
    var kept = unescape(shown.toString()).replace("> ", "").replaceAll("[\\s\u200B]", "");
    assertThat(kept).contains(words.toString().replaceAll("\\s", ""));
  }

  @Test
  void buttonsGoInRowsOfFiveOnTheLastMessage() {
    var buttons = new ArrayList<Button>();
    for (int i = 0; i < 12; i++) {
      buttons.add(new Button("Agree with V" + i + " " + "x".repeat(100), "sv:Q1:V" + i + ":agree"));
    }
    var card = new Card(List.of(new Block.Paragraph(Text.of("Vote"))), buttons, List.of());

    var messages = renderer.render(card);

    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).rows()).hasSize(3);
    assertThat(messages.get(0).rows().get(0).getComponents()).hasSize(5);
    assertThat(messages.get(0).rows().get(0).getButtons().get(0).getLabel().length())
        .isLessThanOrEqualTo(DiscordRenderer.LONGEST_BUTTON_LABEL);
  }

  @Test
  void timesAreShownInEachReadersZoneAndLinksJumpToTheMessage() {
    var posted = new PostedMessage(DiscordIds.message(7, 99), new Destination.Channel(new ChannelId("7")));
    var text = new Text(List.of(new Text.Span.Plain("Closes "), new Text.Span.Moment(Instant.ofEpochSecond(1_800_000_000)),
        new Text.Span.Plain(" · "), new Text.Span.Link(new Target.QuestionCard(new QuestionId(1)), "the card", posted)));

    var rendered = renderer.inline(text);

    assertThat(rendered).contains("<t:1800000000:f>").contains("[the card](https://discord.com/channels/42/7/99)");
  }

  @Test
  void everyMessageAllowsNoMentionAndNoReplyPing() {
    for (var message : renderer.render(card(HOSTILE))) {
      assertThat(message.create().getAllowedMentions()).isEmpty();
      assertThat(message.create().isMentionRepliedUser()).isFalse();
      assertThat(message.edit().getAllowedMentions()).isEmpty();
    }
  }

  private static Card card(String memberWords) {
    return new Card(List.of(new Block.Heading(Text.of("Q1 · the question")), new Block.Quote(memberWords),
        new Block.Paragraph(Text.builder().plain("by ").quoted(memberWords).build())), List.of(), List.of("👍"));
  }

  @Test
  void aCardsSummaryIsUnderEachOfItsMessagesInPlainTextWithinTheLimits() {
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Heading(Text.of("Draft v2 of Q3")));
    for (int i = 0; i < 40; i++) {
      blocks.add(new Block.Quote(HOSTILE.repeat(8)));
    }
    var summary = Text.builder().plain("Q3 · ").quoted(HOSTILE).plain(" · draft v2: 4 agree, 0 abstain, 1 disagree, 0 block")
        .build();
    var messages = renderer.render(new Card(blocks, List.of(new Button("Agree", "dv:Q3:v2:agree")), List.of(), null,
        summary));

    assertThat(messages).hasSizeGreaterThan(1);
    assertFits(messages);
    for (var message : messages) {
      var last = message.embeds().isEmpty() ? null : message.embeds().get(message.embeds().size() - 1);
      if (last != null) {
        // A footer shows no markdown and pings nobody: the summary's own words, only shortened.
        assertThat(last.getFooter().getText()).startsWith("Q3 · @everyone").hasSizeLessThanOrEqualTo(300);
      }
    }
    var short_ = renderer.render(new Card(List.of(new Block.Heading(Text.of("Draft v2 of Q3"))), List.of(), List.of(),
        null, Text.of("Q3 · draft v2: 4 agree, 0 abstain, 1 disagree, 0 block")));
    assertThat(short_.get(0).embeds().get(0).getFooter().getText()).isEqualTo("Q3 · draft v2: 4 agree, 0 abstain, 1 disagree, 0 block");
  }

  static void assertFits(List<DiscordRenderer.DiscordMessage> messages) {
    for (var message : messages) {
      assertThat(message.embeds()).hasSizeLessThanOrEqualTo(DiscordRenderer.MOST_EMBEDS);
      int total = 0;
      for (MessageEmbed embed : message.embeds()) {
        var description = embed.getDescription() == null ? "" : embed.getDescription();
        var title = embed.getTitle() == null ? "" : embed.getTitle();
        assertThat(description.length()).isLessThanOrEqualTo(DiscordRenderer.LONGEST_DESCRIPTION);
        assertThat(title.length()).isLessThanOrEqualTo(DiscordRenderer.LONGEST_TITLE);
        var footer = embed.getFooter() == null || embed.getFooter().getText() == null ? "" : embed.getFooter().getText();
        assertThat(footer.length()).isLessThanOrEqualTo(2_048);
        total += description.length() + title.length() + footer.length();
      }
      assertThat(total).isLessThanOrEqualTo(DiscordRenderer.LONGEST_EMBED_TEXT);
      assertThat(message.rows()).hasSizeLessThanOrEqualTo(DiscordRenderer.MOST_ROWS);
    }
  }

  static List<String> texts(List<DiscordRenderer.DiscordMessage> messages) {
    var texts = new ArrayList<String>();
    for (var message : messages) {
      for (var embed : message.embeds()) {
        if (embed.getTitle() != null) {
          texts.add(embed.getTitle());
        }
        if (embed.getDescription() != null) {
          texts.add(embed.getDescription());
        }
      }
    }
    return texts;
  }

  /**
   * Every formatting character a member could have typed is escaped. Chorus's own markup is exactly
   * "**" around labels and headings, "> " opening quote lines, "• " bullets and "[label](link)".
   */
  static void assertEveryFormattingCharacterEscaped(String text) {
    var ours = text.replaceAll("(?m)^> ", "").replace("**", "").replaceAll("\\[[^\\]\\\\]*\\]\\(https://discord\\.com/[^)]*\\)", "");
    for (int i = 0; i < ours.length(); i++) {
      char c = ours.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      assertThat(SPECIAL.indexOf(c)).as("unescaped %s at %d in %s", c, i, ours).isNegative();
    }
  }

  static String unescape(String text) {
    var out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(text.charAt(++i));
      } else if (c != DiscordText.ZERO_WIDTH_SPACE) {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void anEditFitsOneMessageKeepingTheTallyAndTheButtonsHoweverDenseTheWords() {
    var card = new Card(List.of(new Block.Heading(Text.of("Draft v1 of Q1")), new Block.Quote("*".repeat(3_500)),
        new Block.Paragraph(Text.of("✅ 3 agree · ✋ 1 block"))),
        List.of(new Button("Agree", "dv:Q1:v1:agree"), new Button("Block", "dv:Q1:v1:block")), List.of());
    assertThat(renderer.render(card)).as("posted whole, it needs two messages").hasSize(2);

    var edit = renderer.renderOne(card);

    assertFits(List.of(edit));
    assertThat(String.join("\n", texts(List.of(edit)))).contains("3 agree").contains("1 block");
    assertThat(edit.rows()).hasSize(1);
  }

  @Test
  void aLongDigestIsSplitWithinDiscordsLimits() {
    var items = new java.util.ArrayList<Text>();
    for (int n = 1; n <= 8; n++) {
      var title = ("Überlegung_" + n + " @everyone `code` *bold* ").repeat(10).substring(0, 200);
      items.add(Text.builder().plain("Q" + n + " · ").quoted(title).plain(" — "
          + "Draft 3 awaits your vote & more. ".repeat(20)).build());
    }
    var card = Card.of(new Block.Heading(Text.of("Digest: 50 open questions")), new Block.Bullets(items));

    var messages = DiscordRenderer.of(DiscordIds.community(1L)).render(card);

    assertFits(messages);
    var shown = messages.stream().flatMap(m -> m.embeds().stream()).map(e -> e.getDescription() == null ? ""
        : e.getDescription()).reduce("", (a, b) -> a + "\n" + b);
    assertThat(shown.lines().filter(line -> line.startsWith("• ")).count()).as("every line whole").isEqualTo(8);
  }

  /** A shared report's link arrives whole: no backslash before its - or _, and no preview fetched. */
  @Test
  void anAddressIsShownWholeInAngleBrackets() {
    var link = "https://chorus-test.example.org/reports/Ab_cd-EF_gh-1234567890_abcdefghij-KLMNOPQRSTU";
    var card = Card.text(Text.builder().plain("Anyone with this link can read it: ").address(link).build());

    var description = renderer.render(card).get(0).embeds().get(0).getDescription();

    assertThat(description).contains("<" + link + ">").doesNotContain("\\_").doesNotContain("\\-");
  }
}
