package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Button;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import dev.chorus.testkit.Conversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever members write, what Chorus sends Slack pings nobody, keeps its layout and fits Slack's limits. */
class SlackRendererTest {
  private static final String HOSTILE = "<!channel> <!here> <!everyone> <@U123> <!subteam^S1> & <https://x.example|click> "
      + "*bold* _italic_ ~strike~ `code` ```fence``` \n> a quote\n   > indented quote\n:rotating_light:";
  private final SlackRenderer renderer = new SlackRenderer();

  /** Every section's text in the messages, checked to be valid JSON on the way. */
  private static List<String> sectionTexts(List<SlackRenderer.SlackMessage> messages) {
    var texts = new ArrayList<String>();
    for (var message : messages) {
      JsonArray blocks = JsonParser.parseString(message.blocksJson()).getAsJsonArray();
      assertThat(blocks.size()).isLessThanOrEqualTo(SlackRenderer.MOST_BLOCKS);
      for (var block : blocks) {
        var object = (JsonObject) block;
        if (object.get("type").getAsString().equals("section")) {
          texts.add(object.getAsJsonObject("text").get("text").getAsString());
        }
      }
      assertThat(message.text().length()).isLessThanOrEqualTo(SlackRenderer.LONGEST_FALLBACK);
    }
    return texts;
  }

  private static void assertSafe(List<SlackRenderer.SlackMessage> messages) {
    for (var text : sectionTexts(messages)) {
      assertThat(text.length()).isLessThanOrEqualTo(SlackRenderer.LONGEST_SECTION);
      // The only markup in angle brackets is Chorus's own date.
      assertThat(text.replaceAll("<!date\\^\\d+\\^\\{date_short_pretty\\} \\{time\\}\\|[^<>]*>", ""))
          .doesNotContain("<").doesNotContain(">!").doesNotContain("<@");
    }
    for (var message : messages) {
      assertThat(message.text()).doesNotContain("<!").doesNotContain("<@");
    }
  }

  @Test
  void membersWordsCannotPingOrFormat() {
    var card = new Card(List.of(
        new Block.Heading(Text.builder().plain("Q1 · ").quoted(HOSTILE).build()),
        new Block.Quote(HOSTILE)), List.of(), List.of());

    var messages = renderer.render(card);

    assertSafe(messages);
    var texts = sectionTexts(messages);
    assertThat(texts.get(0)).startsWith("*Q1 · &lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt; "
        + "&lt;!subteam^S1&gt; &amp; &lt;https://x.example|click&gt; ").endsWith("*");
    // Inside Chorus's bold heading the member's own formatting characters are gone.
    // (An emoji written by name keeps its name.)
    assertThat(texts.get(0).substring(1, texts.get(0).length() - 1).replace(":rotating_light:", ""))
        .doesNotContain("*", "_", "~", "`");
    var quote = texts.get(1);
    assertThat(quote.lines()).allMatch(line -> line.startsWith("> "));
    assertThat(quote.replace(":rotating_light:", "")).doesNotContain("*", "_", "~", "`");
    assertThat(quote).contains("&gt; a quote").contains(":rotating_light:");
    assertThat(quote.lines().skip(1).findFirst().orElseThrow()).isEqualTo("> \u200B&gt; a quote");
  }

