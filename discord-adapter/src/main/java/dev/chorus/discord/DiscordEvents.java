package dev.chorus.discord;

import dev.chorus.core.Chorus;
import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.Text;
import dev.chorus.core.message.TextCuts;
import dev.chorus.core.ordering.MemberOrder;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.discord.DiscordFacilitators.Standing;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;

/**
 * Discord's events as Chorus's: {@code /respond}, modals, buttons and reactions become core
 * {@link Inbound}s. Listeners run on JDA's gateway thread and never block it: each interaction is
 * acknowledged at once ({@code deferReply(true)}) and handled on the workers, one member's events in
 * the order they came; the answer goes back as ephemeral messages through the interaction's hook.
 * Opening a modal and answering autocomplete must be the first response, so those are computed on a
 * worker against a budget: when it runs out, the interaction is deferred and the member told plainly.
 */
public final class DiscordEvents extends ListenerAdapter {
  private static final System.Logger LOG = System.getLogger(DiscordEvents.class.getName());
  /** What a first response may take before Chorus defers instead; Discord allows three seconds. */
  static final Duration FIRST_RESPONSE_BUDGET = Duration.ofMillis(2_000);
  /** Discord's limit on autocomplete suggestions and on a suggestion's name. */
  static final int MOST_CHOICES = 25;
  static final int LONGEST_CHOICE = 100;

  private final Chorus chorus;
  private final DiscordChat chat;
  private final MemberOrder work;
  private final ScheduledExecutorService timer;
  private final DiscordFacilitators facilitators;
  /** Per shard, a name for its current gateway session: reaction events are named by it and their sequence. */
  private final Map<Integer, String> sessions = new ConcurrentHashMap<>();

  DiscordEvents(Chorus chorus, DiscordChat chat, java.util.concurrent.Executor workers,
      ScheduledExecutorService timer, DiscordFacilitators facilitators) {
    this.chorus = chorus;
    this.chat = chat;
    this.work = new MemberOrder(workers);
    this.timer = timer;
    this.facilitators = facilitators;
  }

