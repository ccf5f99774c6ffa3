package dev.chorus.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Slack's settings: one workspace by token, or installs by client id; what to set when they do not fit. */
class SlackWiringTest {
  private static SlackProperties properties(String botToken, String appToken, String signingSecret, String clientId,
      String clientSecret) {
    return new SlackProperties(botToken, appToken, signingSecret, "", clientId, clientSecret, Duration.ofDays(30));
  }

  @Test
  void aBotTokenServesOneWorkspaceAndAClientIdInstallsWithEveryWorkspacesOwnToken() {
    var one = SlackWiring.settings(properties("xoxb-1", "", "signing", "", ""), null, null);
    assertThat(one.botToken()).isEqualTo("xoxb-1");
    assertThat(one.oauth()).isNull();

    var many = SlackWiring.settings(properties("", "", "signing-value", "1.2", "client-secret-value"),
        "https://chorus.example.org/", null);
    assertThat(many.botToken()).isNull();
    assertThat(many.oauth()).isNotNull();
    assertThat(many.oauth().redirectUri()).isEqualTo("https://chorus.example.org/slack/oauth_redirect");
    assertThat(many.toString()).doesNotContain("client-secret-value").doesNotContain("signing-value");
  }

  @Test
  void settingsThatDoNotFitStopStartUpSayingWhatToSet() {
    assertThatThrownBy(() -> SlackWiring.settings(properties("xoxb-1", "", "s", "1.2", "cs"), "https://c.example", null))
        .hasMessageContaining("keep one");
    assertThatThrownBy(() -> SlackWiring.settings(properties("", "xapp-1", "s", "1.2", "cs"), "https://c.example", null))
        .hasMessageContaining("unset SLACK_APP_TOKEN");
    assertThatThrownBy(() -> SlackWiring.settings(properties("", "", "", "1.2", ""), null, null))
        .hasMessageContaining("SLACK_CLIENT_SECRET").hasMessageContaining("SLACK_SIGNING_SECRET")
        .hasMessageContaining("CHORUS_PUBLIC_URL");
    assertThatThrownBy(() -> SlackWiring.settings(properties("xoxb-1", "", "", "", ""), null, null))
        .hasMessageContaining("SLACK_APP_TOKEN").hasMessageContaining("SLACK_SIGNING_SECRET");
  }

  @Test
  void noSecretShowsInTheProperties() {
    var shown = properties("xoxb-secret", "xapp-secret", "signing-secret", "1.2", "client-secret").toString();
    assertThat(shown).doesNotContain("xoxb-secret").doesNotContain("xapp-secret").doesNotContain("signing-secret")
        .doesNotContain("client-secret").contains("1.2");
  }
}
