package dev.chorus.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.InMemoryStores;
import dev.chorus.testkit.MutableClock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Socket Mode with the real Bolt socket-mode client against a fake Slack: envelopes in, acknowledgements out. */
class SlackSocketModeTest {

  private static String command(String user, String text, String trigger) {
    return "{\"token\":\"x\",\"team_id\":\"T1\",\"team_domain\":\"test\",\"channel_id\":\"C1\",\"channel_name\":\"general\","
        + "\"user_id\":\"" + user + "\",\"user_name\":\"" + user + "\",\"command\":\"/respond\",\"text\":\"" + text
        + "\",\"api_app_id\":\"A1\",\"response_url\":\"https://example.invalid/r\",\"trigger_id\":\"" + trigger + "\"}";
  }

  @Test
  void envelopesAreAcknowledgedAtOnceAndARetriedEventCountsOnce() throws Exception {
    var stores = new InMemoryStores(MutableClock.at("2026-11-02T09:00:00Z"));
    try (var slack = new FakeSlackApi(); var socket = new FakeSocketMode()) {
      slack.socketUrl(socket.url());
      var settings = new SlackSettings(FakeSlackApi.TOKEN, FakeSlackApi.APP_TOKEN, null, slack.url(), null);
      try (var platform = new SlackPlatform(settings, chat -> new Chorus(stores.stores(), chat,
          new Pseudonyms(Conversation.TEST_SECRET), MutableClock.at("2026-11-02T09:00:00Z"), Settings.DEFAULTS,
          new Random(1)), Executors.newFixedThreadPool(2))) {
        assertThat(platform.socketMode()).isTrue();
        assertThat(socket.awaitConnection()).isTrue();

        var open = socket.send("slash_commands", command("U1", "open Over the socket", "t1"), 0);
        assertThat(socket.acknowledgement(open)).isNotNull().isLessThan(Duration.ofSeconds(3));
        slack.await("chat.postEphemeral", 1);
        socket.send("slash_commands", command("U1", "A view over the socket", "t2"), 0);
        slack.await("chat.postEphemeral", 2);
        var community = SlackIds.community("T1");
        var card = stores.links().messagesOf(community, new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
        assertThat(card).hasSize(1);
        var ts = SlackIds.timestamp(card.get(0).id());

        var event = "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\"EvS1\","
            + "\"event_time\":1700000000,\"event\":{\"type\":\"reaction_added\",\"user\":\"U2\",\"reaction\":\"+1\","
            + "\"item_user\":\"UBOT\",\"item\":{\"type\":\"message\",\"channel\":\"C1\",\"ts\":\"" + ts + "\"},"
            + "\"event_ts\":\"1700000000.000900\"}}";
        for (int attempt = 0; attempt <= 2; attempt++) {
          assertThat(socket.acknowledgement(socket.send("events_api", event, attempt))).isLessThan(Duration.ofSeconds(3));
        }
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until && stores.questions().find(community, new QuestionId(1)).orElseThrow()
            .statement(new StatementId(1)).orElseThrow().votes().isEmpty()) {
          Thread.sleep(20);
        }
        Thread.sleep(300);
        var q = stores.questions().find(community, new QuestionId(1)).orElseThrow();
        assertThat(q.statement(new StatementId(1)).orElseThrow().votes()).containsOnlyKeys(new MemberKey("U2"));
        assertThat(q.revision()).isEqualTo(3);
        assertThat(slack.calls("apps.connections.open")).isNotEmpty();
        assertThat(slack.violations()).isEmpty();
      }
    }
  }
}
