package dev.chorus.benchmarks.load;

import dev.chorus.app.PlatformWorkers;
import dev.chorus.app.bench.BenchRedis;
import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.store.RedisPinnedRoles;
import dev.chorus.core.Chorus;
import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import dev.chorus.discord.DiscordCommands;
import dev.chorus.discord.DiscordIds;
import dev.chorus.discord.DiscordPlatform;
import dev.chorus.discord.DiscordSettings;
import dev.chorus.discord.fake.FakeDiscord;
import dev.chorus.discord.fake.FakeMember;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * Members voting in Discord through the real JDA with Chorus's listeners, against the fake Discord
 * (its REST latency and rate limits, its gateway), on the embedded Redis: on the first view by the
 * {@code vote} slash command, whose acknowledgement is the interaction's first response, and on the
 * other views by reaction. The baseline is a JDA app that only acknowledges the same commands.
 */
final class DiscordLoad {
  private static final Pattern AGREE = Pattern.compile("(\\d+) agree");
  private static final Duration SETTLE = Duration.ofMinutes(10);
  private static final Duration READY = Duration.ofSeconds(60);

  private DiscordLoad() {}

  static SlackLoad.Run chorus(int members, int statements, Duration window, long seed) throws Exception {
    var bench = BenchRedis.start("chorus-load-discord");
    var template = bench.redis;
    Stores stores = RedisConfiguration.stores(template, Clock.systemUTC());
    var fake = new FakeDiscord();
    var guild = fake.guild("Commons", 7_001L);
    var people = people(fake, guild.id(), members);
    var opener = fake.admin(guild.id(), "opener");
    var pseudonyms = new Pseudonyms("load-benchmark-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    var platform = new DiscordPlatform(new DiscordSettings(FakeDiscord.TOKEN, fake.apiUrl(), fake.gatewayUrl(),
        List.of(guild.id()), 1, List.of(), null), chat -> new Chorus(stores, chat, pseudonyms, Clock.systemUTC(),
        Settings.DEFAULTS, new Random(seed)), PlatformWorkers.named("chorus-discord"), new RedisPinnedRoles(template));
    try {
      if (!platform.awaitReady(READY)) {
        throw new IllegalStateException("Chorus did not connect to the fake Discord");
      }
      var community = DiscordIds.community(guild.id());
      fake.slashCommand(guild.id(), guild.firstChannel(), opener.userId(), DiscordCommands.NAME, StandardCommands.OPEN.keyword(),
          Map.of(StandardCommands.TITLE, "How should we answer the ministry's consultation?"));
      Question.await(() -> !stores.links().messagesOf(community, new Target.QuestionCard(new QuestionId(1))).isEmpty(), READY,
          "the question posted");
      var messages = new ArrayList<String>();
      for (int s = 0; s < statements; s++) {
        var author = fake.member(guild.id(), "author" + s);
        fake.slashCommand(guild.id(), guild.firstChannel(), author.userId(), DiscordCommands.NAME,
            StandardCommands.VIEW.keyword(),
            Map.of(StandardCommands.TEXT, "View " + (s + 1) + ": we should answer, and say so plainly"));
        var target = new Target.StatementMessage(new QuestionId(1), new StatementId(s + 1));
        Question.await(() -> !stores.links().messagesOf(community, target).isEmpty(), READY, "view " + (s + 1) + " posted");
        messages.add(stores.links().messagesOf(community, target).get(0).id());
      }
      var before = Question.due(stores, community, statements);
      java.util.function.Function<String, List<Question.Edit>> edits = message -> edits(fake, message);
      var plan = Ballot.plan(members, statements, window, seed);
      var sent = new HashMap<Integer, List<Instant>>();
      var interactions = new ArrayList<Long>();
      long start = System.nanoTime();
      for (var ballot : plan) {
        ballot.awaitMoment(start);
        var message = messages.get(ballot.statement());
        long channel = Long.parseLong(DiscordIds.channelOf(message));
        sent.computeIfAbsent(ballot.statement(), s -> new ArrayList<>()).add(Instant.now());
        var member = people.get(ballot.member());
        if (ballot.statement() == 0) {
          // The first view by command, in the thread where the views are.
          interactions.add(fake.slashCommand(guild.id(), channel, member.userId(), DiscordCommands.NAME, StandardCommands.VOTE.keyword(),
              Map.of("item", "V1", "choice", "agree")).id());
        } else {
          fake.reactionAdd(guild.id(), channel, Long.parseLong(DiscordIds.messageOf(message)), member.userId(), "👍");
        }
      }
      var settled = System.nanoTime() + SETTLE.toNanos();
      long votes = (long) members * statements;
      Question.awaitAtMost(() -> Question.counted(stores, community, statements) == votes,
          Duration.ofNanos(settled - System.nanoTime()));
      var storedAfter = Duration.ofNanos(System.nanoTime() - start);
      Question.awaitAtMost(() -> Question.shown(messages, edits) == Question.sum(Question.due(stores, community,
          statements)), Duration.ofNanos(settled - System.nanoTime()));
      var acknowledgements = new Figures();
      for (var id : interactions) {
        acknowledgements.add(fake.firstResponse(id).orElse(Duration.ofSeconds(3)));
      }
      var voteToTally = Question.voteToTally(messages, edits, sent, before);
      System.gc();
      long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
      var windowOpened = Instant.now().minusNanos(System.nanoTime() - start);
      return new SlackLoad.Run(acknowledgements, voteToTally, (int) votes, Question.counted(stores, community, statements),
          Question.sum(Question.due(stores, community, statements)), Question.shown(messages, edits), storedAfter,
          Duration.between(windowOpened, Question.lastEdit(messages, edits)), heap);
    } finally {
      platform.close();
      fake.close();
      bench.close();
    }
  }

  /** The same commands, acknowledged by a JDA app that does nothing else (a private deferred reply). */
  static Figures baseline(int members, int statements, Duration window, long seed) throws Exception {
    var fake = new FakeDiscord();
    var guild = fake.guild("Commons", 7_001L);
    var people = people(fake, guild.id(), members);
    JDA jda = JDABuilder.createLight(FakeDiscord.TOKEN, GatewayIntent.GUILD_MESSAGE_REACTIONS)
        .setRestConfig(new net.dv8tion.jda.api.requests.RestConfig().setBaseUrl(fake.apiUrl()))
        .setSessionController(new DiscordPlatform.GatewayAt(fake.gatewayUrl()))
        .setCompression(net.dv8tion.jda.api.utils.Compression.NONE)
        .addEventListeners(new ListenerAdapter() {
          @Override
          public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            event.deferReply(true).queue();
          }
        }).build();
    try {
      jda.awaitReady();
      var plan = Ballot.plan(members, statements, window, seed);
      var interactions = new ArrayList<Long>();
      long start = System.nanoTime();
      for (var ballot : plan) {
        ballot.awaitMoment(start);
        if (ballot.statement() == 0) {
          interactions.add(fake.slashCommand(guild.id(), guild.firstChannel(), people.get(ballot.member()).userId(),
              DiscordCommands.NAME, StandardCommands.VOTE.keyword(), Map.of("item", "V1", "choice", "agree")).id());
        }
      }
      Thread.sleep(3_000);
      var acknowledgements = new Figures();
      for (var id : interactions) {
        acknowledgements.add(fake.firstResponse(id).orElse(Duration.ofSeconds(3)));
      }
      return acknowledgements;
    } finally {
      jda.shutdownNow();
      fake.close();
    }
  }

  private static List<FakeMember> people(FakeDiscord fake, long guild, int members) {
    var people = new ArrayList<FakeMember>();
    for (int m = 0; m < members; m++) {
      people.add(fake.member(guild, "member" + m));
    }
    return people;
  }

  /** The message's edits that Discord took, with the agree count each showed. */
  private static List<Question.Edit> edits(FakeDiscord fake, String message) {
    var path = "channels/" + DiscordIds.channelOf(message) + "/messages/" + DiscordIds.messageOf(message);
    var edits = new ArrayList<Question.Edit>();
    for (var call : fake.calls("PATCH", Pattern.quote(path))) {
      if (call.status() / 100 != 2) {
        continue;
      }
      var matcher = AGREE.matcher(call.body());
      if (matcher.find()) {
        edits.add(new Question.Edit(call.at(), Long.parseLong(matcher.group(1))));
      }
    }
    return edits;
  }
}
