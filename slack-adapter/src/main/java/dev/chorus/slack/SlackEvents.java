package dev.chorus.slack;

import dev.chorus.core.command.CommandCatalog;
import com.slack.api.bolt.App;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.chorus.core.Chorus;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.Text;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.ordering.MemberOrder;
import dev.chorus.core.overview.ShowHome;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Slack's events as Chorus's: {@code /respond}, reactions on messages and button presses become
 * core {@link Inbound}s. Every request is acknowledged at once, within Slack's three seconds, and
 * handled on the executor, one member's events in the order they came; what Chorus says privately goes back as an ephemeral message. Slack's
 * event id (kept through retries) is the core's event id, so a retried event changes state once.
 */
public final class SlackEvents implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SlackEvents.class.getName());

  private final Chorus chorus;
  private final SlackChat chat;
  private final Function<CommunityId, AsyncMethodsClient> clients;
  private final MemberOrder order;
  private final SlackRenderer renderer = new SlackRenderer();
  private final SlackMembers members;
  private final @Nullable SlackInstallations installations;
  private final SlackHome home;
  private final java.util.concurrent.ScheduledExecutorService homeTimer;

  public SlackEvents(Chorus chorus, SlackChat chat, Function<CommunityId, AsyncMethodsClient> clients, Executor executor) {
    this(chorus, chat, clients, executor, null);
  }

  /** @param installations the workspaces installed through OAuth, told when one removes Chorus; null with one bot token */
  public SlackEvents(Chorus chorus, SlackChat chat, Function<CommunityId, AsyncMethodsClient> clients, Executor executor,
      @Nullable SlackInstallations installations) {
    this.installations = installations;
    this.order = new MemberOrder(executor);
    this.homeTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "chorus-slack-home");
      thread.setDaemon(true);
      return thread;
    });
    this.home = new SlackHome(chorus, chat, homeTimer, order, java.time.Clock.systemUTC());
    chat.whenPostedInChannel(home::changedForEveryone);
    this.chorus = chorus;
    this.chat = chat;
    this.clients = clients;
    this.members = chat.members();
  }

  /** Registers the handlers on a Bolt app, whichever transport (Socket Mode or HTTP) feeds it. */
  public App register(App app) {
    app.command(CommandCatalog.SLASH_COMMAND, (request, context) -> {
      var p = request.getPayload();
      var community = SlackIds.community(p.getTeamId());
      var channel = new ChannelId(p.getChannelId());
      var text = p.getText() == null || p.getText().isBlank() ? CommandCatalog.SLASH_COMMAND
          : CommandCatalog.SLASH_COMMAND + " " + p.getText();
      // A slash command is never retried by Slack; its trigger id names this invocation.
      var event = new EventId("command:" + p.getTriggerId());
      var user = p.getUserId();
      var name = p.getUserName() == null ? user : p.getUserName();
      // The payload says nothing of rights: the member is asked of Slack (or the cache) on the executor,
      // after the acknowledgement, as for every other event.
      work(community, channel, user, p.getTriggerId(), () -> chorus.handle(new Inbound.CommandInvoked(community,
          channel, members.actor(community, user, name), event, text)));
      return context.ack();
    });
    // Bolt drops the bot's own events (its seeded reactions) before these handlers run.
    app.event(ReactionAddedEvent.class, (payload, context) -> {
      var e = payload.getEvent();
      if (e.getItem() != null && "message".equals(e.getItem().getType())) {
        reaction(payload.getTeamId(), payload.getEventId(), e.getUser(), e.getItem().getChannel(), e.getItem().getTs(),
            e.getReaction(), false);
      }
      return context.ack();
    });
    app.event(ReactionRemovedEvent.class, (payload, context) -> {
      var e = payload.getEvent();
      if (e.getItem() != null && "message".equals(e.getItem().getType())) {
        reaction(payload.getTeamId(), payload.getEventId(), e.getUser(), e.getItem().getChannel(), e.getItem().getTs(),
            e.getReaction(), true);
      }
      return context.ack();
    });
    app.event(AppHomeOpenedEvent.class, (payload, context) -> {
      var e = payload.getEvent();
      if ("home".equals(e.getTab()) && e.getUser() != null) {
        var community = SlackIds.community(payload.getTeamId());
        var user = e.getUser();
        var channel = e.getChannel() == null ? "" : e.getChannel();
        // After the member's earlier events, so the home shows what they just did.
        order.run(MemberOrder.key(community, user), () -> home.opened(community, user, channel), () -> {});
      }
      return context.ack();
    });
    app.blockAction(Pattern.compile(".+"), (request, context) -> {
      var p = request.getPayload();
      if (p.getView() != null && "home".equals(p.getView().getType()) && !p.getActions().isEmpty()) {
        // A button of the Home tab: the command it stands for, as if typed in the app's direct messages.
        var community = SlackIds.community(p.getTeam().getId());
        var user = p.getUser().getId();
        var command = ShowHome.commandOf(p.getActions().get(0).getActionId());
        if (command.isPresent()) {
          var dm = home.channelOf(community, user);
          var channel = new ChannelId(dm == null ? user : dm);
          var event = new EventId("action:" + p.getTriggerId());
          // The answer goes to the member's direct messages with Chorus: the Home tab has no place for it.
          work(community, channel, user, null, () -> chorus.handle(new Inbound.CommandInvoked(community, channel,
              actor(community, user), event, command.get())), card -> direct(community, user, card), () -> {});
        }
        return context.ack();
      }
      if (p.getChannel() != null && p.getMessage() != null && !p.getActions().isEmpty()) {
        var community = SlackIds.community(p.getTeam().getId());
        var channel = new ChannelId(p.getChannel().getId());
        var user = p.getUser().getId();
        var action = p.getActions().get(0).getActionId();
        var message = SlackIds.message(channel, p.getMessage().getTs());
        work(community, channel, user, p.getTriggerId(), () -> chorus.handle(new Inbound.ButtonPressed(community, channel,
            actor(community, user), new EventId("action:" + p.getTriggerId()), message, action)));
      }
      return context.ack();
    });
    app.viewSubmission(SlackForms.CALLBACK, (request, context) -> {
      var p = request.getPayload();
      var community = SlackIds.community(p.getTeam().getId());
      var opened = SlackForms.opened(p.getView().getPrivateMetadata());
      var user = p.getUser().getId();
      var fields = SlackForms.values(p.getView().getState().getValues());
      // A submission is not retried by Slack; the view's id names it.
      var event = new EventId("view:" + p.getView().getId());
      work(community, opened.channel(), user, null, () -> chorus.handle(new Inbound.FormSubmitted(community,
          opened.channel(), actor(community, user), event, opened.formId(), fields)));
      return context.ack();
    });
    for (var shortcut : Inbound.Shortcut.values()) {
      app.messageShortcut(SlackShortcuts.callbackId(shortcut), (request, context) -> {
        var p = request.getPayload();
        var community = SlackIds.community(p.getTeam().getId());
        var channel = new ChannelId(p.getChannel().getId());
        var user = p.getUser().getId();
        var message = p.getMessage();
        var ts = message.getTs() == null ? p.getMessageTs() : message.getTs();
        // A reply in a thread names its parent; the parent itself (and a message with no thread) is in the channel.
        var thread = message.getThreadTs() == null || message.getThreadTs().equals(ts) ? null
            : SlackIds.message(channel, message.getThreadTs());
        // A message by an app has no user: it is never the member's own.
        var author = new MemberId(message.getUser() == null ? "" : message.getUser());
        // Slack stores the text with its markup; the form shows it as the author reads it.
        var words = message.getText() == null ? "" : SlackText.readable(message.getText());
        work(community, channel, user, p.getTriggerId(), () -> chorus.handle(new Inbound.MessageShortcut(community, channel,
            actor(community, user), new EventId("shortcut:" + p.getTriggerId()), shortcut, SlackIds.message(channel, ts),
            thread, author, words)));
        return context.ack();
      });
    }
    var installed = installations;
    if (installed != null) {
      // Recorded before the acknowledgement: if Redis cannot take it, Slack is answered 500 and sends it again.
      app.event(AppUninstalledEvent.class, (payload, context) -> {
        installed.removed(payload.getTeamId(), toldAt(payload.getEventTime()));
        return context.ack();
      });
      app.event(TokensRevokedEvent.class, (payload, context) -> {
        var tokens = payload.getEvent().getTokens();
        // Only the bot's token matters: Chorus asks for no user tokens.
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
          installed.removed(payload.getTeamId(), toldAt(payload.getEventTime()));
        }
        return context.ack();
      });
    }
    return app;
  }

  /** Stops republishing homes: what was waiting to go out is dropped (the next opening publishes it). */
  @Override
  public void close() {
    homeTimer.shutdownNow();
  }

  /** When Slack says an event happened (whole seconds); now when it does not say. */
  private static java.time.Instant toldAt(@Nullable Integer eventTime) {
    return eventTime == null ? java.time.Instant.now() : java.time.Instant.ofEpochSecond(eventTime);
  }

  /** A reaction on a message: a vote, or the retraction of one. */
  private void reaction(String team, String eventId, String user, String channelId, String timestamp, String emoji,
      boolean removed) {
    var community = SlackIds.community(team);
    var channel = new ChannelId(channelId);
    var event = new EventId(eventId);
    var message = SlackIds.message(channel, timestamp);
    // The core knows emoji, not Slack's names for them.
    var unicode = SlackEmoji.unicode(emoji);
    // Who reacted is asked of Slack on the executor: the acknowledgement never waits for it. What Chorus
    // says to them (the question after a block, a refusal) goes back as an ephemeral message.
    work(community, channel, user, null, () -> {
      var actor = actor(community, user);
      return chorus.handle(removed
          ? new Inbound.ReactionRemoved(community, channel, actor, event, message, unicode)
          : new Inbound.ReactionAdded(community, channel, actor, event, message, unicode));
    });
  }

  /**
   * Handles on the executor, after the member's earlier events, then tells the member privately what
   * Chorus answered. When the workers are full, the member is told at once that nothing was changed,
   * without waiting for Slack.
   *
   * @param trigger the interaction's trigger id, for opening a form (valid for three seconds)
   */
  private void work(CommunityId community, ChannelId channel, String member, @Nullable String trigger,
      Supplier<List<Effect.Private>> handle) {
    work(community, channel, member, trigger, handle, card -> ephemeral(community, channel, member, card), () -> {
      var client = clients.apply(community);
      ephemerals(channel, member, Effect.Reply.overloaded().card()).forEach(client::chatPostEphemeral);
    });
  }

  /**
   * @param tell how the member is told privately (an ephemeral message, or a direct message where
   *     there is no channel to show one in)
   * @param overloaded what the member is told at once when the workers are full; never waits for Slack
   */
  private void work(CommunityId community, ChannelId channel, String member, @Nullable String trigger,
      Supplier<List<Effect.Private>> handle, Consumer<Card> tell, Runnable overloaded) {
    // One member's events in the order Slack sent them: a reaction taken back at once ends removed.
    order.run(MemberOrder.key(community, member), () -> {
      for (var answer : handle.get()) {
        if (answer instanceof Effect.ShowForm form && trigger != null) {
          openForm(community, channel, trigger, form, tell);
        } else {
          tell.accept(cardOf(community, member, answer));
        }
      }
      // What the member did may change their Home tab (a draft voted on, a view shared, a setting).
      home.changed(community, member);
    }, overloaded);
  }

  /** A card as the ephemeral messages that show it to one member. */
  private List<ChatPostEphemeralRequest> ephemerals(ChannelId channel, String member, Card card) {
    return renderer.render(card).stream().map(message -> ChatPostEphemeralRequest.builder().channel(channel.value())
        .user(member).text(message.text()).blocksAsString(message.blocksJson()).build()).toList();
  }

  private void openForm(CommunityId community, ChannelId channel, String trigger, Effect.ShowForm form,
      Consumer<Card> tell) {
    try {
      var view = ViewsOpenRequest.builder().triggerId(trigger).viewAsString(SlackForms.modal(form.form(), channel)).build();
      chat.now(community, client -> client.viewsOpen(view), "Slack did not open the form");
      return;
    } catch (ChatException e) {
      LOG.log(Level.WARNING, "a form did not reach Slack: {0}", e.memberMessage());
    }
    tell.accept(Card.text(Text.of("Slack did not open the form in time. Type the command with "
        + "its text instead, for example " + CommandCatalog.bare("<your view>") + " or " + StandardCommands.OPEN.with("<title>")
        + ".")));
  }

  /** What Chorus tells the member, as a card: an export goes to their direct messages first. */
  private Card cardOf(CommunityId community, String member, Effect.Private answer) {
    if (answer instanceof Effect.Reply reply) {
      return reply.card();
    }
    if (answer instanceof Effect.Attachment file) {
      String told;
      try {
        chat.sendFile(community, new MemberId(member), file.fileName(), file.content(), "Your export: " + file.fileName());
        told = "The export " + file.fileName() + " is in your direct messages with Chorus.";
      } catch (ChatException e) {
        told = e.memberMessage();
      }
      return Card.text(Text.of(told));
    }
    return Card.text(Text.of(
        "That opens a form, which Slack lets Chorus show only right after a command or a button: type the "
            + "command with its text instead."));
  }

  /** A card as ephemeral messages in the channel, seen by the member alone. */
  private void ephemeral(CommunityId community, ChannelId channel, String member, Card card) {
    for (var request : ephemerals(channel, member, card)) {
      try {
        chat.now(community, client -> client.chatPostEphemeral(request), "Slack did not take a private reply");
      } catch (ChatException e) {
        LOG.log(Level.WARNING, "a private reply did not reach Slack: {0}", e.memberMessage());
      }
    }
  }

  /** A card in the member's direct messages with Chorus. */
  private void direct(CommunityId community, String member, Card card) {
    try {
      chat.post(community, new Destination.Direct(new MemberId(member)), card);
    } catch (ChatException e) {
      LOG.log(Level.WARNING, "an answer did not reach the member's direct messages: {0}", e.memberMessage());
    }
  }

  private Actor actor(CommunityId community, String user) {
    return members.actor(community, user);
  }
}
