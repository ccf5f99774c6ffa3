package dev.chorus.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
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
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Discord adapter as members meet it: the real JDA against the fake Discord, on in-memory stores.
 * Every interaction's first response is timed by the fake; every message create and edit is checked
 * against Discord's rules (lengths, {@code allowed_mentions}).
 */
class DiscordPlatformTest {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private FakeDiscord fake;
  private FakeGuild guild;
  private CommunityId community;
  private long channel;
  private FakeMember ana;
  private FakeMember ben;
  private InMemoryStores stores;
  private DiscordPlatform platform;
  /** While set, every read of questions takes this long, as a struggling store would. */
  private volatile Duration slowReads = Duration.ZERO;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord();
    guild = fake.guild("Commons", 7_001L, 7_002L);
    community = DiscordIds.community(guild.id());
    channel = guild.firstChannel();
    ana = fake.admin(guild.id(), "ana");
    ben = fake.member(guild.id(), "ben");
    stores = new InMemoryStores(Clock.systemUTC());
    var settings = new DiscordSettings(FakeDiscord.TOKEN, fake.apiUrl(), fake.gatewayUrl(), List.of(guild.id()), 1,
        List.of(), null);
    var real = stores.stores();
    var questions = (dev.chorus.core.question.Questions) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {dev.chorus.core.question.Questions.class}, (proxy, method, args) -> {
          Thread.sleep(slowReads.toMillis());
          try {
            return method.invoke(real.questions(), args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    var slowable = new dev.chorus.core.Stores(questions, real.ballots(), real.links(), real.channelDigests(),
        real.memberPreferences(), real.claims(), real.seenReactions(), real.sharedReports());
    platform = new DiscordPlatform(settings, chat -> new Chorus(slowable, chat,
        new Pseudonyms(Conversation.TEST_SECRET), Clock.systemUTC(), Settings.DEFAULTS, new SplittableRandom(3)),
        Executors.newFixedThreadPool(4), new InMemoryPinnedRoles());
    assertThat(platform.awaitReady(PATIENCE)).as("connected to the fake").isTrue();
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    fake.close();
  }

  private void until(String what, BooleanSupplier done) {
    fake.await(what, done, PATIENCE);
  }

  private FakeInteraction command(FakeMember who, long where, String subcommand, Map<String, ?> options) {
    return fake.slashCommand(guild.id(), where, who.userId(), DiscordCommands.NAME, subcommand, options);
  }

  /** What the member was told privately, once told. */
  private String told(FakeInteraction interaction) {
    until("an answer to " + interaction.id(), () -> fake.repliesTo(interaction.id()).stream()
        .anyMatch(m -> !m.text().isBlank()));
    return String.join("\n", fake.repliesTo(interaction.id()).stream().map(FakeMessage::text).toList());
  }

  private Question question(int number) {
    return stores.questions().find(community, new QuestionId(number)).orElseThrow();
  }

  private String messageOf(Target target) {
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
  void aQuestionGetsItsCardAndThreadAndViewsAreVotedWithReactions() {
    var open = command(ana, channel, "open", Map.of("title", "Should we answer the consultation?", "deadline", "7d"));
    assertThat(told(open)).contains("Q1");
    var card = messageOf(new Target.QuestionCard(new QuestionId(1)));
    assertThat(channelOf(card)).isEqualTo(channel);
    assertThat(fake.message(idOf(card)).orElseThrow().text()).contains("Should we answer the consultation?")
        .containsPattern("<t:\\d+:f>");

    var view = command(ben, channel, "view", Map.of("text", "Yes, with conditions"));
    assertThat(told(view)).contains("V1");
    var v1 = messageOf(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    // The view is in the thread started from the card: the thread's id is the card's.
    assertThat(channelOf(v1)).isEqualTo(idOf(card));
    until("vote reactions seeded", () -> fake.reactionsOf(idOf(v1)).size() == 3);

    fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), ana.userId(), "👍🏽");
    until("ana's vote", () -> question(1).statement(new StatementId(1)).orElseThrow().votes().size() == 1);
    fake.reactionRemove(guild.id(), channelOf(v1), idOf(v1), ana.userId(), "👍🏽");
    until("ana's vote taken back", () -> question(1).statement(new StatementId(1)).orElseThrow().votes().isEmpty());

    assertThat(fake.guildCommands(guild.id())).extracting(c -> c.getString("name"))
        .containsExactly("respond", "Share as my view", "Propose as amendment");
    assertThat(fake.unacknowledged()).isEmpty();
    assertThat(fake.firstResponses().values()).allMatch(took -> took.compareTo(Duration.ofSeconds(3)) < 0);
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void aDraftsTallyIsEditedInPlaceAtMostEveryTwoSecondsAndABlockIsAskedForItsReasonPrivately() {
    told(command(ana, channel, "open", Map.of("title", "Tally")));
    told(command(ana, channel, "draft", Map.of("text", "We support it, with audits.")));
    var draft = messageOf(new Target.DraftMessage(new QuestionId(1), new dev.chorus.core.question.DraftVersion(1)));
    until("draft reactions seeded", () -> fake.reactionsOf(idOf(draft)).size() == 4);
    var voters = List.of(fake.member(guild.id(), "cem"), fake.member(guild.id(), "dan"), fake.member(guild.id(), "eve"),
        ben);
    var choices = List.of("✅", "✅", "❌", "✋");
    for (int i = 0; i < voters.size(); i++) {
      fake.reactionAdd(guild.id(), channelOf(draft), idOf(draft), voters.get(i).userId(), choices.get(i));
    }
    until("the final tally shown", () -> fake.message(idOf(draft)).orElseThrow().text().contains("2 agree")
        && fake.message(idOf(draft)).orElseThrow().text().contains("1 block"));
    var edits = fake.message(idOf(draft)).orElseThrow().editTimes();
    for (int i = 1; i < edits.size(); i++) {
      assertThat(Duration.between(edits.get(i - 1), edits.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(1_950));
    }
    // No interaction to answer a reaction: the request for a reason comes as a direct message.
    until("ben asked why", () -> fake.calls().stream().anyMatch(c -> c.method().equals("POST")
        && c.path().equals("users/@me/channels") && c.body().contains(String.valueOf(ben.userId()))));
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void aScheduledMessageTriedTwiceIsPostedOnceAndARateLimitIsWaitedOut() {
    var card = dev.chorus.core.message.Card.text(dev.chorus.core.message.Text.of("Your digest"));
    var destination = new dev.chorus.core.message.Destination.Channel(
        new dev.chorus.core.community.ChannelId(String.valueOf(channel)));
    fake.rateLimitNext("POST channels/\\d+/messages", 0.3);

    var first = platform.chat().postOnce(community, destination, card, "digest:C1:2026-11-28");
    var again = platform.chat().postOnce(community, destination, card, "digest:C1:2026-11-28");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(fake.messages(channel)).filteredOn(m -> m.text().contains("Your digest")).hasSize(1);
    assertThat(fake.calls()).anyMatch(c -> c.status() == 429);
  }

  @Test
  void whenTheStoreIsTooSlowForAFormTheInteractionIsDeferredInTimeAndTheMemberToldWhatToType() {
    told(command(ana, channel, "open", Map.of("title", "Slow days")));
    slowReads = Duration.ofMillis(2_600);

    var viewForm = command(ben, channel, "view", Map.of());
    var first = fake.awaitCallback(viewForm.id(), PATIENCE);

    assertThat(first.type()).as("deferred, not a modal").isEqualTo(5);
    assertThat(first.sinceDispatch()).isLessThan(Duration.ofSeconds(3));
    assertThat(told(viewForm)).contains("/respond view text:");
    // The open-a-question form reads nothing: it opens in time however slow the store.
    var openForm = command(ana, channel, "open", Map.of());
    var modal = fake.awaitCallback(openForm.id(), PATIENCE);
    assertThat(modal.type()).isEqualTo(9);
    assertThat(modal.sinceDispatch()).isLessThan(Duration.ofSeconds(3));
    slowReads = Duration.ZERO;
  }

  @Test
  void aThreadDiscordArchivedIsOpenedAgainForTheNextViewAndTheNextTally() {
    told(command(ana, channel, "open", Map.of("title", "A quiet question")));
    told(command(ana, channel, "draft", Map.of("text", "A first draft")));
    var card = idOf(messageOf(new Target.QuestionCard(new QuestionId(1))));
    var draft = messageOf(new Target.DraftMessage(new QuestionId(1), new dev.chorus.core.question.DraftVersion(1)));
    assertThat(channelOf(draft)).isEqualTo(card);

    fake.archiveThread(card);
    assertThat(told(command(ben, channel, "view", Map.of("text", "Back after a quiet week")))).contains("V1");
    var v1 = messageOf(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    assertThat(channelOf(v1)).as("still in the question's thread").isEqualTo(card);
    assertThat(fake.archived(card)).isFalse();

    fake.archiveThread(card);
    int before = fake.message(idOf(draft)).orElseThrow().editCount();
    // A vote by command (reactions need the thread open): its tally edit opens the thread again.
    told(command(ben, channel, "vote", Map.of("item", "v1", "choice", "agree")));
    until("the tally edited in the reopened thread",
        () -> fake.message(idOf(draft)).orElseThrow().editCount() > before);
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void aCommandTypedInAQuestionsThreadIsAboutThatQuestion() {
    told(command(ana, channel, "open", Map.of("title", "First")));
    told(command(ana, channel, "open", Map.of("title", "Second")));
    told(command(ana, channel, "view", Map.of("question", "Q2", "text", "Opening the thread")));
    var thread = idOf(messageOf(new Target.QuestionCard(new QuestionId(2))));

    assertThat(told(command(ben, thread, "view", Map.of("text", "Said in the second thread")))).contains("Q2");

    assertThat(question(2).statements()).extracting(s -> s.text()).contains("Said in the second thread");
    assertThat(question(1).statements()).isEmpty();
  }

  @Test
  void aWrongTokenOrAnUnreachableDiscordStopsStartUpNamingTheSettingAndNeverTheToken() {
    var wrong = new DiscordSettings("not-the-token-0123", fake.apiUrl(), fake.gatewayUrl(), List.of(), 1, List.of(), null);
    var unreachable = new DiscordSettings(FakeDiscord.TOKEN, "http://127.0.0.1:1/api/v10/", null, List.of(), 1,
        List.of(), null);

    for (var settings : List.of(wrong, unreachable)) {
      var failure = org.assertj.core.api.Assertions.catchThrowable(() -> new DiscordPlatform(settings,
          chat -> new Chorus(stores.stores(), chat, new Pseudonyms(Conversation.TEST_SECRET), Clock.systemUTC(),
              Settings.DEFAULTS, new SplittableRandom(1)), Executors.newSingleThreadExecutor(), new InMemoryPinnedRoles()));
      assertThat(failure).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(settings == wrong ? "DISCORD_TOKEN" : "CHORUS_DISCORD_API_URL");
      assertThat(failure.getMessage()).doesNotContain(settings.token());
    }
  }

  @Test
  void aMembersMessageInAQuestionsThreadBecomesTheirViewThroughTheMessageCommandAndOthersAreRefused() {
    assertThat(fake.guildCommands(guild.id())).extracting(c -> c.getString("name") + " " + c.getInt("type"))
        .contains("Share as my view 3", "Propose as amendment 3");
    told(command(ana, channel, "open", Map.of("title", "Shall we answer the ministry?")));
    told(command(ana, channel, "view", Map.of("text", "Ana's own view")));
    var thread = idOf(messageOf(new Target.QuestionCard(new QuestionId(1))));
    until("the question's thread", () -> !fake.messages(thread).isEmpty());

    // Ben's own message in the thread: the form is the first response, filled with his words.
    var share = fake.messageCommand(guild.id(), thread, ben.userId(), "Share as my view", ben.userId(),
        "We should, with an opt-out");
    var modal = fake.awaitCallback(share.id(), PATIENCE);
    assertThat(modal.type()).isEqualTo(9);
    assertThat(modal.sinceDispatch()).isLessThan(Duration.ofSeconds(3));
    assertThat(modal.json()).contains("We should, with an opt-out");
    fake.modalSubmit(guild.id(), thread, ben.userId(), modal.data().getString("custom_id"),
        Map.of("view", "We should, with an opt-out"));
    until("ben's view", () -> question(1).activeViews().stream().anyMatch(v -> v.text().equals("We should, with an opt-out")));

    // Ana's message, used by Ben: refused privately.
    var others = fake.messageCommand(guild.id(), thread, ben.userId(), "Share as my view", ana.userId(), "Ana's words");
    assertThat(told(others)).contains("someone else");
    assertThat(fake.repliesTo(others.id())).allMatch(FakeMessage::ephemeral);

    // An amendment needs a draft; with one, the amendment form opens filled.
    told(command(ana, channel, "draft", Map.of("text", "We answer yes.")));
    var amend = fake.messageCommand(guild.id(), thread, ben.userId(), "Propose as amendment", ben.userId(), "Add audits");
    var amendForm = fake.awaitCallback(amend.id(), PATIENCE);
    assertThat(amendForm.type()).isEqualTo(9);
    assertThat(amendForm.json()).contains("Add audits");

    // In an anonymous question's thread even one's own message is refused.
    told(command(ana, channel, "close", Map.of()));
    told(command(ana, channel, "open", Map.of("title", "A secret ballot", "anonymous", true)));
    told(command(ana, channel, "view", Map.of("text", "A hidden view")));
    var secret = idOf(messageOf(new Target.QuestionCard(new QuestionId(2))));
    until("the secret question's thread", () -> !fake.messages(secret).isEmpty());
    var anonymous = fake.messageCommand(guild.id(), secret, ben.userId(), "Share as my view", ben.userId(), "Mine");
    assertThat(told(anonymous)).contains("anonymous");
    assertThat(question(2).activeViews()).hasSize(1);
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void formsOpenAsTheFirstResponsePrefilledAndTheirSubmissionsCount() {
    var openForm = command(ana, channel, "open", Map.of());
    var modal = fake.awaitCallback(openForm.id(), PATIENCE);
    assertThat(modal.type()).isEqualTo(9);
    assertThat(modal.sinceDispatch()).isLessThan(Duration.ofSeconds(3));
    var submitted = fake.modalSubmit(guild.id(), channel, ana.userId(), modal.data().getString("custom_id"),
        Map.of("title", "A question from the form", "deadline", "3d"));
    assertThat(told(submitted)).contains("Q1");

    command(ben, channel, "view", Map.of("text", "My first thoughts"));
    until("ben's view", () -> question(1).statements().size() == 1);
    var viewForm = command(ben, channel, "view", Map.of());
    var prefilled = fake.awaitCallback(viewForm.id(), PATIENCE);
    assertThat(prefilled.type()).isEqualTo(9);
    assertThat(prefilled.json()).contains("My first thoughts");
    fake.modalSubmit(guild.id(), channel, ben.userId(), prefilled.data().getString("custom_id"),
        Map.of("view", "My second thoughts"));
    until("the view replaced", () -> question(1).statements().stream()
        .anyMatch(s -> s.text().equals("My second thoughts")));
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void hostileWordsPingNobodyKeepTheLayoutAndFitDiscordsLimits() {
    command(ana, channel, "open", Map.of("title", "@everyone <@&1> ```title``` **loud**"));
    until("Q1", () -> stores.questions().find(community, new QuestionId(1)).isPresent());
    var hostile = DiscordRendererTest.HOSTILE;
    told(command(ben, channel, "view", Map.of("text", hostile)));
    told(command(ana, channel, "draft", Map.of("text", (hostile + " ").repeat(3_400 / hostile.length()))));
    var tooLong = command(ben, channel, "amend", Map.of("text", "x".repeat(10_000)));
    assertThat(told(tooLong)).contains("1,500");

    var shown = fake.calls().stream().filter(c -> c.method().equals("POST") || c.method().equals("PATCH"))
        .filter(c -> c.path().contains("messages") || c.path().startsWith("webhooks") || c.path().contains("callback"))
        .toList();
    assertThat(shown).isNotEmpty();
    assertThat(fake.violations()).isEmpty();
    for (var message : fake.messages(channel)) {
      for (var text : List.of(message.text())) {
        assertThat(text).doesNotContain("@everyone").doesNotContain("<@&").doesNotContain("```");
      }
    }
    var card = fake.message(idOf(messageOf(new Target.QuestionCard(new QuestionId(1))))).orElseThrow();
    assertThat(card.embeds().getObject(0).getString("title")).startsWith("Q1");
  }

  @Test
  void theMemberIsToldPlainlyWhenDirectMessagesAreClosedOrAPermissionIsMissing() {
    fake.closeDirectMessages(ben.userId());
    var remind = command(ben, channel, "remind", Map.of("reminders", "on"));
    until("ben told", () -> fake.repliesTo(remind.id()).stream()
        .anyMatch(m -> m.text().contains("cannot send you direct messages")));

    fake.denyPermissions(guild.textChannelIds().get(1));
    var open = command(ana, guild.textChannelIds().get(1), "open", Map.of("title", "Where Chorus may not speak"));
    until("ana told", () -> fake.repliesTo(open.id()).stream().anyMatch(m -> m.text().contains("lacks a permission")));
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void anAnonymousQuestionIsVotedWithButtonsAndNoRequestNamesTheVoter() {
    told(command(ana, channel, "open", Map.of("title", "A secret ballot", "anonymous", true)));
    told(command(ben, channel, "view", Map.of("text", "A view nobody may trace")));
    var v1 = messageOf(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    var buttons = fake.message(idOf(v1)).orElseThrow().buttonIds();
    assertThat(buttons).isNotEmpty();
    assertThat(fake.reactionsOf(idOf(v1))).isEmpty();

    var press = fake.button(guild.id(), channelOf(v1), ana.userId(), idOf(v1), buttons.get(0));
    told(press);
    until("the secret vote", () -> question(1).statement(new StatementId(1)).orElseThrow().votes().size() == 1);

    var names = List.of(String.valueOf(ana.userId()), String.valueOf(ben.userId()), "ana", "ben");
    var public_ = fake.calls().stream().filter(c -> c.path().startsWith("channels/")).map(c -> c.body()).toList();
    assertThat(public_).filteredOn(body -> body.contains("A view nobody may trace")).isNotEmpty()
        .allSatisfy(body -> names.forEach(name -> assertThat(body).doesNotContain(name)));
  }

  @Test
  void aButtonPressAndALaterReactionByTheSameMemberAreOneVoteAndTheLatestCounts() {
    told(command(ana, channel, "open", Map.of("title", "Buttons and reactions")));
    told(command(ben, channel, "view", Map.of("text", "One member, one vote")));
    var v1 = messageOf(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    // Buttons for members who use a keyboard or a screen reader, reactions as well where votes are public.
    var buttons = fake.message(idOf(v1)).orElseThrow().buttonIds();
    assertThat(buttons).hasSize(3);
    until("reactions seeded", () -> !fake.reactionsOf(idOf(v1)).isEmpty());

    var press = fake.button(guild.id(), channelOf(v1), ana.userId(), idOf(v1), buttons.get(0));
    assertThat(told(press)).contains("Your vote on V1 of Q1: agree.").contains("press another");
    var ana = new MemberKey(String.valueOf(this.ana.userId()));
    until("the button's vote", () -> StatementChoice.AGREE.equals(question(1).statement(new StatementId(1)).orElseThrow()
        .votes().get(ana)));
    fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), this.ana.userId(), "👎");
    until("the reaction's vote replaced it", () -> StatementChoice.DISAGREE.equals(question(1).statement(new StatementId(1))
        .orElseThrow().votes().get(ana)));

    assertThat(question(1).statement(new StatementId(1)).orElseThrow().votes()).hasSize(1);
    // Ben's own agreement and Ana's one vote, as the card ends up showing it.
    until("the card's tally", () -> fake.message(idOf(v1)).orElseThrow().text()
        .contains("👍 1 agree · 👎 1 disagree · 🤷 0 pass"));
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void aMemberWhoReactsTheMomentAfterPressingAButtonEndsWithTheReactionsVote() {
    told(command(ana, channel, "open", Map.of("title", "Quick hands")));
    told(command(ben, channel, "view", Map.of("text", "Press, then react at once")));
    var v1 = messageOf(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));
    var buttons = fake.message(idOf(v1)).orElseThrow().buttonIds();

    // No waiting for Chorus between the two: the press's answer is still on its way.
    var press = fake.button(guild.id(), channelOf(v1), ana.userId(), idOf(v1), buttons.get(0));
    fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), ana.userId(), "👎");

    // Once the press is answered it was handled; had the reaction gone first, the press would count now.
    told(press);
    var ana = new MemberKey(String.valueOf(this.ana.userId()));
    until("the reaction's vote, the latest", () -> StatementChoice.DISAGREE.equals(question(1)
        .statement(new StatementId(1)).orElseThrow().votes().get(ana)));
    until("the card's tally", () -> fake.message(idOf(v1)).orElseThrow().text()
        .contains("👍 1 agree · 👎 1 disagree · 🤷 0 pass"));
    assertThat(question(1).statement(new StatementId(1)).orElseThrow().votes()).hasSize(1);

    // The same on a draft, and the outcome counts the one vote.
    told(command(this.ana, channel, "draft", Map.of("text", "We answer yes.")));
    var d1 = messageOf(new Target.DraftMessage(new QuestionId(1), new dev.chorus.core.question.DraftVersion(1)));
    var draftButtons = fake.message(idOf(d1)).orElseThrow().buttonIds();
    var pressed = fake.button(guild.id(), channelOf(d1), this.ana.userId(), idOf(d1), draftButtons.get(0));
    fake.reactionAdd(guild.id(), channelOf(d1), idOf(d1), this.ana.userId(), "❌");
    told(pressed);
    until("the draft's reaction vote, the latest", () -> question(1).latestDraft().orElseThrow().ballots().get(ana) != null
        && question(1).latestDraft().orElseThrow().ballots().get(ana).choice() == dev.chorus.core.question.DraftChoice.DISAGREE);
    told(command(this.ana, channel, "close", Map.of()));
    var outcome = messageOf(new Target.OutcomeMessage(new QuestionId(1)));
    assertThat(fake.message(idOf(outcome)).orElseThrow().text()).contains("✅ 0 agree · 🤷 0 abstain · ❌ 1 disagree · ✋ 0 block");
  }

  @Test
  void questionsAreSuggestedAsTheMemberTypes() {
    told(command(ana, channel, "open", Map.of("title", "Budget for next year")));
    told(command(ana, channel, "open", Map.of("title", "A new meeting place")));

    var typed = fake.autocomplete(guild.id(), channel, ben.userId(), DiscordCommands.NAME, "view",
        Map.of("question", "budg"), DiscordCommands.QUESTION);
    var answer = fake.awaitCallback(typed.id(), PATIENCE);

    assertThat(answer.type()).isEqualTo(8);
    assertThat(answer.json()).contains("Q1").contains("Budget").doesNotContain("meeting place");
  }

  @Test
  void afterADisconnectTheSessionResumesAndMissedEventsAreHandled() {
    told(command(ana, channel, "open", Map.of("title", "Resilience")));
    told(command(ben, channel, "view", Map.of("text", "Keep going")));
    var v1 = messageOf(new Target.StatementMessage(new QuestionId(1), new StatementId(1)));

    fake.disconnect(0, 1001);
    fake.reactionAdd(guild.id(), channelOf(v1), idOf(v1), ana.userId(), "👎");
    until("resumed", () -> fake.resumes(0) == 1);
    until("the missed vote", () -> question(1).statement(new StatementId(1)).orElseThrow().votes().size() == 1);
  }
}
