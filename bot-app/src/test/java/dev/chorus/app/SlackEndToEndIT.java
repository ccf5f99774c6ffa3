package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.core.Stores;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.slack.FakeSlackApi;
import dev.chorus.slack.FakeSocketMode;
import dev.chorus.slack.SlackIds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A whole joint response with six members in Slack (HTTP mode), through the running application on
 * its embedded Redis, against the fake Slack: every request signed as Slack signs it, every answer
 * timed, every call Chorus makes recorded and checked against Slack's rules.
 */
class SlackEndToEndIT {
  private static final CommunityId WORKSPACE = SlackIds.community("T1");

  @TempDir
  Path data;

  private SlackDriver slackMembers;
  /** Socket Mode when set: envelopes over the fake's WebSocket instead of signed HTTP requests. */
  private FakeSocketMode socket;

  private void command(String user, String channel, String text) throws Exception {
    slackMembers.command(user, channel, text);
  }

  private void submit(String submission) throws Exception {
    slackMembers.submit(submission);
  }

  private void react(String user, String messageId, String emoji) throws Exception {
    slackMembers.react(user, messageId, emoji);
  }

  private static void until(String what, BooleanSupplier done) throws InterruptedException {
    SlackDriver.until(what, done);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HTTP mode", "Socket Mode"})
  void sixMembersDevelopAJointResponseInSlack(String transport) throws Exception {
    var redis = EmbeddedRedis.start(data.resolve("redis"));
    var slack = new FakeSlackApi();
    socket = transport.equals("Socket Mode") ? new FakeSocketMode() : null;
    if (socket != null) {
      slack.socketUrl(socket.url());
    }
    var mode = socket != null ? "--chorus.slack.app-token=" + FakeSlackApi.APP_TOKEN
        : "--chorus.slack.signing-secret=" + SlackDriver.SECRET;
    // Dan facilitates as a member of the user group CHORUS_FACILITATOR_ROLE names.
    slack.userGroup("facilitators", "UDAN");
    try (slack;
        var app = new SpringApplicationBuilder(ChorusApplication.class).run("--server.port=0",
            "--chorus.redis.url=" + redis.url().toUriWithPassword(), "--chorus.secret=slack-e2e-secret-0123456789",
            "--chorus.slack.bot-token=" + FakeSlackApi.TOKEN, mode, "--chorus.slack.api-url=" + slack.url(),
            "--chorus.facilitator-role=facilitators")) {
      if (socket != null) {
        assertThat(socket.awaitConnection()).as("Chorus connected over Socket Mode").isTrue();
      }
      slackMembers = new SlackDriver(URI.create("http://127.0.0.1:"
          + ((WebServerApplicationContext) app).getWebServer().getPort() + "/slack/events"), socket, slack);
      var acknowledgements = slackMembers.acknowledgements;
      var questions = app.getBean(Stores.class).questions();
      var links = app.getBean(Stores.class).links();

      // Opened by command in C1; and by the form in C2.
      command("UANA", "C1", "open Should we answer the ministry's consultation? --for the Ministry of Health");
      until("Q1 opened", () -> questions.find(WORKSPACE, new QuestionId(1)).isPresent());
      command("UBEN", "C2", "");
      var view = slack.await("views.open", 1).get(0).params().get("view");
      var metadata = JsonParser.parseString(view).getAsJsonObject().get("private_metadata").getAsString();
      var submission = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"UBEN\",\"name\":\"ben\"},"
          + "\"api_app_id\":\"A1\",\"token\":\"x\",\"trigger_id\":\"t\",\"view\":{\"id\":\"VFORM\",\"type\":\"modal\","
          + "\"callback_id\":\"chorus-form\",\"private_metadata\":" + new Gson().toJson(metadata) + ",\"state\":{\"values\":"
          + "{\"title\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"A second question, by form\"}}}},\"hash\":\"h\"}}";
      submit(submission);
      until("Q2 opened by the form", () -> questions.find(WORKSPACE, new QuestionId(2)).isPresent());
      assertThat(questions.find(WORKSPACE, new QuestionId(2)).orElseThrow().channel().value()).isEqualTo("C2");
      command("UDAN", "C2", "#Q2 edit --title A second question, renamed by a facilitator");
      until("Q2 renamed by dan", () -> questions.find(WORKSPACE, new QuestionId(2)).orElseThrow().title()
          .equals("A second question, renamed by a facilitator"));

      // Six members share their views on Q1 (one with words that try to ping everyone).
      var members = List.of("UANA", "UBEN", "UCEM", "UDAN", "UEVE", "UFAY");
      for (var member : members) {
        command(member, "C1", "#Q1 My view as " + member + (member.equals("UFAY") ? " <!channel> *loud*" : ""));
        var index = members.indexOf(member) + 1;
        until("view " + index, () -> questions.find(WORKSPACE, new QuestionId(1)).orElseThrow().statements().size() == index);
      }
      // Reactions on the views, once the first view's card is posted.
      until("V1 posted", () -> !links.messagesOf(WORKSPACE, new Target.StatementMessage(new QuestionId(1),
          new StatementId(1))).isEmpty());
      var v1 = links.messagesOf(WORKSPACE, new Target.StatementMessage(new QuestionId(1), new StatementId(1))).get(0).id();
      react("UBEN", v1, "+1");
      react("UCEM", v1, "-1");
      react("UDAN", v1, "+1::skin-tone-3");
      until("votes on V1", () -> questions.find(WORKSPACE, new QuestionId(1)).orElseThrow()
          .statement(new StatementId(1)).orElseThrow().votes().size() == 3);

      // A hand-written draft, and the members' reactions on it: three agree, one disagrees, one blocks.
      command("UANA", "C1", "#Q1 draft We answer the ministry: support, with an opt-out and audits.");
      // Stored first, then posted and linked: wait for the message.
      until("draft v1 posted", () -> !links.messagesOf(WORKSPACE, new Target.DraftMessage(new QuestionId(1),
          new DraftVersion(1))).isEmpty());
      var draft = links.messagesOf(WORKSPACE, new Target.DraftMessage(new QuestionId(1), new DraftVersion(1))).get(0).id();
      react("UBEN", draft, "white_check_mark");
      react("UCEM", draft, "white_check_mark");
      react("UDAN", draft, "white_check_mark");
      react("UEVE", draft, "x");
      react("UFAY", draft, "raised_hand");
      until("five ballots", () -> questions.find(WORKSPACE, new QuestionId(1)).orElseThrow().draft(new DraftVersion(1))
          .orElseThrow().ballots().size() == 5);
      // The block is answered privately with a request for the reason; the reason is given.
      until("reason asked", () -> slack.calls("chat.postEphemeral").stream()
          .anyMatch(c -> c.params().get("user").equals("UFAY") && c.params().get("blocks").contains("please say why")));
      command("UFAY", "C1", "#Q1 reason It ignores rural clinics");
      until("reason kept", () -> "It ignores rural clinics".equals(questions.find(WORKSPACE, new QuestionId(1)).orElseThrow()
          .draft(new DraftVersion(1)).orElseThrow().ballots().values().stream().filter(b -> b.reason() != null)
          .findFirst().map(b -> b.reason()).orElse(null)));

      // The tally is edited into the draft message in place, at most once every two seconds, ending exact.
      var ts = draft.substring(draft.indexOf(':') + 1);
      until("the final tally shown", () -> slack.calls("chat.update").stream()
          .filter(c -> c.params().get("ts").equals(ts)).reduce((a, b) -> b)
          .map(c -> c.params().get("blocks").contains("3 agree") && c.params().get("blocks").contains("1 block")).orElse(false));
      var edits = slack.calls("chat.update").stream().filter(c -> c.params().get("ts").equals(ts)).toList();
      for (int i = 1; i < edits.size(); i++) {
        assertThat(Duration.between(edits.get(i - 1).at(), edits.get(i).at())).as("edit %d of the draft", i)
            .isGreaterThanOrEqualTo(Duration.ofMillis(1_950));
      }

      // A sixth member votes; then Chorus writes a draft, and the opinion map follows it into Q1's thread.
      react("UANA", v1, "+1");
      until("six members voted", () -> questions.find(WORKSPACE, new QuestionId(1)).orElseThrow()
          .statement(new StatementId(1)).orElseThrow().votes().size() == 4);
      // Every member agrees with the next two members' views, so the analysis can place all six on the map.
      for (int i = 0; i < members.size(); i++) {
        for (int step = 1; step <= 2; step++) {
          var next = links.messagesOf(WORKSPACE, new Target.StatementMessage(new QuestionId(1),
              new StatementId((i + step) % members.size() + 1))).get(0).id();
          react(members.get(i), next, "+1");
        }
      }
      until("every member with three votes", () -> questions.find(WORKSPACE, new QuestionId(1)).orElseThrow()
          .statements().stream().mapToInt(statement -> statement.votes().size()).sum() == 16);
      command("UANA", "C1", "#Q1 draft");
      var shared = slack.await("files.completeUploadExternal", 1, Duration.ofSeconds(30));
      assertThat(shared).as("the map shared after Chorus's draft").isNotEmpty();
      var questionCard = links.messagesOf(WORKSPACE, new Target.QuestionCard(new QuestionId(1))).get(0).id();
      assertThat(shared.get(0).params()).containsEntry("channel_id", "C1")
          .containsEntry("thread_ts", questionCard.substring(questionCard.indexOf(':') + 1));
      var asked = slack.calls("files.getUploadURLExternal").get(0).params();
      assertThat(asked).containsEntry("filename", "chorus-Q1-map.png");
      assertThat(asked.get("alt_txt")).startsWith("Opinion map: each dot is a member").doesNotContain("UANA")
          .hasSizeLessThanOrEqualTo(1024);
      var png = java.util.Base64.getDecoder().decode(slack.calls("upload/F1").get(0).params().get("base64"));
      assertThat(png).hasSize(Integer.parseInt(asked.get("length"))).startsWith(0x89, 'P', 'N', 'G');
      // Slack takes files up to 1 GB; the map is far below.
      assertThat(png.length).isBetween(1_000, 1_000_000);

      // Closed on the draft that was blocked, with the outcome and the recorded dissent; exported as a file.
      command("UANA", "C1", "#Q1 close v1");
      until("closed", () -> questions.find(WORKSPACE, new QuestionId(1)).orElseThrow().status() == QuestionStatus.CLOSED);
      until("outcome posted", () -> slack.calls("chat.postMessage").stream()
          .anyMatch(c -> c.params().get("blocks").contains("Q1 closed") && c.params().get("blocks").contains("It ignores rural clinics")));
      command("UANA", "C1", "#Q1 export json");
      until("export shared", () -> slack.calls("files.completeUploadExternal").stream()
          .anyMatch(c -> "DUANA".equals(c.params().get("channel_id"))));

      // An anonymous question in C3: its view carries buttons, and a press counts privately, naming nobody.
      command("UANA", "C3", "open A secret ballot --anonymous");
      until("Q3 opened", () -> questions.find(WORKSPACE, new QuestionId(3)).isPresent());
      command("UCEM", "C3", "#Q3 A view nobody may trace");
      until("Q3's view posted", () -> !links.messagesOf(WORKSPACE, new Target.StatementMessage(new QuestionId(3),
          new StatementId(1))).isEmpty());
      var secret = links.messagesOf(WORKSPACE, new Target.StatementMessage(new QuestionId(3), new StatementId(1))).get(0).id();
      var secretTs = secret.substring(secret.indexOf(':') + 1);
      var card = slack.calls("chat.postMessage").stream().filter(c -> c.params().get("blocks").contains("A view nobody may trace"))
          .findFirst().orElseThrow();
      var agree = JsonParser.parseString(card.params().get("blocks")).getAsJsonArray().asList().stream()
          .map(b -> b.getAsJsonObject()).filter(b -> b.get("type").getAsString().equals("actions")).findFirst().orElseThrow()
          .getAsJsonArray("elements").get(0).getAsJsonObject().get("action_id").getAsString();
      var press = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"UDAN\",\"name\":\"dan\"},"
          + "\"api_app_id\":\"A1\",\"token\":\"x\",\"trigger_id\":\"tpress\",\"channel\":{\"id\":\"C3\"},"
          + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + secretTs + "\",\"channel_id\":\"C3\"},"
          + "\"message\":{\"type\":\"message\",\"ts\":\"" + secretTs + "\"},\"actions\":[{\"action_id\":"
          + new Gson().toJson(agree) + ",\"block_id\":\"b\",\"type\":\"button\",\"value\":" + new Gson().toJson(agree)
          + ",\"action_ts\":\"1700000001.000\"}]}";
      submit(press);
      until("the secret vote counted", () -> questions.find(WORKSPACE, new QuestionId(3)).orElseThrow()
          .statement(new StatementId(1)).orElseThrow().votes().size() == 1);
      var anonymousCalls = new ArrayList<FakeSlackApi.Call>();
      anonymousCalls.addAll(slack.calls("chat.postMessage"));
      anonymousCalls.addAll(slack.calls("chat.update"));
      assertThat(anonymousCalls.stream().map(c -> c.params().get("blocks")).filter(b -> b.contains("A view nobody may trace")))
          .isNotEmpty().noneMatch(b -> b.contains("UCEM") || b.contains("UDAN") || b.contains("Member UCEM")
              || b.contains("Member UDAN"));

      // A public question in C4: its view carries buttons as well as reactions, and a press and a later
      // reaction by the same member are one vote, the latest.
      command("UANA", "C4", "open Buttons and reactions");
      until("Q4 opened", () -> questions.find(WORKSPACE, new QuestionId(4)).isPresent());
      command("UCEM", "C4", "#Q4 One member, one vote");
      var publicView = new Target.StatementMessage(new QuestionId(4), new StatementId(1));
      until("Q4's view posted", () -> !links.messagesOf(WORKSPACE, publicView).isEmpty());
      var shown = links.messagesOf(WORKSPACE, publicView).get(0).id();
      var shownTs = shown.substring(shown.indexOf(':') + 1);
      var publicCard = slack.calls("chat.postMessage").stream()
          .filter(c -> c.params().get("blocks").contains("One member, one vote")).findFirst().orElseThrow();
      var agreeButton = JsonParser.parseString(publicCard.params().get("blocks")).getAsJsonArray().asList().stream()
          .map(b -> b.getAsJsonObject()).filter(b -> b.get("type").getAsString().equals("actions")).findFirst().orElseThrow()
          .getAsJsonArray("elements").get(0).getAsJsonObject().get("action_id").getAsString();
      int ephemeralBeforePress = slack.calls("chat.postEphemeral").size();
      // Another press: its own trigger and time, or Chorus would take it for the first one delivered again.
      submit(press.replace(secretTs, shownTs).replace("\"C3\"", "\"C4\"").replace(new Gson().toJson(agree),
          new Gson().toJson(agreeButton)).replace("tpress", "tpress-q4").replace("1700000001.000", "1700000002.000"));
      var dan = new MemberKey("UDAN");
      until("dan's vote by button", () -> StatementChoice.AGREE.equals(questions.find(WORKSPACE, new QuestionId(4))
          .orElseThrow().statement(new StatementId(1)).orElseThrow().votes().get(dan)));
      until("dan told how to change it", () -> slack.calls("chat.postEphemeral").stream().skip(ephemeralBeforePress)
          .anyMatch(c -> c.params().get("user").equals("UDAN") && c.params().get("blocks").contains("press another")));
      react("UDAN", shown, "-1");
      until("dan's reaction replaced it", () -> StatementChoice.DISAGREE.equals(questions.find(WORKSPACE, new QuestionId(4))
          .orElseThrow().statement(new StatementId(1)).orElseThrow().votes().get(dan)));
      assertThat(questions.find(WORKSPACE, new QuestionId(4)).orElseThrow().statement(new StatementId(1)).orElseThrow()
          .votes()).hasSize(1);
      // Cem's own agreement and Dan's one vote, as the card ends up showing it.
      until("Q4's tally shown", () -> slack.calls("chat.update").stream()
          .filter(c -> c.params().get("ts").equals(shownTs)).reduce((first, second) -> second)
          .map(c -> c.params().get("blocks").contains("1 agree") && c.params().get("blocks").contains("1 disagree"))
          .orElse(false));

      // With Redis gone, every answer is still in time, and the member is told nothing was saved.
      redis.close();
      int ephemeralBefore = slack.calls("chat.postEphemeral").size();
      command("UEVE", "C1", "#Q1 A late view while the store is down");
      until("told it was not saved", () -> slack.calls("chat.postEphemeral").stream().skip(ephemeralBefore)
          .anyMatch(c -> c.params().get("user").equals("UEVE") && c.params().get("blocks").contains("could not save")));

      // Slack's rules held throughout: nothing over its limits, no mention let through, every answer within 3 s.
      assertThat(slack.violations()).isEmpty();
      assertThat(slack.calls("chat.postMessage")).noneMatch(c -> c.params().get("blocks").contains("<!channel>"));
      // So does every private reply, but the one saying the store could not be reached (about no question).
      assertThat(slack.calls("chat.postEphemeral")).hasSizeGreaterThan(10).allSatisfy(c -> assertThat(c.params().get("text"))
          .isNotBlank().satisfiesAnyOf(t -> assertThat(t).containsPattern("\\bQ\\d+\\b"),
              t -> assertThat(t).startsWith("Chorus could not save that just now")));
      // Every message Chorus posts or edits, in channels and direct messages, has a text that says which
      // question it is, and for a draft its tally.
      var posted = java.util.stream.Stream.concat(slack.calls("chat.postMessage").stream(),
          slack.calls("chat.update").stream()).filter(c -> c.status() == 200)
          .toList();
      assertThat(posted).hasSizeGreaterThan(10).allSatisfy(c -> {
        assertThat(c.params().get("text")).as(c.params().get("blocks")).isNotBlank().matches("(?s).*\\bQ\\d+\\b.*");
        if (c.params().get("blocks").contains("\"dv:")) {
          assertThat(c.params().get("text")).as("a draft's").contains(" agree, ").contains(" block");
        }
      });
      assertThat(acknowledgements).allMatch(took -> took.compareTo(Duration.ofSeconds(3)) < 0);
      System.out.printf("slack end to end, %s: %d requests acknowledged, slowest %d ms; %d messages posted, %d edits%n",
          transport, acknowledgements.size(), acknowledgements.stream().mapToLong(Duration::toMillis).max().orElse(0),
          slack.calls("chat.postMessage").size(), slack.calls("chat.update").size());
    } finally {
      if (socket != null) {
        socket.close();
      }
      redis.close();
    }
  }
}