  @Test
  void aTenThousandCharacterViewIsSplitIntoSectionsWithNothingLost() {
    var words = new StringBuilder();
    for (int i = 0; words.length() < 10_000; i++) {
      words.append(i % 7 == 0 ? "&<>" : "word").append(i).append(i % 40 == 0 ? "\n" : " ");
    }
    var unbroken = "x".repeat(4_000) + "&".repeat(500) + "🙂".repeat(600);
    var emoji = String.join("\n", java.util.Collections.nCopies(50, "🎉🎉🎉 :tada: 👩‍👩‍👧"));
    for (var view : List.of(words.toString(), unbroken, emoji)) {
      var messages = renderer.render(Card.of(new Block.Quote(view)));
      assertSafe(messages);
      var texts = sectionTexts(messages);
      var back = new StringBuilder();
      for (var text : texts) {
        assertThat(text).startsWith("> ");
        back.append(text.replace("> ", "").replace("\u200B", "").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&"));
      }
      assertThat(back.toString().replaceAll("\\s", "")).isEqualTo(view.replaceAll("\\s", ""));
    }
  }

  @Test
  void aCardOfManyBlocksContinuesInAnotherMessage() {
    var blocks = new ArrayList<Block>();
    for (int i = 0; i < 80; i++) {
      blocks.add(new Block.Paragraph(Text.builder().plain("Line " + i + " ").quoted(HOSTILE).build()));
    }
    var messages = renderer.render(new Card(blocks, List.of(), List.of()));
    assertThat(messages).hasSize(2);
    // Without a summary a card is told by its first line; every later message says it continues it.
    assertThat(messages.get(0).text()).startsWith("Line 0 &lt;!channel&gt;");
    assertThat(messages.get(1).text()).startsWith("Line 0 &lt;!channel&gt;").endsWith(" (continued)");
    assertThat(sectionTexts(messages)).hasSize(80);
    assertSafe(messages);
  }

  @Test
  void aCardsSummaryIsTheTextOfEachOfItsMessagesAndPingsNobody() {
    var blocks = new ArrayList<Block>();
    for (int i = 0; i < 80; i++) {
      blocks.add(new Block.Paragraph(Text.of("Line " + i)));
    }
    var summary = Text.builder().plain("Q3 · ").quoted(HOSTILE).plain(" · draft v2: 4 agree, 0 abstain, 1 disagree, 0 block")
        .build();

    var messages = renderer.render(new Card(blocks, List.of(), List.of(), null, summary));

    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).text()).startsWith("Q3 · &lt;!channel&gt;").endsWith("draft v2: 4 agree, 0 abstain, 1 disagree, 0 block");
    assertThat(messages.get(1).text()).isEqualTo(messages.get(0).text() + " (continued)");
    assertSafe(messages);
  }

  @Test
  void timesShowInEachReadersZoneAndButtonsCarryTheirAction() {
    var at = Instant.parse("2026-11-05T09:00:00Z");
    var card = new Card(List.of(new Block.Paragraph(Text.builder().plain("Closes ").moment(at).build())),
        List.of(new Button("Agree", "vote:Q1:V1:AGREE"), new Button("Disagree", "vote:Q1:V1:DISAGREE")), List.of());
    var messages = renderer.render(card);
    var blocks = JsonParser.parseString(messages.get(0).blocksJson()).getAsJsonArray();
    assertThat(sectionTexts(messages).get(0))
        .isEqualTo("Closes <!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|2026-11-05 09:00 UTC>");
    var actions = blocks.get(1).getAsJsonObject();
    assertThat(actions.get("type").getAsString()).isEqualTo("actions");
    assertThat(actions.getAsJsonArray("elements")).hasSize(2);
    assertThat(actions.getAsJsonArray("elements").get(1).getAsJsonObject().get("action_id").getAsString())
        .isEqualTo("vote:Q1:V1:DISAGREE");
  }

  @Test
  void everyCardOfAHostileConversationIsSafeAndWithinTheLimits() {
    var chat = Conversation.start();
    var ana = chat.facilitator("ana");
    chat.say(ana, "/respond open " + "```" + " <!channel> *Title* ".repeat(8) + " --for <@U999> & co");
    for (var member : List.of("ben", "cem", "dora", "eli", "fay")) {
      chat.say(chat.member(member), "/respond " + (HOSTILE + " " + member + " ").repeat(12).substring(0, 1_500));
    }
    chat.say(ana, "/respond draft " + (HOSTILE + " draft ").repeat(30).substring(0, 3_500));
    chat.say(chat.member("ben"), "/respond vote v1 block");
    chat.say(chat.member("ben"), "/respond reason " + HOSTILE);
    chat.say(ana, "/respond close");
    int cards = 0;
    for (var posted : chat.chat().messages(chat.community())) {
      for (var version : posted.versions()) {
        assertSafe(renderer.render(version));
        cards++;
      }
    }
    assertThat(cards).isGreaterThan(15);
  }

  /** A digest as the core makes it: a heading, one bullet list of long lines, a closing paragraph. */
  static Card longDigest() {
    var items = new ArrayList<Text>();
    for (int n = 1; n <= 8; n++) {
      // The longest title (200 characters) of characters Slack makes Chorus escape, and a long line after it.
      var title = ("Überlegung_" + n + " <@everyone> & `code` *bold* ").repeat(10).substring(0, 200);
      items.add(Text.builder().plain("Q" + n + " · ").quoted(title).plain(" — 12 new views and 340 new votes since "
          + "the last digest; 99 members have not yet. " + "Draft 3 awaits your vote & more. ".repeat(12)
          + "Join in its thread, or /respond #Q" + n + " status for more.").build());
    }
    return Card.of(new Block.Heading(Text.of("Digest: 50 open questions")), new Block.Bullets(items),
        new Block.Paragraph(Text.of("And 42 more open questions: /respond list shows them all.")));
  }

  @Test
  void aLongDigestIsSplitIntoSectionsWithinSlacksLimitBetweenItsLines() {
    var card = longDigest();
    var bullets = (Block.Bullets) card.blocks().get(1);
    var whole = bullets.items().stream().map(item -> "• " + SlackRenderer.inline(item)).toList();
    assertThat(String.join("\n", whole).length()).as("more than one section's worth")
        .isGreaterThan(2 * SlackRenderer.LONGEST_SECTION);

    var messages = renderer.render(card);

    assertSafe(messages);
    var sections = sectionTexts(messages);
    assertThat(sections).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(SlackRenderer.LONGEST_SECTION));
    // Every line whole in one section, in order: the list is split between its lines, never inside one.
    var lines = sections.stream().flatMap(text -> text.lines()).filter(line -> line.startsWith("• ")).toList();
    assertThat(lines).containsExactlyElementsOf(whole);
  }

  /** A shared report's link is a mrkdwn link, whole. */
  @Test
  void anAddressIsALinkInMrkdwn() {
    var link = "https://chorus.example.org/reports/Ab_cd-EF_gh-1234567890_abcdefghij-KLMNOPQRSTU";

    var shown = SlackRenderer.inline(Text.builder().plain("Read it: ").address(link).build());

    assertThat(shown).isEqualTo("Read it: <" + link + ">");
  }
}
