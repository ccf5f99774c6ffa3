package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The install's pages escape what they show, and say what to do next. */
class SlackInstallPagesTest {

  @Test
  void theAddToSlackPageLinksToSlackWithTheAddressEscaped() {
    var page = SlackInstallPages.install("https://slack.com/oauth/v2/authorize?client_id=1&state=\"><script>x</script>");

    assertThat(page).contains("Add to Slack").contains("href=\"https://slack.com/oauth/v2/authorize?client_id=1&amp;state=")
        .doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
  }

  @Test
  void aFailedInstallSaysWhyAndLinksBackToTheStart() {
    var page = new SlackInstallPages().renderFailurePage("/slack/install", "access_denied");

    assertThat(page).contains("Chorus was not installed").contains("cancelled").contains("href=\"/slack/install\"");
    assertThat(new SlackInstallPages().renderSuccessPage(null, null)).contains("/invite @Chorus").contains("/respond open");
  }
}
