package dev.chorus.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.QuestionId;
import dev.chorus.discord.fake.FakeDiscord;
import dev.chorus.discord.fake.FakeGuild;
import dev.chorus.discord.fake.FakeInteraction;
import dev.chorus.discord.fake.FakeMember;
import dev.chorus.discord.fake.FakeMessage;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.InMemoryPinnedRoles;
import dev.chorus.testkit.InMemoryStores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The facilitator role as Discord servers have it: roles with ids and names, names that repeat, roles
 * made while Chorus runs. The real JDA against the fake Discord, on in-memory stores and pins that
 * outlive a restart of the adapter.
 */
class DiscordRolesTest {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private FakeDiscord fake;
  private FakeGuild guild;
  private CommunityId community;
  private long channel;
  private FakeMember opener;
  private final InMemoryStores stores = new InMemoryStores(Clock.systemUTC());
  private final InMemoryPinnedRoles pins = new InMemoryPinnedRoles();
  private @Nullable DiscordPlatform platform;
  /** What DiscordFacilitators logs, through java.util.logging as System.Logger reaches it in these tests. */
  private final Logger log = Logger.getLogger("dev.chorus.discord.DiscordFacilitators");
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(new java.util.logging.SimpleFormatter().formatMessage(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void startFake() {
    fake = new FakeDiscord();
    guild = fake.guild("Commons", 7_101L);
    community = DiscordIds.community(guild.id());
    channel = guild.firstChannel();
    opener = fake.member(guild.id(), "olga");
    log.addHandler(recorder);
  }

  @AfterEach
  void stop() {
    log.removeHandler(recorder);
    if (platform != null) {
      platform.close();
    }
    fake.close();
  }

  /** Chorus on Discord with CHORUS_FACILITATOR_ROLE set as given. */
  private void start(String facilitatorRole) throws InterruptedException {
    var settings = new DiscordSettings(FakeDiscord.TOKEN, fake.apiUrl(), fake.gatewayUrl(), List.of(guild.id()), 1,
        List.of(), facilitatorRole);
    platform = new DiscordPlatform(settings, chat -> new Chorus(stores.stores(), chat,
        new Pseudonyms(Conversation.TEST_SECRET), Clock.systemUTC(), Settings.DEFAULTS, new SplittableRandom(5)),
        Executors.newFixedThreadPool(2), pins);
    assertThat(platform.awaitReady(PATIENCE)).as("connected to the fake").isTrue();
  }

  private void restart(String facilitatorRole) throws InterruptedException {
    platform.close();
    platform = null;
    start(facilitatorRole);
  }

  /** What the member was told privately about the interaction, once told, as they read it (no Markdown escapes). */
  private String told(FakeInteraction interaction) {
    fake.await("an answer to " + interaction.id(), () -> fake.repliesTo(interaction.id()).stream()
        .anyMatch(m -> !m.text().isBlank()), PATIENCE);
    assertThat(fake.repliesTo(interaction.id())).allMatch(FakeMessage::ephemeral);
    return String.join("\n", fake.repliesTo(interaction.id()).stream().map(FakeMessage::text).toList())
        .replaceAll("\\\\(.)", "$1");
  }

  private String command(FakeMember who, String subcommand, Map<String, ?> options) {
    return told(fake.slashCommand(guild.id(), channel, who.userId(), DiscordCommands.NAME, subcommand, options));
  }

  /** Opens a question as a member who holds no role, so only a facilitator by role can change it. */
  private QuestionId opened(String title) {
    var answer = command(opener, "open", Map.of("title", title));
    var number = stores.questions().inChannel(community, new dev.chorus.core.community.ChannelId(
        String.valueOf(channel)), java.time.Instant.MIN).size();
    assertThat(answer).contains("Q" + number);
    return new QuestionId(number);
  }

  /** Whether the member could rename the question, which only its facilitators may do. */
  private boolean renames(FakeMember who, QuestionId question, String title) {
    var answer = command(who, "edit", Map.of("question", question.toString(), "title", title));
    var renamed = stores.questions().find(community, question).orElseThrow().title().equals(title);
    assertThat(renamed).as("told \"%s\"", answer).isEqualTo(!answer.contains("Only a facilitator"));
    return renamed;
  }

  @Test
  void aRoleMadeLaterWithTheFacilitatorRolesNameGivesNoRightsNotEvenAfterARestart() throws Exception {
    var facilitators = fake.role(guild.id(), "Facilitators");
    var fay = fake.member(guild.id(), "fay");
    fake.grantRole(fay, facilitators);
    start("Facilitators");
    var q1 = opened("Where do we meet?");
    assertThat(renames(fay, q1, "Where do we meet next year?")).as("the role's holder facilitates").isTrue();

    // Anyone with Manage Roles can make a role of the same name, in any case, and hold it.
    var lookalike = fake.role(guild.id(), "facilitators");
    var mallory = fake.member(guild.id(), "mallory");
    fake.grantRole(mallory, lookalike);
    assertThat(renames(mallory, q1, "Mallory's question")).as("a look-alike role's holder").isFalse();

    restart("Facilitators");
    assertThat(renames(mallory, q1, "Mallory's question")).as("a look-alike role's holder after a restart").isFalse();
    assertThat(renames(fay, q1, "Where do we meet in 2028?")).as("the pinned role's holder after a restart").isTrue();
    assertThat(pins.pinned(community, "facilitators")).contains(String.valueOf(facilitators.id()));
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void theFacilitatorRoleGivenByIdIsTheOneThatCountsWhateverItsName() throws Exception {
    var facilitators = fake.role(guild.id(), "Facilitators");
    var lookalike = fake.role(guild.id(), "Facilitators");
    var fay = fake.member(guild.id(), "fay");
    var mallory = fake.member(guild.id(), "mallory");
    fake.grantRole(fay, facilitators);
    fake.grantRole(mallory, lookalike);
    start(String.valueOf(facilitators.id()));
    var q1 = opened("Which charity this year?");

    assertThat(renames(fay, q1, "Which charity in 2027?")).as("the role named by its id").isTrue();
    assertThat(renames(mallory, q1, "Mallory's charity")).as("another role of the same name").isFalse();
    assertThat(pins.pinned(community, "facilitators")).as("an id needs no pin").isEmpty();
  }

  /** Everything the member was told about the interaction once it says {@code words}. */
  private String toldUntil(FakeInteraction interaction, String words) {
    fake.await("\"" + words + "\" in the answer to " + interaction.id(), () -> fake.repliesTo(interaction.id()).stream()
        .anyMatch(m -> m.text().replace("\\", "").contains(words)), PATIENCE);
    return told(interaction);
  }

  @Test
  void aNameSeveralRolesBearIsRefusedLoggedAndItsHoldersToldPrivatelyToSetTheRolesId() throws Exception {
    var first = fake.role(guild.id(), "Facilitators");
    fake.role(guild.id(), "FACILITATORS");
    var fay = fake.member(guild.id(), "fay");
    fake.grantRole(fay, first);
    var ben = fake.member(guild.id(), "ben");
    start("Facilitators");
    var q1 = opened("What do we answer the council?");

    var answer = toldUntil(fake.slashCommand(guild.id(), channel, fay.userId(), DiscordCommands.NAME, "edit",
        Map.of("question", "Q1", "title", "Fay's title")), "CHORUS_FACILITATOR_ROLE");

    assertThat(answer).contains("Only a facilitator").contains("several roles bear its name").contains("role's id");
    assertThat(stores.questions().find(community, q1).orElseThrow().title()).isEqualTo("What do we answer the council?");
    assertThat(toldUntil(fake.slashCommand(guild.id(), channel, fay.userId(), DiscordCommands.NAME, "view",
        Map.of("text", "My view")), "CHORUS_FACILITATOR_ROLE")).as("told with every answer while it lasts")
        .contains("V1");
    var bens = fake.slashCommand(guild.id(), channel, ben.userId(), DiscordCommands.NAME, "view",
        Map.of("text", "Ben's view"));
    assertThat(told(bens)).contains("V2");
    Thread.sleep(1_000);
    assertThat(told(bens)).as("a member without such a role is not told").doesNotContain("CHORUS_FACILITATOR_ROLE");
    assertThat(logged).filteredOn(line -> line.contains("CHORUS_FACILITATOR_ROLE")).hasSize(1)
        .allSatisfy(line -> assertThat(line).contains("2 roles").contains(String.valueOf(guild.id())));
    assertThat(pins.pinned(community, "facilitators")).as("nothing pinned").isEmpty();
  }
}
