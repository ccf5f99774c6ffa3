package dev.chorus.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.discord.fake.FakeDiscord;
import dev.chorus.discord.fake.FakeGuild;
import dev.chorus.discord.fake.FakeInteraction;
import dev.chorus.discord.fake.FakeMember;
import dev.chorus.discord.fake.FakeMessage;
import dev.chorus.discord.fake.FakeRole;
import dev.chorus.discord.fake.PermissionOverwrite;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.InMemoryPinnedRoles;
import dev.chorus.testkit.InMemoryStores;
import dev.chorus.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who can see a Discord channel, as JDA computes it from roles and permission overwrites, with members
 * asked of Discord since Chorus has no members intent: the real JDA against the fake Discord.
 */
class DiscordChannelAccessTest {
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final String MEMBER_ROUTE = "GET guilds/\\d+/members/\\d+";

  private FakeDiscord fake;
  private FakeGuild guild;
  private CommunityId community;
  private long general;
  private long canteen;
  private long hrPrivate;
  /** Owns the server, so sees every channel whatever its overwrites. */
  private FakeMember olga;
  private FakeMember hana;
  private FakeMember rita;
  private FakeMember bob;
  private FakeRole hr;
  private final InMemoryStores stores = new InMemoryStores(Clock.systemUTC());
  private final MutableClock clock = MutableClock.at("2026-12-01T09:00:00Z");
  private DiscordPlatform platform;
  private DiscordChat chat;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord();
    guild = fake.guild("Commons", 7_301L, 7_302L);
    community = DiscordIds.community(guild.id());
    general = guild.textChannelIds().get(0);
    canteen = guild.textChannelIds().get(1);
    olga = fake.member(guild.id(), "olga");
    hana = fake.member(guild.id(), "hana");
    rita = fake.member(guild.id(), "rita");
    bob = fake.member(guild.id(), "bob");
    hr = fake.role(guild.id(), "HR");
    fake.grantRole(rita, hr);
    // Made before Chorus connects: JDA learns its overwrites from GUILD_CREATE.
    hrPrivate = fake.privateChannel(guild.id(), "hr-private", List.of(hr), List.of(hana));
    var settings = new DiscordSettings(FakeDiscord.TOKEN, fake.apiUrl(), fake.gatewayUrl(), List.of(guild.id()), 1,
        List.of(), null);
    platform = new DiscordPlatform(settings, chat -> new Chorus(stores.stores(), chat,
        new Pseudonyms(Conversation.TEST_SECRET), Clock.systemUTC(), Settings.DEFAULTS, new SplittableRandom(7)),
        Executors.newFixedThreadPool(2), new InMemoryPinnedRoles());
    assertThat(platform.awaitReady(PATIENCE)).as("connected to the fake").isTrue();
    chat = new DiscordChat(platform::shards, clock, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    fake.close();
  }

  private ChannelAccess access(FakeMember who, long channel) {
    return access(who.userId(), channel);
  }

  private ChannelAccess access(long user, long channel) {
    return chat.access(community, new MemberId(Long.toUnsignedString(user)), new ChannelId(Long.toUnsignedString(channel)));
  }

  private List<Integer> memberLookups() {
    return fake.calls("GET", "guilds/\\d+/members/\\d+").stream().map(c -> c.status()).toList();
  }

  @Test
  void aMemberWithoutAnAllowingOverwriteFindsAPrivateChannelClosed() {
    assertThat(fake.canView(bob.userId(), hrPrivate)).as("the fake agrees").isFalse();

    assertThat(access(bob, hrPrivate)).isEqualTo(ChannelAccess.CLOSED);
    assertThat(access(bob, general)).isEqualTo(ChannelAccess.SEES);
  }

  @Test
  void anAllowingRoleOrMemberOverwriteLetsAMemberSeeAPrivateChannel() {
    assertThat(access(rita, hrPrivate)).as("by the HR role").isEqualTo(ChannelAccess.SEES);
    assertThat(access(hana, hrPrivate)).as("by her own overwrite").isEqualTo(ChannelAccess.SEES);
    assertThat(access(olga, hrPrivate)).as("the server's owner").isEqualTo(ChannelAccess.SEES);
  }

  @Test
  void anOrdinaryChannelIsSeenByEveryMemberAskedOfDiscordOnce() {
    assertThat(access(bob, general)).isEqualTo(ChannelAccess.SEES);
    assertThat(access(bob, canteen)).isEqualTo(ChannelAccess.SEES);
    assertThat(access(hana, canteen)).isEqualTo(ChannelAccess.SEES);

    assertThat(memberLookups()).as("each member asked once, then kept").containsExactly(200, 200);
  }

