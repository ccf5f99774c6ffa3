package dev.chorus.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A digest for a channel with dozens of open questions stays short: a bounded number listed, the rest
 * counted. Each platform's renderer fits it to that platform's limits (their tests show it).
 */
class DigestCardsTest {
  private static final Instant NOW = Instant.parse("2027-03-20T09:00:00Z");

  private static Question question(int number) {
    // The longest title allowed (200), of long words and characters that take escaping.
    var title = ("Überlegung_" + number + " <@everyone> `code` *bold* ").repeat(10).substring(0, 200);
    return new Question(new CommunityId("c"), new QuestionId(number), new ChannelId("general"), 1, title, "", "",
        NOW.plusSeconds(3600L * number), false, new MemberKey("U1"), "Ana", "", NOW, QuestionStatus.OPEN, List.of(),
        List.of(), List.of());
  }

  @Test
  void fiftyOpenQuestionsMakeOneDigestWithinTheLimitsThatCountsWhatIsNotListed() {
    var lines = new ArrayList<DigestCards.ChannelLine>();
    for (int n = 1; n <= 50; n++) {
      lines.add(new DigestCards.ChannelLine(question(n), new ChannelDigests.Activity(12, 340, 2), null, 99));
    }
    var card = DigestCards.channel(lines, NOW);
    assertWithinLimits(card);
    assertThat(card.plainText()).contains("Digest: 50 open questions").contains("And 42 more open questions")
        .contains("/respond list");
    // Titles are whole: listed in full, never cut in the middle of a word.
    assertThat(card.plainText()).contains(question(8).title()).doesNotContain(question(9).title());
  }

  @Test
  void aPersonalDigestForFiftyQuestionsStaysWithinTheLimitsToo() {
    var awaiting = new ArrayList<DigestCards.Awaiting>();
    for (int n = 1; n <= 50; n++) {
      awaiting.add(new DigestCards.Awaiting(question(n), true, null));
    }
    var card = DigestCards.personal(awaiting, 0, NOW);
    assertWithinLimits(card);
    assertThat(card.plainText()).contains("And 42 more");
  }

  /** At most {@link DigestCards#LISTED} questions, one line each, in a handful of blocks. */
  private static void assertWithinLimits(Card card) {
    var bullets = card.blocks().stream().filter(Block.Bullets.class::isInstance).map(Block.Bullets.class::cast).toList();
    assertThat(bullets).hasSize(1);
    assertThat(bullets.get(0).items()).hasSize(DigestCards.LISTED);
    assertThat(card.blocks()).hasSizeLessThanOrEqualTo(6);
  }
}
