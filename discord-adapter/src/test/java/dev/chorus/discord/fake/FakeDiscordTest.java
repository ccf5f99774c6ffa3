package dev.chorus.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.channel.ChannelCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the real JDA against {@link FakeDiscord} to show the fake behaves as JDA and Discord expect. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeDiscordTest {

  /** JDA always adds the GUILDS intent (bit 0) itself; it has no constant for it. */
  static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGE_REACTIONS);
  static final Duration WAIT = Duration.ofSeconds(10);

  private final EnumSet<Message.MentionType> jdaDefaultMentions = MessageRequest.getDefaultMentions();
  private final boolean jdaDefaultRepliedUser = MessageRequest.isDefaultMentionRepliedUser();

  private FakeDiscord fake;
  private FakeGuild guild;
  private long channelId;
  private FakeMember alice;
  private final Recorder events = new Recorder();
  private @Nullable JDA jda;
  private @Nullable ShardManager shardManager;

  @BeforeEach
  void startFake() {
    // The project's policy: never let Discord parse mentions. These are JDA-wide statics.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
    fake = new FakeDiscord();
    guild = fake.guild("Chorus Test");
    channelId = guild.firstChannel();
    alice = fake.member(guild.id(), "alice");
  }

  @AfterEach
  void stopEverything() {
    if (jda != null) {
      jda.shutdownNow();
    }
    if (shardManager != null) {
      shardManager.shutdown();
    }
    fake.close();
    MessageRequest.setDefaultMentions(jdaDefaultMentions);
    MessageRequest.setDefaultMentionRepliedUser(jdaDefaultRepliedUser);
  }

  /** Points JDA's gateway at the fake, and connects shards without JDA's 5 s identify spacing. */
  static final class FakeSessionController extends SessionControllerAdapter {
    private final String gateway;

    FakeSessionController(String gateway) {
      this.gateway = gateway;
    }

    @Override
    public String getGateway() {
      return gateway;
    }

    @Override
    protected void runWorker() {
      synchronized (lock) {
        if (workerHandle == null) {
          workerHandle = new QueueWorker(0L);
          workerHandle.start();
        }
      }
    }
  }

  /** Collects JDA events and lets tests react to them. */
  static final class Recorder implements EventListener {
    private final List<GenericEvent> seen = new CopyOnWriteArrayList<>();
    private final List<Consumer<GenericEvent>> handlers = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(GenericEvent event) {
      seen.add(event);
      handlers.forEach(handler -> handler.accept(event));
    }

    <T extends GenericEvent> void on(Class<T> type, Consumer<T> handler) {
      handlers.add(
          event -> {
            if (type.isInstance(event)) {
              handler.accept(type.cast(event));
            }
          });
    }

    <T extends GenericEvent> T await(Class<T> type, Predicate<T> condition) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (GenericEvent event : seen) {
          if (type.isInstance(event) && condition.test(type.cast(event))) {
            return type.cast(event);
          }
        }
        sleep(10);
      }
      throw new AssertionError("no " + type.getSimpleName() + " matching the condition arrived");
    }

    <T extends GenericEvent> List<T> all(Class<T> type) {
      List<T> result = new ArrayList<>();
      seen.stream().filter(type::isInstance).map(type::cast).forEach(result::add);
      return result;
    }
  }

  private JDA startJda() throws InterruptedException {
    jda =
        JDABuilder.createLight(FakeDiscord.TOKEN, INTENTS)
            .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
            .setSessionController(new FakeSessionController(fake.gatewayUrl()))
            .setCompression(Compression.NONE)
            .setEnableShutdownHook(false)
            .addEventListeners(events)
            .build();
    jda.awaitReady();
    return jda;
  }

  private TextChannel channel() {
    TextChannel channel = jda.getTextChannelById(channelId);
    assertThat(channel).isNotNull();
    return channel;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static ErrorResponseException errorOf(CompletableFuture<?> failure) {
    Throwable error = failure.orTimeout(10, TimeUnit.SECONDS).handle((ok, e) -> e).join();
    if (error instanceof java.util.concurrent.CompletionException && error.getCause() != null) {
      error = error.getCause();
    }
    assertThat(error).isInstanceOf(ErrorResponseException.class);
    return (ErrorResponseException) error;
  }

  private HttpResponse<String> rawPost(String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(fake.apiUrl() + path))
            .header("Authorization", "Bot " + FakeDiscord.TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void jdaBecomesReadyWithTheRegisteredGuildAndCallsOnlyKnownRoutes() throws Exception {
    startJda();

    assertThat(jda.getGuildById(guild.id())).isNotNull();
    assertThat(channel().getName()).isEqualTo("general");
    assertThat(jda.getSelfUser().getIdLong()).isEqualTo(FakeDiscord.BOT_USER_ID);
    assertThat(jda.getSelfUser().getApplicationIdLong()).isEqualTo(FakeDiscord.APPLICATION_ID);
    assertThat(fake.identifies()).singleElement().satisfies(identify -> {
      assertThat(identify.token()).isEqualTo(FakeDiscord.TOKEN);
      assertThat(identify.intents()).isEqualTo(1 | GatewayIntent.getRaw(INTENTS));
    });
    jda.updateCommands().addCommands(
        net.dv8tion.jda.api.interactions.commands.build.Commands.slash("respond", "Respond")).complete();
    assertThat(fake.globalCommands()).extracting(c -> c.getString("name")).containsExactly("respond");
    jda.getGuildById(guild.id()).updateCommands().addCommands(
        net.dv8tion.jda.api.interactions.commands.build.Commands.slash("local", "Guild only")).complete();
    assertThat(fake.guildCommands(guild.id())).extracting(c -> c.getString("name")).containsExactly("local");
    assertThat(fake.calls()).extracting(Call::route).startsWith("GET users/@me");
    assertThat(fake.unknownRoutes()).isEmpty();
  }

  @Test
  void unauthorisedAndUnknownRequestsAreRefusedAndUnknownRoutesRecorded() throws Exception {
    HttpRequest anonymous = HttpRequest.newBuilder(URI.create(fake.apiUrl() + "users/@me")).GET().build();
    HttpResponse<String> refused = HttpClient.newHttpClient().send(anonymous, HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);

    HttpResponse<String> unknown = rawPost("guilds/" + guild.id() + "/bans", "{}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(DataObject.fromJson(unknown.body()).getInt("code")).isZero();
    assertThat(fake.unknownRoutes()).containsExactly("POST guilds/" + guild.id() + "/bans");
  }

  @Test
  void slashCommandReplyIsRecordedWithItsTiming() throws Exception {
    events.on(SlashCommandInteractionEvent.class, e -> e.reply("pong from " + e.getSubcommandName()).queue());
    startJda();

    FakeInteraction interaction =
        fake.slashCommand(guild.id(), channelId, alice.userId(), "respond", "ping", Map.of("text", "hi", "count", 2));

    InteractionCallback callback = fake.awaitCallback(interaction.id(), WAIT);
    assertThat(callback.type()).isEqualTo(4);
    assertThat(callback.accepted()).isTrue();
    assertThat(fake.firstResponse(interaction.id())).hasValueSatisfying(d -> assertThat(d).isLessThan(Duration.ofSeconds(3)));
    assertThat(fake.repliesTo(interaction.id())).singleElement().satisfies(reply -> {
      assertThat(reply.content()).isEqualTo("pong from ping");
      assertThat(reply.ephemeral()).isFalse();
    });
    SlashCommandInteractionEvent seen = events.await(SlashCommandInteractionEvent.class, e -> true);
    assertThat(seen.getOption("text").getAsString()).isEqualTo("hi");
    assertThat(seen.getOption("count").getAsLong()).isEqualTo(2);
    assertThat(seen.getUser().getIdLong()).isEqualTo(alice.userId());
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void deferredEphemeralReplyIsCompletedAndEditedThroughTheHook() throws Exception {
    events.on(SlashCommandInteractionEvent.class, e -> e.deferReply(true).queue(hook ->
        hook.sendMessage("done").queue(sent ->
            // Edits carry allowed_mentions only when set explicitly, even with JDA's defaults changed.
            hook.editOriginal("done, edited").setAllowedMentions(List.of()).queue())));
    startJda();

    FakeInteraction interaction =
        fake.slashCommand(guild.id(), channelId, alice.userId(), "respond", null, Map.of());

    fake.await("the edit of the original", () -> fake.repliesTo(interaction.id()).stream()
        .anyMatch(m -> m.content().equals("done, edited")), WAIT);
    InteractionCallback callback = fake.callbacks(interaction.id()).get(0);
    assertThat(callback.type()).isEqualTo(5);
    assertThat(callback.data().getInt("flags")).isEqualTo(64);
    assertThat(callback.sinceDispatch()).isLessThan(Duration.ofSeconds(3));
    FakeMessage reply = fake.repliesTo(interaction.id()).get(0);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.revisions()).extracting(FakeMessage.Revision::content)
        .containsExactly("done", "done, edited");
    assertThat(fake.calls("POST", "webhooks/\\d+/.+")).hasSize(1);
    assertThat(fake.calls("PATCH", "webhooks/\\d+/.+/messages/@original")).hasSize(1);
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void acknowledgingAfterThreeSecondsIsRefusedAsUnknownInteraction() throws Exception {
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    events.on(SlashCommandInteractionEvent.class, e -> {
      sleep(3_200); // a handler that blocks too long
      e.reply("too late").queue(outcome::complete, outcome::completeExceptionally);
    });
    startJda();

    FakeInteraction interaction =
        fake.slashCommand(guild.id(), channelId, alice.userId(), "respond", null, Map.of());

    assertThat(errorOf(outcome).getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_INTERACTION);
    assertThat(fake.firstResponse(interaction.id())).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(3)));
    assertThat(fake.unacknowledged()).containsExactly(interaction);
  }

  @Test
  void secondAcknowledgementIsRefusedAsAlreadyAcknowledged() throws Exception {
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    events.on(SlashCommandInteractionEvent.class, e -> {
      try {
        // Another process answers first.
        HttpResponse<String> first = rawPost("interactions/" + e.getId() + "/" + e.getToken() + "/callback",
            "{\"type\":4,\"data\":{\"content\":\"first\",\"allowed_mentions\":{\"parse\":[]}}}");
        assertThat(first.statusCode()).isEqualTo(204);
      } catch (Exception ex) {
        outcome.completeExceptionally(ex);
      }
      e.reply("second").queue(outcome::complete, outcome::completeExceptionally);
    });
    startJda();

    FakeInteraction interaction =
        fake.slashCommand(guild.id(), channelId, alice.userId(), "respond", null, Map.of());

    assertThat(errorOf(outcome).getErrorResponse()).isEqualTo(ErrorResponse.INTERACTION_ALREADY_ACKNOWLEDGED);
    assertThat(fake.callbacks(interaction.id())).extracting(InteractionCallback::status).containsExactly(204, 400);
    assertThat(fake.repliesTo(interaction.id())).extracting(FakeMessage::content).containsExactly("first");
  }

  @Test
  void jdaDefaultMentionsAreAViolationButDisabledMentionsAreNot() throws Exception {
    startJda();
    MessageRequest.setDefaultMentions(EnumSet.allOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(true);

    ErrorResponseException refused = errorOf(channel().sendMessage("hello @everyone").submit());
    assertThat(refused.getErrorResponse()).isEqualTo(ErrorResponse.INVALID_FORM_BODY);
    assertThat(fake.violations()).singleElement().asString().startsWith("POST channels/" + channelId + "/messages");

    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
    Message sent = channel().sendMessage("hello again").complete();
    assertThat(fake.violations()).hasSize(1);

    // JDA sends allowed_mentions on an edit only when the edit sets mentions explicitly.
    errorOf(sent.editMessage("edited without mentions").submit());
    assertThat(fake.violations()).hasSize(2).last().asString().contains("no allowed_mentions");
    sent.editMessage("edited with mentions").setAllowedMentions(List.of()).complete();
    assertThat(fake.violations()).hasSize(2);
    assertThat(fake.message(sent.getIdLong()).orElseThrow().revisions())
        .extracting(FakeMessage.Revision::content).containsExactly("hello again", "edited with mentions");
  }

  @Test
  void discordLimitsAreEnforcedWithInvalidFormBody() throws Exception {
    HttpResponse<String> tooLong = rawPost("channels/" + channelId + "/messages",
        DataObject.empty().put("content", "x".repeat(2001))
            .put("allowed_mentions", DataObject.empty().put("parse", List.of())).toString());
    assertThat(tooLong.statusCode()).isEqualTo(400);
    DataObject error = DataObject.fromJson(tooLong.body());
    assertThat(error.getInt("code")).isEqualTo(50035);
    assertThat(error.getObject("errors").hasKey("content")).isTrue();

    // JDA checks each embed but not their sum; Discord refuses more than 6000 characters in all.
    startJda();
    var big = new net.dv8tion.jda.api.EmbedBuilder().setDescription("y".repeat(3500)).build();
    ErrorResponseException refused = errorOf(channel().sendMessageEmbeds(big, big).submit());
    assertThat(refused.getErrorResponse()).isEqualTo(ErrorResponse.INVALID_FORM_BODY);
    assertThat(fake.messages(channelId)).isEmpty();
  }

  @Test
  void repeatedNonceAnswersTheFirstMessage() throws Exception {
    String body = DataObject.empty().put("content", "once").put("nonce", "42").put("enforce_nonce", true)
        .put("allowed_mentions", DataObject.empty().put("parse", List.of())).toString();
    String first = rawPost("channels/" + channelId + "/messages", body).body();
    String second = rawPost("channels/" + channelId + "/messages", body).body();
    assertThat(DataObject.fromJson(second).getString("id")).isEqualTo(DataObject.fromJson(first).getString("id"));
    assertThat(fake.messages(channelId)).hasSize(1);
  }

  @Test
  void uploadedFilesAreStoredWithTheMessage() throws Exception {
    startJda();

    Message sent = channel().sendMessage("report attached")
        .addFiles(FileUpload.fromData("line one".getBytes(StandardCharsets.UTF_8), "report.txt")).complete();

    assertThat(sent.getAttachments()).singleElement()
        .satisfies(a -> assertThat(a.getFileName()).isEqualTo("report.txt"));
    FakeMessage stored = fake.message(sent.getIdLong()).orElseThrow();
    assertThat(stored.files()).singleElement().satisfies(f -> assertThat(f.text()).isEqualTo("line one"));
    Call call = fake.calls("POST", "channels/\\d+/messages").get(0);
    assertThat(DataObject.fromJson(call.body()).getString("content")).isEqualTo("report attached");
    assertThat(call.files()).extracting(Upload::fileName).containsExactly("report.txt");
  }

  @Test
  void autocompleteMarksTheFocusedOptionAndRecordsTheChoices() throws Exception {
    events.on(CommandAutoCompleteInteractionEvent.class,
        e -> e.replyChoiceStrings(e.getFocusedOption().getValue() + "-one", "two").queue());
    startJda();

    FakeInteraction interaction = fake.autocomplete(
        guild.id(), channelId, alice.userId(), "respond", "ask", Map.of("topic", "ja"), "topic");

    InteractionCallback callback = fake.awaitCallback(interaction.id(), WAIT);
    assertThat(callback.type()).isEqualTo(8);
    assertThat(callback.data().getArray("choices").getObject(0).getString("value")).isEqualTo("ja-one");
  }

  @Test
  void reactionEventsReachTheListenerWithTheUser() throws Exception {
    startJda();
    Message tally = channel().sendMessage("vote here").complete();
    tally.addReaction(Emoji.fromUnicode("👍")).complete();
    assertThat(fake.reactionsOf(tally.getIdLong())).containsExactly(new FakeReaction("👍", FakeDiscord.BOT_USER_ID));

    fake.reactionAdd(guild.id(), channelId, tally.getIdLong(), alice.userId(), "👍");
    MessageReactionAddEvent added = events.await(MessageReactionAddEvent.class, e -> e.getUserIdLong() == alice.userId());
    assertThat(added.getMessageIdLong()).isEqualTo(tally.getIdLong());
    assertThat(added.getEmoji().getName()).isEqualTo("👍");

    fake.reactionRemove(guild.id(), channelId, tally.getIdLong(), alice.userId(), "👍");
    MessageReactionRemoveEvent removed = events.await(MessageReactionRemoveEvent.class, e -> true);
    assertThat(removed.getUserIdLong()).isEqualTo(alice.userId());
    // The bot's own reaction comes back over the gateway too, as on Discord.
    assertThat(events.all(MessageReactionAddEvent.class)).extracting(MessageReactionAddEvent::getUserIdLong)
        .contains(FakeDiscord.BOT_USER_ID);
  }

  @Test
  void threadStartedFromAMessageFiresAndTakesTheMessageId() throws Exception {
    startJda();
    Message root = channel().sendMessage("discuss").complete();

    ThreadChannel thread = root.createThreadChannel("discussion").complete();

    assertThat(thread.getIdLong()).isEqualTo(root.getIdLong());
    ChannelCreateEvent created = events.await(ChannelCreateEvent.class, e -> e.getChannel().getIdLong() == root.getIdLong());
    assertThat(created.getChannel().getType().isThread()).isTrue();
    thread.sendMessage("inside").complete();
    assertThat(fake.messages(root.getIdLong())).extracting(FakeMessage::content).containsExactly("inside");
    ErrorResponseException again = errorOf(root.createThreadChannel("again").submit());
    assertThat(again.getErrorCode()).isEqualTo(160004);
  }

  @Test
  void modalIsShownAndItsSubmissionRoundTrips() throws Exception {
    events.on(SlashCommandInteractionEvent.class, e -> e.replyModal(Modal.create("feedback", "Feedback")
        .addComponents(Label.of("Your text", TextInput.create("text", TextInputStyle.PARAGRAPH).build()))
        .build()).queue());
    events.on(ModalInteractionEvent.class, e -> e.reply("thanks: " + e.getValue("text").getAsString())
        .setEphemeral(true).queue());
    startJda();

    FakeInteraction command = fake.slashCommand(guild.id(), channelId, alice.userId(), "respond", null, Map.of());
    InteractionCallback shown = fake.awaitCallback(command.id(), WAIT);
    assertThat(shown.type()).isEqualTo(9);
    assertThat(shown.data().getString("title")).isEqualTo("Feedback");
    DataObject label = shown.data().getArray("components").getObject(0);
    assertThat(label.getInt("type")).isEqualTo(18);
    assertThat(label.getString("label")).isEqualTo("Your text");
    assertThat(label.getObject("component").getString("custom_id")).isEqualTo("text");

    FakeInteraction submit = fake.modalSubmit(guild.id(), channelId, alice.userId(), "feedback", Map.of("text", "hello"));
    fake.awaitCallback(submit.id(), WAIT);
    assertThat(fake.repliesTo(submit.id())).singleElement().satisfies(reply -> {
      assertThat(reply.content()).isEqualTo("thanks: hello");
      assertThat(reply.ephemeral()).isTrue();
    });
  }

  @Test
  void buttonOnAStoredMessageReachesTheListenerAndUpdatesIt() throws Exception {
    events.on(ButtonInteractionEvent.class, e -> e.editMessage("voted").setAllowedMentions(List.of()).queue());
    startJda();
    Message poll = channel().sendMessage("vote?").setComponents(ActionRow.of(Button.primary("vote:yes", "Yes"))).complete();

    FakeInteraction click = fake.button(guild.id(), channelId, alice.userId(), poll.getIdLong(), "vote:yes");

    ButtonInteractionEvent event = events.await(ButtonInteractionEvent.class, e -> true);
    assertThat(event.getComponentId()).isEqualTo("vote:yes");
    assertThat(event.getMessage().getIdLong()).isEqualTo(poll.getIdLong());
    assertThat(event.getButton().getLabel()).isEqualTo("Yes");
    assertThat(fake.awaitCallback(click.id(), WAIT).type()).isEqualTo(7);
    FakeMessage stored = fake.message(poll.getIdLong()).orElseThrow();
    assertThat(stored.content()).isEqualTo("voted");
    assertThat(stored.editCount()).isEqualTo(1);
    assertThat(fake.violations()).isEmpty();
  }

  @Test
  void disconnectedShardResumesAndGetsTheEventsItMissed() throws Exception {
    startJda();
    Message tally = channel().sendMessage("tally").complete();

    // Sent before JDA can resume, however quickly it reconnects on a busy machine.
    var sent = new java.util.concurrent.atomic.AtomicReference<Dispatch>();
    fake.disconnect(0, () -> sent.set(
        fake.reactionAdd(guild.id(), channelId, tally.getIdLong(), alice.userId(), "🎉").orElseThrow()));
    Dispatch missed = sent.get();

    MessageReactionAddEvent event = events.await(MessageReactionAddEvent.class, e -> e.getUserIdLong() == alice.userId());
    assertThat(event.getEmoji().getName()).isEqualTo("🎉");
    fake.await("a resume", () -> fake.resumes(0) == 1, WAIT);
    assertThat(fake.opcodesReceived()).contains(6);
    assertThat(fake.identifies()).hasSize(1);
    assertThat(missed.queued()).isTrue();
  }

  @Test
  void shardManagerIdentifiesEachShardAndGuildEventsReachTheirShard() throws Exception {
    fake.shards(2);
    FakeGuild first = fake.guildOnShard(0, "Shard Zero");
    FakeGuild second = fake.guildOnShard(1, "Shard One");
    FakeMember bob = fake.member(second.id(), "bob");
    events.on(SlashCommandInteractionEvent.class, e -> e.reply("shard " + e.getJDA().getShardInfo().getShardId()).queue());

    shardManager = DefaultShardManagerBuilder.createLight(FakeDiscord.TOKEN, INTENTS)
        .setShardsTotal(2)
        .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
        .setSessionController(new FakeSessionController(fake.gatewayUrl()))
        .setCompression(Compression.NONE)
        .setEnableShutdownHook(false)
        .addEventListeners(events)
        .build();
    // The manager builds its shards one after another; getShards() lists only those built so far.
    fake.await("both shards connected", () -> shardManager.getShards().size() == 2
        && shardManager.getShards().stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED), WAIT);

    assertThat(fake.identifies()).extracting(i -> i.shardId() + "/" + i.shardTotal())
        .containsExactlyInAnyOrder("0/2", "1/2");
    assertThat(fake.calls("GET", "gateway/bot")).isNotEmpty(); // the manager asks for its gateway
    assertThat(shardManager.getShardById(0).getGuildById(first.id())).isNotNull();
    assertThat(shardManager.getShardById(1).getGuildById(second.id())).isNotNull();
    assertThat(shardManager.getShardById(0).getGuildById(second.id())).isNull();

    FakeInteraction interaction = fake.slashCommand(second.id(), second.firstChannel(), bob.userId(), "respond", null, Map.of());
    fake.awaitCallback(interaction.id(), WAIT);
    assertThat(fake.repliesTo(interaction.id())).extracting(FakeMessage::content).containsExactly("shard 1");
    assertThat(fake.dispatches(0)).extracting(Dispatch::type).doesNotContain("INTERACTION_CREATE");
  }

  @Test
  void rateLimitedRequestIsRetriedByJda() throws Exception {
    startJda();
    fake.rateLimitNext("POST channels/\\d+/messages", 0.3);

    Message sent = channel().sendMessage("after a 429").complete();

    assertThat(fake.calls("POST", "channels/\\d+/messages")).extracting(Call::status).containsExactly(429, 200);
    assertThat(fake.messages(channelId)).extracting(FakeMessage::id).containsExactly(sent.getIdLong());
  }

  @Test
  void directMessageToAMemberWithClosedDmsFails() throws Exception {
    fake.closeDirectMessages(alice.userId());
    startJda();

    ErrorResponseException refused = errorOf(jda.openPrivateChannelById(alice.userId())
        .flatMap(dm -> dm.sendMessage("hello")).submit());

    assertThat(refused.getErrorResponse()).isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER);
  }

  @Test
  void deniedChannelRefusesTheBot() throws Exception {
    fake.denyPermissions(channelId);
    startJda();

    ErrorResponseException refused = errorOf(channel().sendMessage("hello").submit());

    assertThat(refused.getErrorResponse()).isEqualTo(ErrorResponse.MISSING_PERMISSIONS);
  }

  @Test
  void privateChannelsReachJdaWithTheirOverwritesAndMembersAreServedWithTheirRoles() throws Exception {
    FakeRole hr = fake.role(guild.id(), "HR");
    FakeMember bob = fake.member(guild.id(), "bob");
    FakeMember carol = fake.member(guild.id(), "carol");
    FakeMember dave = fake.member(guild.id(), "dave");
    fake.grantRole(bob, hr);
    long before = fake.privateChannel(guild.id(), "hr", List.of(hr), List.of(carol));
    jda =
        JDABuilder.createLight(FakeDiscord.TOKEN, INTENTS)
            .setRestConfig(new RestConfig().setBaseUrl(fake.apiUrl()))
            .setSessionController(new FakeSessionController(fake.gatewayUrl()))
            .setCompression(Compression.NONE)
            .setEnableShutdownHook(false)
            .enableCache(net.dv8tion.jda.api.utils.cache.CacheFlag.MEMBER_OVERRIDES)
            .addEventListeners(events)
            .build();
    jda.awaitReady();
    long after = fake.privateChannel(guild.id(), "hr-later", List.of(hr), List.of(carol));
    events.await(ChannelCreateEvent.class, e -> e.getChannel().getIdLong() == after);

    var server = jda.getGuildById(guild.id());
    for (long id : List.of(before, after)) {
      TextChannel hrChannel = jda.getTextChannelById(id);
      assertThat(hrChannel.getPermissionOverrides()).as("@everyone, HR, Carol, Chorus").hasSize(4);
      for (FakeMember member : List.of(alice, bob, carol, dave)) {
        var served = server.retrieveMemberById(member.userId()).complete();
        assertThat(served.hasAccess(hrChannel)).as(member.username() + " in " + id)
            .isEqualTo(fake.canView(member.userId(), id))
            .isEqualTo(member != dave);
      }
    }
    assertThat(server.retrieveMemberById(bob.userId()).complete().getRoles()).extracting(r -> r.getIdLong())
        .containsExactly(hr.id());
    assertThatThrownBy(() -> fake.slashCommand(guild.id(), before, dave.userId(), "respond", "list", Map.of()))
        .as("nothing comes from a channel the member cannot see").isInstanceOf(IllegalArgumentException.class);

    FakeGuild other = fake.guild("Other");
    FakeMember stranger = fake.member(other.id(), "stranger");
    assertThat(errorOf(server.retrieveMemberById(stranger.userId()).submit()).getErrorResponse())
        .isEqualTo(ErrorResponse.UNKNOWN_MEMBER);
    fake.failNext("GET guilds/\\d+/members/\\d+");
    assertThat(errorOf(server.retrieveMemberById(bob.userId()).submit()).getErrorCode()).isZero();
    assertThat(fake.calls("GET", "guilds/\\d+/members/\\d+")).extracting(Call::status).endsWith(404, 500);
    assertThat(fake.unknownRoutes()).isEmpty();
  }

  @Test
  void aChannelChorusCannotViewRefusesItsMessages() throws Exception {
    long closed = fake.textChannel(guild.id(), "closed",
        PermissionOverwrite.everyone(guild.id(), 0, FakeDiscord.VIEW_CHANNEL));

    // Past JDA's own permission check, as a stale cache would let a request through.
    HttpResponse<String> refused = rawPost("channels/" + closed + "/messages",
        "{\"content\":\"hello\",\"allowed_mentions\":{\"parse\":[]}}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(DataObject.fromJson(refused.body()).getInt("code")).isEqualTo(50001);
    assertThatThrownBy(() -> fake.textChannel(guild.id(), "bad", PermissionOverwrite.member(42L, FakeDiscord.VIEW_CHANNEL, 0)))
        .as("an overwrite for someone not in the server").isInstanceOf(IllegalArgumentException.class);
  }
}