  @Test
  void anUnknownChannelOrAFailingDiscordIsUnknownAndAFailureIsNotKept() {
    assertThat(access(bob, 9_999L)).as("no such channel").isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(chat.access(DiscordIds.community(42L), new MemberId(Long.toUnsignedString(bob.userId())),
        new ChannelId(Long.toUnsignedString(hrPrivate)))).as("a channel of another server").isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(chat.access(community, new MemberId("not-a-snowflake"), new ChannelId(Long.toUnsignedString(hrPrivate))))
        .isEqualTo(ChannelAccess.UNKNOWN);

    fake.failNext(MEMBER_ROUTE);
    assertThat(access(bob, hrPrivate)).as("while Discord fails").isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(access(bob, hrPrivate)).as("asked again").isEqualTo(ChannelAccess.CLOSED);
    assertThat(memberLookups()).containsExactly(500, 200);
  }

  @Test
  void aSlowDiscordIsUnknownWithinTheLookupTimeAndNotKept() {
    fake.latency(Duration.ofSeconds(4), Duration.ofSeconds(4));
    long started = System.nanoTime();
    assertThat(access(bob, hrPrivate)).isEqualTo(ChannelAccess.UNKNOWN);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

    fake.latency(Duration.ZERO, Duration.ZERO);
    // JDA sends a route's requests one after another: the next lookup waits for the slow one's answer.
    fake.await("Bob asked again", () -> access(bob, hrPrivate) == ChannelAccess.CLOSED, PATIENCE);
    assertThat(memberLookups()).as("the slow answer was not kept").hasSizeGreaterThan(1);
  }

  @Test
  void someoneNotInTheServerSeesNoneOfItsChannels() {
    var elsewhere = fake.guild("Elsewhere");
    var zed = fake.member(elsewhere.id(), "zed");

    assertThat(access(zed, hrPrivate)).isEqualTo(ChannelAccess.CLOSED);
    assertThat(access(zed, general)).isEqualTo(ChannelAccess.CLOSED);
    assertThat(memberLookups()).as("Unknown Member, kept").containsExactly(404);
  }

  @Test
  void aChannelMadePrivateLaterCountsAtOnce() {
    var project = fake.textChannel(guild.id(), "project");
    fake.await("JDA knows the channel", () -> platform.shards().getGuildChannelById(project) != null, PATIENCE);
    assertThat(access(bob, project)).isEqualTo(ChannelAccess.SEES);

    fake.permissionOverwrites(project, PermissionOverwrite.everyone(guild.id(), 0, FakeDiscord.VIEW_CHANNEL),
        PermissionOverwrite.member(FakeDiscord.BOT_USER_ID, FakeDiscord.VIEW_CHANNEL, 0));

    fake.await("Bob shut out", () -> access(bob, project) == ChannelAccess.CLOSED, PATIENCE);
    assertThat(memberLookups()).as("the member kept, the channel read afresh").hasSize(1);
  }

  @Test
  void aRoleGivenToAMemberCountsOnceTheyAreAskedAgain() {
    assertThat(access(bob, hrPrivate)).isEqualTo(ChannelAccess.CLOSED);
    fake.grantRole(bob, hr);

    clock.advance(Duration.ofSeconds(90));
    assertThat(access(bob, hrPrivate)).as("still kept").isEqualTo(ChannelAccess.CLOSED);
    // Past the two minutes a member is kept.
    clock.advance(Duration.ofSeconds(60));
    assertThat(access(bob, hrPrivate)).as("asked again").isEqualTo(ChannelAccess.SEES);
  }

  /** What the member was told privately about the interaction, once told, as they read it (no Markdown escapes). */
  private String told(FakeInteraction interaction) {
    fake.await("an answer to " + interaction.id(), () -> fake.repliesTo(interaction.id()).stream()
        .anyMatch(m -> !m.text().isBlank()), PATIENCE);
    return String.join("\n", fake.repliesTo(interaction.id()).stream().map(FakeMessage::text).toList())
        .replaceAll("\\\\(.)", "$1");
  }

  private String command(FakeMember who, long where, String subcommand, Map<String, ?> options) {
    return told(fake.slashCommand(guild.id(), where, who.userId(), DiscordCommands.NAME, subcommand, options));
  }

  @Test
  void listAllFromAMemberWhoCannotSeeAPrivateChannelNeitherNamesNorCountsItsQuestion() {
    assertThat(command(hana, hrPrivate, "open", Map.of("title", "Pay grades for the Harlow team"))).contains("Q1");
    assertThat(command(bob, canteen, "open", Map.of("title", "Canteen opening hours"))).contains("Q2");

    var bobs = command(bob, general, "list", Map.of("all", true));
    assertThat(bobs).contains("Canteen opening hours").doesNotContain("Pay grades").doesNotContain("Harlow")
        .doesNotContain(Long.toUnsignedString(hrPrivate)).doesNotContain("cannot check");
    assertThat(command(rita, general, "list", Map.of("all", true))).as("in HR")
        .contains("Pay grades for the Harlow team").contains("Canteen opening hours");
  }
}
