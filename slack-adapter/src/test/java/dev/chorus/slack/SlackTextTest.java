package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A message's stored text, read back as its author wrote it, for a form a shortcut opens. */
class SlackTextTest {

  @Test
  void mentionsLinksAndEscapesReadAsTheAuthorWroteThem() {
    var stored = "Hi <@U123|ana> and <@U456>, see <#C1|general> &amp; <https://x.example/a?b=1&amp;c=2|the plan> "
        + "or <https://y.example>. <!here> <!subteam^S1|@facilitators> <!date^1700000000^{date}|Nov 14> 3 &lt; 4 &gt; 2";

    assertThat(SlackText.readable(stored)).isEqualTo("Hi @ana and @U456, see #general & the plan "
        + "(https://x.example/a?b=1&c=2) or https://y.example. @here @facilitators Nov 14 3 < 4 > 2");
  }

  @Test
  void whatIsReadBackCannotPingOnceShownAgain() {
    var readable = SlackText.readable("&lt;!channel&gt; <!everyone>");

    assertThat(readable).isEqualTo("<!channel> @everyone");
    assertThat(SlackText.neutral(readable)).doesNotContain("<!channel>");
  }
}
