package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.conversation.Settings;
import dev.chorus.core.report.ShareTokens;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /respond share on|off} as members meet it; the page itself is served by the app. */
class ShareReportTest {
  private static final Pattern LINK = Pattern.compile("https://chorus\\.example\\.org/reports/([A-Za-z0-9_-]+)");
  private final Conversation chat = Conversation.with(Settings.DEFAULTS.sharingAt("https://chorus.example.org//"));

  @Test
  void aFacilitatorGetsALinkWhoseTokenTheStoreNeverHolds() {
    var ana = chat.member("ana");
    chat.say(ana, "/respond open A question");

    var answer = chat.say(ana, "/respond share on");

    var link = LINK.matcher(answer.text());
    assertThat(link.find()).as(answer.text()).isTrue();
    var token = link.group(1);
    assertThat(token).hasSize(43);
    assertThat(ShareTokens.wellFormed(token)).isTrue();
    assertThat(chat.stores().sharedReports().contents()).contains(ShareTokens.hash(token)).doesNotContain(token);
    assertThat(chat.stores().sharedReports().find(ShareTokens.hash(token))).isPresent();
    // Said only to her: nothing public names the link.
    assertThat(chat.chat().transcript(chat.community())).noneMatch(line -> line.contains(token));
  }

  @Test
  void onlyAFacilitatorSharesAndShareOffEndsTheLink() {
    var ana = chat.member("ana");
    chat.say(ana, "/respond open A question");
    var first = LINK.matcher(chat.say(ana, "/respond share on").text());
    assertThat(first.find()).isTrue();

    var ben = chat.say(chat.member("ben"), "/respond share off");
    var renewed = LINK.matcher(chat.say(ana, "/respond share on").text());
    assertThat(renewed.find()).isTrue();
    var off = chat.say(ana, "/respond share off");
    var again = chat.say(ana, "/respond share off");

    assertThat(ben.refused()).isTrue();
    assertThat(ben.text()).contains("Only a facilitator");
    assertThat(chat.stores().sharedReports().find(ShareTokens.hash(first.group(1)))).isEmpty();
    assertThat(chat.stores().sharedReports().find(ShareTokens.hash(renewed.group(1)))).isEmpty();
    assertThat(off.text()).contains("no longer works").contains("/respond #Q1 share on");
    assertThat(again.text()).contains("was not shared");
  }

  @Test
  void withoutAPublicAddressSharingSaysWhatToDo() {
    var plain = Conversation.start();
    var ana = plain.member("ana");
    plain.say(ana, "/respond open A question");

    var answer = plain.say(ana, "/respond share on");
    var wrong = plain.say(ana, "/respond share maybe");

    assertThat(answer.refused()).isTrue();
    assertThat(answer.text()).contains("CHORUS_PUBLIC_URL").contains("/respond #Q1 export html");
    assertThat(plain.stores().sharedReports().contents()).isEqualTo("{} {}");
    assertThat(wrong.refused()).isTrue();
    assertThat(wrong.text()).contains("share takes on or off");
  }
}
