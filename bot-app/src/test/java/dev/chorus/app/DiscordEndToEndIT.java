package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.core.Stores;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.StatementId;
import dev.chorus.discord.DiscordIds;
import dev.chorus.discord.DiscordPlatform;
import dev.chorus.discord.fake.FakeDiscord;
import dev.chorus.discord.fake.FakeGuild;
import dev.chorus.discord.fake.FakeInteraction;
import dev.chorus.discord.fake.FakeMember;
import dev.chorus.discord.fake.FakeMessage;
import dev.chorus.slack.SlackIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole joint response with six members in a Discord server, through the running application on
 * its embedded Redis, against the fake Discord: the real JDA, every first response timed by the fake,
 * every message create and edit checked against Discord's rules.
 */
class DiscordEndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir
  Path data;

  private FakeDiscord fake;
  private FakeGuild guild;
  private CommunityId community;

  private ConfigurableApplicationContext start(String redisUrl, String... more) throws Exception {
    var args = new ArrayList<>(List.of("--server.port=0", "--chorus.redis.url=" + redisUrl,
        "--chorus.secret=discord-e2e-secret-0123456789", "--chorus.discord.token=" + FakeDiscord.TOKEN,
        "--chorus.discord.api-url=" + fake.apiUrl(), "--chorus.discord.gateway-url=" + fake.gatewayUrl()));
    args.addAll(List.of(more));
    var app = new SpringApplicationBuilder(ChorusApplication.class).run(args.toArray(String[]::new));
    assertThat(app.getBean(DiscordPlatform.class).awaitReady(PATIENCE)).as("connected to the fake Discord").isTrue();
    return app;
  }

  private void until(String what, BooleanSupplier done) {
    fake.await(what, done, PATIENCE);
  }

  private FakeInteraction command(FakeMember who, long channel, String subcommand, Map<String, ?> options) {
    return fake.slashCommand(guild.id(), channel, who.userId(), "respond", subcommand, options);
  }

  /** Waits until the member was told something containing {@code words}, privately. */
  private void told(FakeInteraction interaction, String words) {
    until("told " + words, () -> fake.repliesTo(interaction.id()).stream().anyMatch(m -> m.text().contains(words)));
  }

  private static Question question(Stores stores, CommunityId community, int number) {
    return stores.questions().find(community, new QuestionId(number)).orElseThrow();
  }

  private String messageOf(Stores stores, Target target) {
    until("a message for " + target, () -> !stores.links().messagesOf(community, target).isEmpty());
    return stores.links().messagesOf(community, target).get(0).id();
  }

  private static long channelOf(String messageId) {
    return Long.parseLong(DiscordIds.channelOf(messageId));
  }

  private static long idOf(String messageId) {
    return Long.parseLong(DiscordIds.messageOf(messageId));
  }

  @Test
  void sixMembersDevelopAJointResponseInADiscordServer() throws Exception {
    var redis = EmbeddedRedis.start(data.resolve("redis"));
    fake = new FakeDiscord();
    guild = fake.guild("Commons", 9_001L, 9_002L, 9_003L);
    community = DiscordIds.community(guild.id());
    long c1 = guild.textChannelIds().get(0);
    long c2 = guild.textChannelIds().get(1);
    long c3 = guild.textChannelIds().get(2);
    var ana = fake.admin(guild.id(), "ana");
    var members = new ArrayList<FakeMember>(List.of(ana));
    for (var name : List.of("ben", "cem", "dan", "eve", "fay")) {
      members.add(fake.member(guild.id(), name));
    }
    var ben = members.get(1);
    var cem = members.get(2);
    var dan = members.get(3);
    var eve = members.get(4);
    var fay = members.get(5);
    // Dan facilitates by role, which Chorus knows by the name it is given and pins to this role.
    var facilitators = fake.role(guild.id(), "Facilitators");
    fake.grantRole(dan, facilitators);
    var app = start(redis.url().toUriWithPassword(), "--chorus.discord.guild-ids=" + guild.id(),
        "--chorus.facilitator-role=Facilitators");
    var discord = fake;
    try (discord) {
      var stores = app.getBean(Stores.class);
      until("/respond registered in the server", () -> !fake.guildCommands(guild.id()).isEmpty());

      // Opened by command in the first channel; by the form in the second.
      told(command(ana, c1, "open", Map.of("title", "Should we answer the ministry's consultation?",
          "for", "the Ministry of Health", "deadline", "14d")), "Q1");
      var openForm = command(ben, c2, "open", Map.of());
      var modal = fake.awaitCallback(openForm.id(), PATIENCE);
      assertThat(modal.type()).as("a modal as the first response").isEqualTo(9);
      told(fake.modalSubmit(guild.id(), c2, ben.userId(), modal.data().getString("custom_id"),
          Map.of("title", "A second question, by form")), "Q2");
      assertThat(question(stores, community, 2).channel().value()).isEqualTo(String.valueOf(c2));
      command(dan, c2, "edit", Map.of("question", "Q2", "title", "A second question, renamed by a facilitator"));
      until("Q2 renamed by dan", () -> question(stores, community, 2).title().startsWith("A second question, renamed"));

      // Six views on Q1, one with words that try to ping everyone and break the layout.
      for (var member : members) {
        var words = "My view as " + member.username() + (member == fay ? " @everyone <@&1> ```fence``` **loud**" : "");
        told(command(member, c1, "view", Map.of("question", "Q1", "text", words)), "V" + (members.indexOf(member) + 1));
      }
      var v1 = messageOf(stores, new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
      fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), ben.userId(), "👍");
      fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), cem.userId(), "👎");
      fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), dan.userId(), "👍🏽");
      until("three votes on V1", () -> question(stores, community, 1).statement(new StatementId(1)).orElseThrow()
          .votes().size() == 3);

      // A hand-written draft, voted on with reactions; two of them before the application restarts.
      told(command(ana, c1, "draft", Map.of("question", "Q1", "text",
          "We answer the ministry: support, with an opt-out and audits.")), "v1");
      var draft = messageOf(stores, new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)));
      until("the draft's reactions seeded", () -> fake.reactionsOf(idOf(draft)).size() == 4);
      fake.reactionAdd(guild.id(), channelOf(draft), idOf(draft), ben.userId(), "✅");
      fake.reactionAdd(guild.id(), channelOf(draft), idOf(draft), cem.userId(), "✅");
      until("two ballots", () -> question(stores, community, 1).draft(new DraftVersion(1)).orElseThrow()
          .ballots().size() == 2);

      app.close();
      // A role made with the facilitator role's name while Chorus is down gives nothing: the name's role is pinned.
      var lookalike = fake.role(guild.id(), "facilitators");
      fake.grantRole(eve, lookalike);
      var restartedAt = java.time.Instant.now();
      app = start(redis.url().toUriWithPassword(), "--chorus.discord.guild-ids=" + guild.id(),
          "--chorus.facilitator-role=Facilitators");
      var restarted = app.getBean(Stores.class);
      told(command(eve, c2, "edit", Map.of("question", "Q2", "title", "Eve's title")), "Only a facilitator");
      command(dan, c2, "edit", Map.of("question", "Q2", "title", "Renamed again by dan"));
      until("Q2 renamed again", () -> question(restarted, community, 2).title().equals("Renamed again by dan"));
      // Reactions on the draft posted before the restart still count.
      fake.reactionAdd(guild.id(), channelOf(draft), idOf(draft), dan.userId(), "✅");
      fake.reactionAdd(guild.id(), channelOf(draft), idOf(draft), eve.userId(), "❌");
      fake.reactionAdd(guild.id(), channelOf(draft), idOf(draft), fay.userId(), "✋");
      until("five ballots", () -> question(restarted, community, 1).draft(new DraftVersion(1)).orElseThrow()
          .ballots().size() == 5);
      // The tally is edited into the draft in place, at most once every two seconds, ending exact. (A
      // process keeps its own pace: the first edit after the restart does not wait for the last one before.)
      until("the final tally shown", () -> fake.message(idOf(draft)).orElseThrow().text().contains("3 agree")
          && fake.message(idOf(draft)).orElseThrow().text().contains("1 block"));
      var edits = fake.message(idOf(draft)).orElseThrow().editTimes();
      for (int i = 1; i < edits.size(); i++) {
        if (edits.get(i - 1).isBefore(restartedAt) == edits.get(i).isBefore(restartedAt)) {
          assertThat(Duration.between(edits.get(i - 1), edits.get(i))).as("edit %d of the draft", i)
              .isGreaterThanOrEqualTo(Duration.ofMillis(1_950));
        }
      }

      // The block is answered with a request for the reason, in direct messages; the reason is given.
      until("fay asked why", () -> fake.calls().stream().anyMatch(c -> c.path().equals("users/@me/channels")
          && c.body().contains(String.valueOf(fay.userId()))));
      told(command(fay, c1, "reason", Map.of("question", "Q1", "text", "It ignores rural clinics")), "reason");
      until("the reason kept", () -> question(restarted, community, 1).draft(new DraftVersion(1)).orElseThrow()
          .ballots().values().stream().anyMatch(b -> "It ignores rural clinics".equals(b.reason())));

      // A gateway disconnect: the session resumes and the event sent meanwhile is handled.
      fake.disconnect(0);
      fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), eve.userId(), "🤷");
      until("resumed", () -> fake.resumes(0) == 1);
      until("the vote sent while disconnected", () -> question(restarted, community, 1).statement(new StatementId(1))
          .orElseThrow().votes().size() == 4);

      // A sixth member votes; Chorus writes a draft, and the opinion map follows it into Q1's thread.
      fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), ana.userId(), "👍");
      until("six members voted", () -> question(restarted, community, 1).statement(new StatementId(1)).orElseThrow()
          .votes().size() == 5);
      // Every member agrees with the next two members' views, so the analysis can place all six on the map.
      for (int i = 0; i < members.size(); i++) {
        for (int step = 1; step <= 2; step++) {
          var next = messageOf(restarted, new Target.StatementMessage(new QuestionId(1),
              new StatementId((i + step) % members.size() + 1)));
          fake.reactionAdd(guild.id(), channelOf(next), idOf(next), members.get(i).userId(), "👍");
        }
      }
      until("every member with three votes", () -> question(restarted, community, 1).statements().stream()
          .mapToInt(statement -> statement.votes().size()).sum() == 16);
      told(command(ana, c1, "draft", Map.of("question", "Q1")), "v2");
      until("the map attached", () -> fake.calls().stream()
          .anyMatch(c -> c.files().stream().anyMatch(f -> f.fileName().equals("chorus-Q1-map.png"))));
      var mapCall = fake.calls().stream()
          .filter(c -> c.files().stream().anyMatch(f -> f.fileName().equals("chorus-Q1-map.png"))).findFirst().orElseThrow();
      var png = mapCall.files().get(0).bytes();
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
      // Within Discord's 10 MiB for a bot's message, and its description (the alt text) within 1,024 characters.
      assertThat(png.length).isBetween(1_000, 10 * 1024 * 1024);
      var described = net.dv8tion.jda.api.utils.data.DataObject.fromJson(mapCall.body()).getArray("attachments")
          .getObject(0).getString("description");
      assertThat(described).startsWith("Opinion map: each dot is a member").hasSizeLessThanOrEqualTo(1024)
          .doesNotContain("ana");
      var v2 = messageOf(restarted, new Target.DraftMessage(new QuestionId(1), new DraftVersion(2)));
      assertThat(mapCall.path()).as("posted where Q1's drafts go").isEqualTo("channels/" + channelOf(v2) + "/messages");

      // Closed on the draft that was blocked, with the outcome and the recorded dissent; exported as an
      // attachment only ana sees.
      told(command(ana, c1, "close", Map.of("question", "Q1", "draft", "v1")), "Q1");
      until("closed", () -> question(restarted, community, 1).status() == QuestionStatus.CLOSED);
      until("the outcome posted", () -> fake.messages(c1).stream()
          .anyMatch(m -> m.text().contains("closed") && m.text().contains("It ignores rural clinics")));
      var export = command(ana, c1, "export", Map.of("question", "Q1", "format", "json"));
      until("the export attached", () -> fake.repliesTo(export.id()).stream().anyMatch(m -> !m.files().isEmpty()));
      assertThat(fake.repliesTo(export.id())).allMatch(FakeMessage::ephemeral);

      // An anonymous question in the third channel: its view carries buttons, and a press counts privately.
      told(command(ana, c3, "open", Map.of("title", "A secret ballot", "anonymous", true)), "Q3");
      told(command(cem, c3, "view", Map.of("text", "A view nobody may trace")), "V1");
      var secret = messageOf(restarted, new Target.StatementMessage(new QuestionId(3), new StatementId(1)));
      var buttons = fake.message(idOf(secret)).orElseThrow().buttonIds();
      var press = fake.button(guild.id(), channelOf(secret), dan.userId(), idOf(secret), buttons.get(0));
      until("the secret vote counted", () -> question(restarted, community, 3).statement(new StatementId(1)).orElseThrow()
          .votes().size() == 1);
      until("dan answered", () -> !fake.repliesTo(press.id()).isEmpty());
      var traces = List.of(String.valueOf(cem.userId()), String.valueOf(dan.userId()), "cem", "dan");
      assertThat(fake.calls()).filteredOn(c -> c.body().contains("A view nobody may trace")).isNotEmpty()
          .allSatisfy(c -> traces.forEach(trace -> assertThat(c.body()).doesNotContain(trace)));
      assertThat(fake.calls()).filteredOn(c -> c.path().contains(String.valueOf(press.id())) || c.path().contains(press.token()))
          .allSatisfy(c -> traces.forEach(trace -> assertThat(c.body()).doesNotContain(trace)));

      // With Redis gone, every first response is still in time, and the member is told nothing was saved.
      redis.close();
      told(command(eve, c1, "view", Map.of("question", "Q2", "text", "A late view while the store is down")),
          "could not save");

      // Discord's rules held throughout: no mention let through, nothing over a limit, every first response
      // within three seconds, no interaction left without one.
      assertThat(fake.violations()).isEmpty();
      assertThat(fake.unacknowledged()).isEmpty();
      // So does every private reply, but the one saying the store could not be reached (about no question).
      assertThat(fake.allMessages()).filteredOn(FakeMessage::ephemeral).hasSizeGreaterThan(10).allSatisfy(m ->
          assertThat(m.plainSummary()).isNotBlank().satisfiesAnyOf(t -> assertThat(t).containsPattern("\\bQ\\d+\\b"),
              t -> assertThat(t).startsWith("Chorus could not save that just now")));
      // Every card in the channels and threads says in plain text which question it is, and a draft its tally.
      var cards = fake.allMessages().stream().filter(m -> !m.ephemeral() && m.embeds().length() > 0
          && m.text().matches("(?s).*\\bQ\\d+\\b.*")).toList();
      assertThat(cards).hasSizeGreaterThan(10).allSatisfy(m -> {
        assertThat(m.plainSummary()).as(m.text()).matches("(?s).*\\bQ\\d+\\b.*");
        if (m.buttonIds().stream().anyMatch(id -> id.startsWith("dv:"))) {
          assertThat(m.plainSummary()).as("a draft's").contains(" agree, ").contains(" block");
        }
      });
      var firsts = fake.firstResponses();
      assertThat(firsts.values()).allMatch(took -> took.compareTo(Duration.ofSeconds(3)) < 0);
      assertThat(fake.messages(c1)).noneMatch(m -> m.text().contains("@everyone") || m.text().contains("```"));
      System.out.printf("discord end to end: %d interactions, slowest first response %d ms; %d REST calls, %d draft edits%n",
          firsts.size(), firsts.values().stream().mapToLong(Duration::toMillis).max().orElse(0), fake.calls().size(),
          edits.size());
    } finally {
      app.close();
      redis.close();
    }
  }

  @Test
  void twoReplicasEachRunTheirShardAndHandleTheirGuildsOnce() throws Exception {
    var redis = EmbeddedRedis.start(data.resolve("redis-shards"));
    fake = new FakeDiscord();
    fake.shards(2);
    var first = fake.guildOnShard(0, "Shard zero", 9_100L);
    var second = fake.guildOnShard(1, "Shard one", 9_200L);
    var ana = fake.admin(first.id(), "ana");
    var ben = fake.admin(second.id(), "ben");
    var discord = fake;
    try (discord;
        var zero = start(redis.url().toUriWithPassword(), "--chorus.discord.shards-total=2", "--chorus.discord.shard-ids=0");
        var one = start(redis.url().toUriWithPassword(), "--chorus.discord.shards-total=2", "--chorus.discord.shard-ids=1")) {
      assertThat(fake.identifies()).extracting(identify -> identify.shardId() + "/" + identify.shardTotal())
          .containsExactlyInAnyOrder("0/2", "1/2");
      assertThat(zero.getBean(DiscordPlatform.class).runningShards()).containsExactly(0);
      assertThat(one.getBean(DiscordPlatform.class).runningShards()).containsExactly(1);
      // Scheduled work and reconciling: each replica serves the servers of its own shard only.
      assertThat(zero.getBean(DiscordPlatform.class).serves(DiscordIds.community(first.id()))).isTrue();
      assertThat(zero.getBean(DiscordPlatform.class).serves(DiscordIds.community(second.id()))).isFalse();
      assertThat(one.getBean(DiscordPlatform.class).serves(DiscordIds.community(second.id()))).isTrue();
      assertThat(one.getBean(DiscordPlatform.class).serves(DiscordIds.community(first.id()))).isFalse();
      assertThat(one.getBean(DiscordPlatform.class).serves(SlackIds.community("T1"))).isFalse();
      // Registered globally, by the replica running shard 0 alone.
      until("/respond registered", () -> !fake.globalCommands().isEmpty());
      assertThat(fake.calls("PUT", "applications/\\d+/commands")).hasSize(1);

      guild = first;
      var inFirst = command(ana, first.firstChannel(), "open", Map.of("title", "Asked in the first guild"));
      guild = second;
      var inSecond = command(ben, second.firstChannel(), "open", Map.of("title", "Asked in the second guild"));
      guild = first;
      told(inFirst, "Q1");
      guild = second;
      told(inSecond, "Q1");

      var stores = zero.getBean(Stores.class);
      for (var g : List.of(first, second)) {
        var opened = stores.questions().inChannel(DiscordIds.community(g.id()),
            new dev.chorus.core.community.ChannelId(String.valueOf(g.firstChannel())), java.time.Instant.MIN);
        assertThat(opened).hasSize(1);
        assertThat(fake.messages(g.firstChannel())).filteredOn(m -> m.text().contains("Asked in")).hasSize(1);
      }
      assertThat(fake.callbacks(inFirst.id())).hasSize(1);
      assertThat(fake.callbacks(inSecond.id())).hasSize(1);
      assertThat(fake.violations()).isEmpty();
    } finally {
      redis.close();
    }
  }
}
