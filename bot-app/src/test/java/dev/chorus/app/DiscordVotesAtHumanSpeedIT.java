package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.core.Stores;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import dev.chorus.discord.DiscordIds;
import dev.chorus.discord.DiscordPlatform;
import dev.chorus.discord.fake.FakeDiscord;
import dev.chorus.discord.fake.FakeGuild;
import dev.chorus.discord.fake.FakeInteraction;
import dev.chorus.discord.fake.FakeMember;
import dev.chorus.discord.fake.FakeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Members do not wait for Chorus: they vote the instant a message appears, while its reactions are
 * still being seeded and even before Chorus has the response of the post that made it. Against the
 * fake Discord with Discord's latency and rate-limit buckets, the real JDA, the running application.
 */
class DiscordVotesAtHumanSpeedIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir
  Path data;

  private EmbeddedRedis redis;
  private FakeDiscord fake;
  private FakeGuild guild;
  private CommunityId community;
  private ConfigurableApplicationContext app;
  private Stores stores;
  private FakeMember ana;
  private long channel;
  /** Members act at once, as people do. */
  private final ExecutorService people = Executors.newFixedThreadPool(6);

  @BeforeEach
  void start() throws Exception {
    redis = EmbeddedRedis.start(data.resolve("redis"));
    fake = new FakeDiscord();
    guild = fake.guild("Commons", 9_001L, 9_002L);
    community = DiscordIds.community(guild.id());
    channel = guild.firstChannel();
    ana = fake.admin(guild.id(), "ana");
    app = new SpringApplicationBuilder(ChorusApplication.class).run("--server.port=0",
        "--chorus.redis.url=" + redis.url().toUriWithPassword(), "--chorus.secret=discord-speed-secret-0123456789",
        "--chorus.discord.token=" + FakeDiscord.TOKEN, "--chorus.discord.api-url=" + fake.apiUrl(),
        "--chorus.discord.gateway-url=" + fake.gatewayUrl(), "--chorus.discord.guild-ids=" + guild.id());
    assertThat(app.getBean(DiscordPlatform.class).awaitReady(PATIENCE)).as("connected to the fake Discord").isTrue();
    stores = app.getBean(Stores.class);
    until("/respond registered in the server", () -> !fake.guildCommands(guild.id()).isEmpty());
  }

  @AfterEach
  void stop() throws Exception {
    people.shutdownNow();
    if (app != null) {
      app.close();
    }
    if (fake != null) {
      fake.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private void until(String what, BooleanSupplier done) {
    fake.await(what, done, PATIENCE);
  }

  private FakeInteraction command(FakeMember who, long in, String subcommand, Map<String, ?> options) {
    return fake.slashCommand(guild.id(), in, who.userId(), "respond", subcommand, options);
  }

  private void told(FakeInteraction interaction, String words) {
    until("told " + words, () -> fake.repliesTo(interaction.id()).stream().anyMatch(m -> m.text().contains(words)));
  }

  private String linked(Target target) {
    until("a message for " + target, () -> !stores.links().messagesOf(community, target).isEmpty());
    return stores.links().messagesOf(community, target).get(0).id();
  }

  private static long idOf(String messageId) {
    return Long.parseLong(DiscordIds.messageOf(messageId));
  }

  private String shown(String messageId) {
    return fake.message(idOf(messageId)).map(FakeMessage::text).orElse("");
  }

  private List<FakeMember> members(int count) {
    var members = new ArrayList<FakeMember>();
    for (int m = 1; m <= count; m++) {
      members.add(fake.member(guild.id(), "member" + m));
    }
    return members;
  }

  private CompletableFuture<Void> atOnce(List<Runnable> acts) {
    return CompletableFuture.allOf(acts.stream().map(act -> CompletableFuture.runAsync(act, people))
        .toArray(CompletableFuture[]::new));
  }

  /** A member's pause, as people take one between reading and writing. */
  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void openWithAView() {
    told(command(ana, channel, "open", Map.of("title", "Should we answer the ministry's consultation?")), "Q1");
    linked(new Target.QuestionCard(new QuestionId(1)));
    told(command(ana, channel, "view", Map.of("question", "Q1", "text", "We should, with an opt-out")), "V1");
  }

  @Test
  void twentyFiveMembersVoteWithinTwoSecondsOfTheDraftAppearingAndEveryVoteCounts() {
    openWithAView();
    var voters = members(25);
    var appeared = new AtomicLong();
    var lastVote = new AtomicLong();
    var voting = new AtomicReference<CompletableFuture<Void>>();
    fake.onMessageCreated(message -> {
      if (message.text().contains("Draft v1 of Q1") && voting.get() == null) {
        appeared.set(System.nanoTime());
        var acts = new ArrayList<Runnable>();
        for (var voter : voters.subList(0, 24)) {
          acts.add(() -> fake.reactionAdd(guild.id(), message.channelId(), message.id(), voter.userId(), "✅"));
        }
        var last = voters.get(24);
        acts.add(() -> {
          fake.reactionAdd(guild.id(), message.channelId(), message.id(), last.userId(), "✅");
          fake.reactionRemove(guild.id(), message.channelId(), message.id(), last.userId(), "✅");
          fake.reactionAdd(guild.id(), message.channelId(), message.id(), last.userId(), "❌");
        });
        voting.set(atOnce(acts).thenRun(() -> lastVote.set(System.nanoTime())));
      }
    });

    told(command(ana, channel, "draft", Map.of("question", "Q1", "text",
        "We answer the ministry: support, with an opt-out and audits.")), "v1");
    until("the votes cast", () -> voting.get() != null && voting.get().isDone());
    voting.get().join();
    var castWithin = Duration.ofNanos(lastVote.get() - appeared.get());
    assertThat(castWithin).as("all votes cast within two seconds of the draft appearing").isLessThan(Duration.ofSeconds(2));

    var draft = linked(new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)));
    until("the exact tally shown", () -> shown(draft).contains("24 agree") && shown(draft).contains("1 disagree"));
    var exactAfter = Duration.ofNanos(System.nanoTime() - lastVote.get());
    assertThat(stores.questions().find(community, new QuestionId(1)).orElseThrow().draft(new DraftVersion(1))
        .orElseThrow().ballots()).hasSize(25);

    told(command(ana, channel, "close", Map.of("question", "Q1")), "Q1");
    until("the outcome posted", () -> fake.messages(channel).stream().anyMatch(m -> m.text().contains("Q1 closed")));
    var outcome = fake.messages(channel).stream().filter(m -> m.text().contains("Q1 closed")).findFirst().orElseThrow();
    assertThat(outcome.text()).contains("24 agree").contains("1 disagree");
    assertThat(fake.violations()).isEmpty();
    assertThat(fake.unacknowledged()).isEmpty();
    System.out.printf("discord votes at human speed: 25 of 25 votes counted (cast within %d ms of the draft appearing); "
            + "exact tally shown %.1f s after the last vote; %d calls answered 429%n", castWithin.toMillis(),
        exactAfter.toMillis() / 1000.0, fake.rateLimited());
  }

  @Test
  void twelveMembersReactToAViewTheMomentItAppears() {
    told(command(ana, channel, "open", Map.of("title", "Should we answer the ministry's consultation?")), "Q1");
    linked(new Target.QuestionCard(new QuestionId(1)));
    var voters = members(12);
    var voting = new AtomicReference<CompletableFuture<Void>>();
    fake.onMessageCreated(message -> {
      if (message.text().contains("V1 · view") && voting.get() == null) {
        var acts = new ArrayList<Runnable>();
        for (int m = 0; m < 12; m++) {
          var voter = voters.get(m);
          var emoji = m < 9 ? "👍" : m < 11 ? "👎" : "🤷";
          acts.add(() -> fake.reactionAdd(guild.id(), message.channelId(), message.id(), voter.userId(), emoji));
        }
        voting.set(atOnce(acts));
      }
    });

    told(command(ana, channel, "view", Map.of("question", "Q1", "text", "We should answer, and say what worries us")),
        "V1");
    until("the votes cast", () -> voting.get() != null && voting.get().isDone());
    var view = linked(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    // Its author agrees with their own view: twelve members and the author.
    until("the view's exact tally shown", () -> shown(view).contains("10 agree") && shown(view).contains("2 disagree")
        && shown(view).contains("1 pass"));
    assertThat(stores.questions().find(community, new QuestionId(1)).orElseThrow().statement(new StatementId(1))
        .orElseThrow().votes()).hasSize(12);
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void theDrafterIsAnsweredWithinTwoSecondsWhileEarlierDraftsAreStillBeingSeeded() {
    openWithAView();
    // Three drafts in a row: their seeds (four on each of six messages, one a quarter second per channel) queue.
    for (int v = 1; v <= 3; v++) {
      command(ana, channel, "draft", Map.of("question", "Q1", "text", "Draft number " + v + " of our answer."));
    }
    var third = linked(new Target.DraftAnnouncement(new QuestionId(1), new DraftVersion(3)));
    // Discord makes the seeding wait: whatever is left of it stays queued while the next draft comes.
    fake.rateLimitNext("PUT channels/\\d+/messages/\\d+/reactions/.+", 5);
    sleep(Duration.ofMillis(1_500));
    long queued = 24 - fake.calls().stream().filter(c -> c.method().equals("PUT") && c.path().contains("/reactions/")
        && c.status() / 100 == 2).count();
    assertThat(queued).as("seeds still queued when the fourth draft comes").isPositive();

    long sent = System.nanoTime();
    var fourth = command(ana, channel, "draft", Map.of("question", "Q1", "text", "The fourth and final draft."));
    told(fourth, "v4");
    var confirmed = Duration.ofNanos(System.nanoTime() - sent);
    assertThat(confirmed).as("the drafter's private confirmation").isLessThan(Duration.ofSeconds(2));

    var thread = linked(new Target.DraftMessage(new QuestionId(1), new DraftVersion(4)));
    var announcement = linked(new Target.DraftAnnouncement(new QuestionId(1), new DraftVersion(4)));
    var announcedAt = fake.message(idOf(announcement)).orElseThrow().revisions().get(0).at();
    until("the fourth draft seeded", () -> fake.reactionsOf(idOf(thread)).size() == 4);
    var lastSeed = fake.calls().stream().filter(c -> c.method().equals("PUT")
        && c.path().contains("messages/" + idOf(thread) + "/reactions/")).reduce((a, b) -> b).orElseThrow();
    assertThat(announcedAt).as("announced without waiting for the draft's seeds").isBefore(lastSeed.at());
    assertThat(third).isNotEmpty();
    System.out.printf("discord drafter answered: %d ms from the command to the confirmation, with %d seeds of three "
        + "earlier drafts queued%n", confirmed.toMillis(), queued);
  }
}