  @Override
  public void onSessionRecreate(SessionRecreateEvent event) {
    // A new session numbers its events from one again; a resumed one keeps its name (and, before the
    // first session is known, a shard's events get a name of their own: see reaction()).
    sessions.put(event.getJDA().getShardInfo().getShardId(), UUID.randomUUID().toString());
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!event.getName().equals(DiscordCommands.NAME)) {
      return;
    }
    var guild = event.getGuild();
    var member = event.getMember();
    if (guild == null || member == null) {
      outsideAServer(event);
      return;
    }
    var options = new LinkedHashMap<String, String>();
    for (var option : event.getOptions()) {
      options.put(option.getName(), option.getType() == OptionType.BOOLEAN ? String.valueOf(option.getAsBoolean())
          : option.getAsString());
    }
    var subcommand = event.getSubcommandName() == null ? "help" : event.getSubcommandName();
    var community = DiscordIds.community(guild.getIdLong());
    var user = event.getUser();
    var channel = channelOf(event.getChannel());
    var thread = event.getChannel() instanceof ThreadChannel t ? t : null;
    var eventId = new EventId("interaction:" + event.getId());
    // Read on a worker: which question a thread belongs to is in the store.
    Supplier<List<Effect.Private>> handle = () -> asMember(member, user, actor -> chorus.handle(
        new Inbound.CommandChosen(community, channel, actor, eventId, subcommand,
            withThreadsQuestion(community, thread, subcommand, options))));
    if (DiscordCommands.opensForm(subcommand, options)) {
      firstResponse(event, community, user, handle);
    } else if (DiscordCommands.asksForDirectMessages(subcommand, options)) {
      deferThen(event, community, user, () -> withDirectMessageCheck(community, new MemberId(user.getId()), handle.get()));
    } else {
      deferThen(event, community, user, handle);
    }
  }

  /**
   * A command typed in a question's thread is about that question unless it names another: the
   * thread was started from the question's card, so it has the card's id.
   */
  private Map<String, String> withThreadsQuestion(CommunityId community, @Nullable ThreadChannel thread,
      String subcommand, Map<String, String> options) {
    if (thread == null || options.containsKey(DiscordCommands.QUESTION) || !DiscordCommands.aboutOneQuestion(subcommand)
        || DiscordCommands.everywhere(subcommand, options)) {
      return options;
    }
    try {
      var card = DiscordIds.message(thread.getParentChannel().getIdLong(), thread.getIdLong());
      var question = chorus.questionShownBy(community, card);
      if (question.isEmpty()) {
        return options;
      }
      var named = new LinkedHashMap<>(options);
      named.put(DiscordCommands.QUESTION, question.get().toString());
      return named;
    } catch (StoreUnavailableException e) {
      // Core reads again and tells the member the store is unreachable.
      return options;
    }
  }

  /**
   * Reminders and personal digests come as direct messages: a first one says so, and if Discord
   * refuses it (the member's direct messages are closed) the member learns now, not never.
   */
  private List<Effect.Private> withDirectMessageCheck(CommunityId community, MemberId member,
      List<Effect.Private> answers) {
    try {
      chat.post(community, new Destination.Direct(member), Card.text(Text.of(
          "Chorus will send your reminders and personal digests here. " + StandardCommands.REMIND.with(StandardCommands.OFF)
              + " and " + StandardCommands.DIGEST.with(StandardCommands.ME, Cadence.OFF.word()) + " stop them.")));
      return answers;
    } catch (ChatException e) {
      var told = new ArrayList<>(answers);
      told.add(Effect.Reply.of(e.memberMessage() + " Until then your reminders and personal digests cannot reach you."));
      return told;
    }
  }

  /**
   * "Share as my view" or "Propose as amendment" on a message: the form filled with its words, for
   * the question of the thread it is in (or the channel's one open question), as a first response
   * within Discord's three seconds; a refusal otherwise, privately.
   */
  @Override
  public void onMessageContextInteraction(MessageContextInteractionEvent event) {
    var shortcut = DiscordCommands.shortcut(event.getName());
    if (shortcut.isEmpty()) {
      return;
    }
    var guild = event.getGuild();
    var member = event.getMember();
    if (guild == null || member == null) {
      outsideAServer(event);
      return;
    }
    var community = DiscordIds.community(guild.getIdLong());
    var user = event.getUser();
    var channel = channelOf(event.getChannel());
    // A question's thread was started from its card, so the thread has the card's id.
    var threadCard = event.getChannel() instanceof ThreadChannel thread
        ? DiscordIds.message(thread.getParentChannel().getIdLong(), thread.getIdLong()) : null;
    var target = event.getTarget();
    var messageId = DiscordIds.message(event.getChannel().getIdLong(), target.getIdLong());
    var author = new MemberId(target.getAuthor().getId());
    // As members read it: mentions as names, not as <@id> markup.
    var words = target.getContentDisplay();
    var eventId = new EventId("interaction:" + event.getId());
    firstResponse(event, community, user, () -> asMember(member, user, actor -> chorus.handle(new Inbound.MessageShortcut(
        community, channel, actor, eventId, shortcut.get(), messageId, threadCard, author, words))));
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    var form = DiscordForms.formId(event.getModalId());
    var guild = event.getGuild();
    var member = event.getMember();
    if (form.isEmpty() || guild == null || member == null) {
      outsideAServer(event);
      return;
    }
    var community = DiscordIds.community(guild.getIdLong());
    var channel = channelOf(event.getChannel());
    var eventId = new EventId("interaction:" + event.getId());
    var values = DiscordForms.values(event.getValues());
    deferThen(event, community, event.getUser(), () -> asMember(member, event.getUser(), actor -> chorus.handle(
        new Inbound.FormSubmitted(community, channel, actor, eventId, form.get(), values))));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    var guild = event.getGuild();
    var member = event.getMember();
    if (guild == null || member == null) {
      outsideAServer(event);
      return;
    }
    var community = DiscordIds.community(guild.getIdLong());
    var channel = channelOf(event.getChannel());
    var eventId = new EventId("interaction:" + event.getId());
    var message = DiscordIds.message(event.getChannel().getIdLong(), event.getMessageIdLong());
    var button = event.getComponentId();
    deferThen(event, community, event.getUser(), () -> asMember(member, event.getUser(), actor -> chorus.handle(
        new Inbound.ButtonPressed(community, channel, actor, eventId, message, button))));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    var guild = event.getGuild();
    if (guild == null) {
      event.replyChoices(List.of()).queue(null, failure -> failed("suggestions", failure));
      return;
    }
    var focused = event.getFocusedOption();
    var typed = focused.getValue();
    var community = DiscordIds.community(guild.getIdLong());
    var channel = channelOf(event.getChannel());
    var answered = new AtomicBoolean();
    timer.schedule(() -> {
      if (answered.compareAndSet(false, true)) {
        event.replyChoices(List.of()).queue(null, failure -> failed("suggestions", failure));
      }
    }, FIRST_RESPONSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    work.run("suggest:" + event.getUser().getId(), () -> {
      var choices = DiscordCommands.suggestsTimeZones(event.getSubcommandName(), focused.getName())
          ? DiscordCommands.zones(typed, MOST_CHOICES).stream().map(zone -> new Command.Choice(zone, zone)).toList()
          : questionChoices(community, channel, typed);
      if (answered.compareAndSet(false, true)) {
        event.replyChoices(choices).queue(null, failure -> failed("suggestions", failure));
      }
    });
  }

  private List<Command.Choice> questionChoices(CommunityId community, ChannelId channel, String typed) {
    try {
      var wanted = typed.strip().toLowerCase(Locale.ROOT).replace("#", "");
      var choices = new ArrayList<Command.Choice>();
      for (var question : chorus.openQuestions(community, channel)) {
        var id = question.id().toString();
        if (wanted.isEmpty() || id.toLowerCase(Locale.ROOT).contains(wanted)
            || question.title().toLowerCase(Locale.ROOT).contains(wanted)) {
          var name = (id + " — " + question.title()).replace('\n', ' ');
          choices.add(new Command.Choice(TextCuts.clip(name, LONGEST_CHOICE), id));
        }
        if (choices.size() == MOST_CHOICES) {
          break;
        }
      }
      return choices;
    } catch (StoreUnavailableException e) {
      return List.of();
    }
  }

  @Override
  public void onMessageReactionAdd(MessageReactionAddEvent event) {
    reaction(event, false);
  }

  @Override
  public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
    reaction(event, true);
  }

  /** A reaction on a message: a vote, or the retraction of one; the bot's own seeded reactions count as nothing. */
  private void reaction(GenericMessageReactionEvent event, boolean removed) {
    if (!event.isFromGuild() || event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) {
      return;
    }
    var community = DiscordIds.community(event.getGuild().getIdLong());
    var channel = channelOf(event.getChannel());
    var message = DiscordIds.message(event.getChannel().getIdLong(), event.getMessageIdLong());
    // A custom emoji is known by its name, which never maps to a vote.
    var emoji = event.getEmoji().getName();
    var user = event.getUserIdLong();
    var member = event.getMember();
    boolean bot = event.getUser() != null && event.getUser().isBot();
    int shard = event.getJDA().getShardInfo().getShardId();
    var session = sessions.computeIfAbsent(shard, s -> UUID.randomUUID().toString());
    // Named by the gateway session and its sequence, so a replayed event keeps its name; and by what it
    // is, since JDA hands events it held back while a server loaded the same sequence number.
    var id = new EventId("reaction:" + (removed ? "-" : "+") + session + ":" + event.getResponseNumber() + ":"
        + message + ":" + Long.toUnsignedString(user) + ":" + emoji);
    work.run(key(community, Long.toUnsignedString(user)), () -> {
      // Described here, on the worker: the role's pin may be read from the store. An ambiguous role name
      // goes unmentioned, or the word would reach the member's direct messages with every reaction.
      var actor = member != null ? actor(member, member.getUser(), facilitators.of(member) == Standing.HOLDS)
          : new Actor(new MemberId(Long.toUnsignedString(user)), Long.toUnsignedString(user), false, false, bot);
      var answers = chorus.handle(removed
          ? new Inbound.ReactionRemoved(community, channel, actor, id, message, emoji)
          : new Inbound.ReactionAdded(community, channel, actor, id, message, emoji));
      // No interaction to answer: what Chorus says to the member (the question after a block, a refusal)
      // goes to their direct messages.
      for (var answer : answers) {
        try {
          if (answer instanceof Effect.Reply reply) {
            chat.post(community, new Destination.Direct(actor.id()), reply.card());
          }
        } catch (ChatException e) {
          LOG.log(Level.INFO, "a private answer to a reaction could not be sent: {0}", e.memberMessage());
        }
      }
    });
  }

  /** Every interaction is answered, even one Chorus has nothing to do with (outside a server). */
  private static void outsideAServer(IReplyCallback event) {
    event.reply("Chorus works in a server's channels: use " + CommandCatalog.SLASH_COMMAND + " in the channel of the question.")
        .setEphemeral(true).queue(null, failure -> failed("a reply outside a server", failure));
  }

  /** Acknowledges at once, handles on a worker, then answers through the hook. */
  private void deferThen(IReplyCallback event, CommunityId community, User user, Supplier<List<Effect.Private>> handle) {
    event.deferReply(true).queue(null, failure -> failed("an acknowledgement", failure));
    var hook = event.getHook();
    work.run(key(community, user.getId()), () -> answer(hook, community, handle.get()),
        () -> hook.editOriginal(MessageEditData.fromCreateData(overloaded(community)))
            .queue(null, failure -> failed("a reply", failure)));
  }

  /**
   * A command that may open a form: the modal must be the first response, so the answer is computed
   * first, against the budget; if the budget runs out the interaction is deferred and the answer
   * follows through the hook (a form then can no longer open, and the member is told what to type).
   */
  private void firstResponse(GenericCommandInteractionEvent event, CommunityId community, User user,
      Supplier<List<Effect.Private>> handle) {
    var responded = new AtomicBoolean();
    timer.schedule(() -> {
      if (responded.compareAndSet(false, true)) {
        event.deferReply(true).queue(null, failure -> failed("an acknowledgement", failure));
      }
    }, FIRST_RESPONSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    Runnable refused = () -> {
      if (responded.compareAndSet(false, true)) {
        event.reply(overloaded(community)).setEphemeral(true).queue(null, failure -> failed("a reply", failure));
      } else {
        event.getHook().editOriginal(MessageEditData.fromCreateData(overloaded(community)))
            .queue(null, failure -> failed("a reply", failure));
      }
    };
    work.run(key(community, user.getId()), () -> {
      var answers = handle.get();
      if (!responded.compareAndSet(false, true)) {
        answer(event.getHook(), community, answers);
        return;
      }
      if (!answers.isEmpty() && answers.get(0) instanceof Effect.ShowForm form) {
        event.replyModal(DiscordForms.modal(form.form())).queue(null, failure -> failed("a form", failure));
        return;
      }
      var messages = messages(community, answers);
      event.reply(messages.get(0)).setEphemeral(true).queue(null, failure -> failed("a reply", failure));
      for (var more : messages.subList(1, messages.size())) {
        event.getHook().sendMessage(more).setEphemeral(true).queue(null, failure -> failed("a reply", failure));
      }
    }, refused);
  }

  /** The member's private answers through the hook of a deferred interaction: the first replaces "thinking…". */
  private void answer(InteractionHook hook, CommunityId community, List<Effect.Private> answers) {
    var messages = messages(community, answers);
    // One after the other: a follow-up sent while "thinking…" still shows would take its place, and
    // the first answer, arriving after it, would then replace it.
    for (int i = 0; i < messages.size(); i++) {
      var message = messages.get(i);
      try {
        if (i == 0) {
          DiscordChat.call(hook.editOriginal(MessageEditData.fromCreateData(message)), "Discord did not take a reply");
        } else {
          DiscordChat.call(hook.sendMessage(message).setEphemeral(true), "Discord did not take a reply");
        }
      } catch (ChatException e) {
        LOG.log(Level.WARNING, "a reply did not reach Discord: {0}", e.memberMessage());
      }
    }
  }

  /**
   * Core's private answers as Discord messages, at least one, since an interaction must be answered;
   * a form asked for too late becomes words saying what to type.
   */
  private List<MessageCreateData> messages(CommunityId community, List<Effect.Private> answers) {
    var renderer = DiscordRenderer.of(community);
    var messages = new ArrayList<MessageCreateData>();
    for (var answer : answers) {
      if (answer instanceof Effect.Reply reply) {
        renderer.render(reply.card()).forEach(m -> messages.add(m.create()));
      } else if (answer instanceof Effect.Attachment file) {
        messages.add(new MessageCreateBuilder()
            .setContent("Your export: " + DiscordText.inline(file.fileName()))
            .setAllowedMentions(List.of()).mentionRepliedUser(false)
            .addFiles(FileUpload.fromData(file.content().bytes(), file.fileName()))
            .build());
      } else {
        renderer.render(Card.text(Text.of("Discord opens a form only as the very first answer to a command, and "
            + "Chorus was too slow this time. Run the command again, or type your text in the command, for "
            + "example " + StandardCommands.VIEW.with(StandardCommands.TEXT + ":", "<your view>") + ".")))
            .forEach(m -> messages.add(m.create()));
      }
    }
    if (messages.isEmpty()) {
      renderer.render(Card.text(Text.of("Done."))).forEach(m -> messages.add(m.create()));
    }
    return messages;
  }

  /** Chorus is too busy to take the event: said in the first message the member sees. */
  private static MessageCreateData overloaded(CommunityId community) {
    return DiscordRenderer.of(community).render(Effect.Reply.overloaded().card()).get(0).create();
  }

  /**
   * Handles the event as the member, on a worker (whether they hold the facilitator role may be read
   * from the store); a member whose role's name several roles bear is told so after Chorus's answer.
   */
  private List<Effect.Private> asMember(Member member, User user, Function<Actor, List<Effect.Private>> handle) {
    var standing = facilitators.of(member);
    var answers = handle.apply(actor(member, user, standing == Standing.HOLDS));
    if (standing != Standing.AMBIGUOUS) {
      return answers;
    }
    var told = new ArrayList<>(answers);
    told.add(DiscordFacilitators.AMBIGUOUS);
    return told;
  }

  /** The member as Discord describes them: their name in this server, and their rights here. */
  private static Actor actor(Member member, User user, boolean facilitator) {
    boolean admin = member.isOwner() || member.hasPermission(Permission.MANAGE_SERVER);
    return new Actor(new MemberId(user.getId()), member.getEffectiveName(), admin, facilitator, user.isBot());
  }

  /** A question lives in a channel; its thread's events belong to that channel. */
  private static ChannelId channelOf(Channel channel) {
    if (channel instanceof ThreadChannel thread) {
      return new ChannelId(Long.toUnsignedString(thread.getParentChannel().getIdLong()));
    }
    return new ChannelId(channel.getId());
  }

  private static String key(CommunityId community, String user) {
    return MemberOrder.key(community, user);
  }

  private static void failed(String what, Throwable failure) {
    Failures.log(LOG, Level.WARNING, what + " did not reach Discord", failure);
  }
}
