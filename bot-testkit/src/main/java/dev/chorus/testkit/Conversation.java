package dev.chorus.testkit;

import dev.chorus.core.Chorus;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.report.Reports;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Form;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Members talking to Chorus in one community, on in-memory ports: {@code say(alice, "/respond open
 * …")}, {@code react(bob, 7, "👍")}, {@code press(carol, 9, "Agree")}, {@code submit(dave, form, "…")}.
 * Messages are numbered per community as the shell numbers them.
 */
public final class Conversation {
  public static final byte[] TEST_SECRET = "chorus-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private final CommunityId community;
  private final InMemoryStores stores;
  private final RecordingChat chat;
  private final MutableClock clock;
  private final Chorus chorus;
  private final Map<String, Actor> members = new LinkedHashMap<>();
  private ChannelId channel = new ChannelId("general");
  private final String eventPrefix;
  private long events;

  private final Reports reports;

  private Conversation(CommunityId community, InMemoryStores stores, RecordingChat chat, MutableClock clock,
      Settings settings, long seed, String eventPrefix, Reports reports) {
    this.reports = reports;
    this.eventPrefix = eventPrefix;
    this.community = community;
    this.stores = stores;
    this.chat = chat;
    this.clock = clock;
    this.chorus = new Chorus(stores.stores(), chat, new Pseudonyms(TEST_SECRET), clock, settings, new Random(seed),
        Observer.NONE, reports);
  }

  /** A fresh community on fresh ports, at 2026-11-02 09:00 UTC. */
  public static Conversation start() {
    return in(new CommunityId("local"));
  }

  public static Conversation in(CommunityId community) {
    return in(community, Reports.UNAVAILABLE);
  }

  /** A fresh community whose Chorus renders reports with {@code reports}. */
  public static Conversation reporting(Reports reports) {
    return in(new CommunityId("local"), reports);
  }

  /** A fresh community whose Chorus runs on these settings. */
  public static Conversation with(Settings settings) {
    var clock = MutableClock.at("2026-11-02T09:00:00Z");
    return new Conversation(new CommunityId("local"), new InMemoryStores(clock), new RecordingChat(), clock, settings, 1,
        "e", Reports.UNAVAILABLE);
  }

  private static Conversation in(CommunityId community, Reports reports) {
    var clock = MutableClock.at("2026-11-02T09:00:00Z");
    return new Conversation(community, new InMemoryStores(clock), new RecordingChat(), clock, Settings.DEFAULTS, 1, "e",
        reports);
  }

  /** Another community on the same ports, to prove that nothing crosses between them. */
  public Conversation neighbour(CommunityId other) {
    return new Conversation(other, stores, chat, clock, Settings.DEFAULTS, 1, "e", reports);
  }

  /**
   * A second Chorus on the same ports and community, as another replica of the bot would be: it
   * keeps its own recent questions, and its platform events have ids of their own.
   */
  public Conversation replica(String name) {
    var replica = new Conversation(community, stores, chat, clock, Settings.DEFAULTS, 1, name + "-e", reports);
    replica.channel = channel;
    return replica;
  }

  public Actor member(String name) {
    return members.computeIfAbsent(name, n -> new Actor(new MemberId("U" + Integer.toHexString(n.hashCode()).toUpperCase()),
        n, false, false, false));
  }

  public Actor facilitator(String name) {
    var actor = member(name).asFacilitator();
    members.put(name, actor);
    return actor;
  }

  public Conversation inChannel(String name) {
    channel = new ChannelId(name);
    return this;
  }

  public Answer say(Actor who, String line) {
    return handle(new Inbound.CommandInvoked(community, channel, who, nextEvent(), line));
  }

  /**
   * A reaction on message n, shown on the platform and its event handled; on a message that does not
   * exist yet, nothing happens, as on a platform.
   */
  public Answer react(Actor who, int message, String emoji) {
    if (chat.find(community, message).isEmpty()) {
      return new Answer(List.of());
    }
    chat.platformReaction(community, String.valueOf(message), who, emoji, true);
    return handle(new Inbound.ReactionAdded(community, channel, who, nextEvent(), String.valueOf(message), emoji));
  }

  public Answer unreact(Actor who, int message, String emoji) {
    if (chat.find(community, message).isEmpty()) {
      return new Answer(List.of());
    }
    chat.platformReaction(community, String.valueOf(message), who, emoji, false);
    return handle(new Inbound.ReactionRemoved(community, channel, who, nextEvent(), String.valueOf(message), emoji));
  }

  /** A reaction added or taken away while Chorus is down: the platform shows it, and its event is lost. */
  public void reactUnheard(Actor who, int message, String emoji, boolean present) {
    chat.platformReaction(community, String.valueOf(message), who, emoji, present);
  }

  /** Reconciles the question's votes with the platform's reactions, as after a restart or before a close. */
  public Chorus.Reconciled reconcile(int question) {
    return chorus.reconcile(community, new dev.chorus.core.question.QuestionId(question), Chorus.Reconcile.EVERY_VOTE_MESSAGE,
        null, java.time.Duration.ZERO);
  }

  /** This conversation's Chorus, for what the helpers above do not cover. */
  public Chorus chorus() {
    return chorus;
  }

  /** Presses the button with that label on the message as it now shows. */
  public Answer press(Actor who, int message, String label) {
    var posted = chat.find(community, message).orElseThrow(() -> new AssertionError("no message " + message));
    var button = posted.card().buttons().stream().filter(b -> b.label().equalsIgnoreCase(label)).findFirst()
        .orElseThrow(() -> new AssertionError("message " + message + " has no button " + label));
    return handle(new Inbound.ButtonPressed(community, channel, who, nextEvent(), posted.id(), button.action()));
  }

  /**
   * A member uses a message shortcut on a message a member wrote in a question's thread (the thread
   * of the question card numbered {@code card}), or in the channel itself when {@code card} is 0.
   */
  public Answer shortcut(Actor who, Inbound.Shortcut shortcut, int card, Actor author, String words) {
    String threadCard = null;
    if (card > 0) {
      threadCard = chat.find(community, card).orElseThrow(() -> new AssertionError("no message " + card)).id();
    }
    return handle(new Inbound.MessageShortcut(community, channel, who, nextEvent(), shortcut, "member-message-" + events,
        threadCard, author.id(), words));
  }

  /** Fills the form's main (first) field and submits it. */
  public Answer submit(Actor who, Form form, String text) {
    return handle(new Inbound.FormSubmitted(community, channel, who, nextEvent(), form.id(),
        Map.of(form.fields().get(0).id(), text)));
  }

  public Answer handle(Inbound inbound) {
    return new Answer(chorus.handle(inbound));
  }

  /** The same event delivered again, as a platform retry would. */
  public Answer redeliver(Inbound inbound) {
    return handle(inbound);
  }

  private EventId nextEvent() {
    return new EventId(eventPrefix + (++events));
  }

  public CommunityId community() {
    return community;
  }

  public ChannelId channel() {
    return channel;
  }

  /** Every store this conversation writes to. */
  public InMemoryStores stores() {
    return stores;
  }

  public InMemoryQuestions questions() {
    return stores.questions();
  }

  public InMemoryMessageLinks links() {
    return stores.links();
  }

  public RecordingChat chat() {
    return chat;
  }

  public MutableClock clock() {
    return clock;
  }

  /** The newest message posted in this community. */
  public RecordingChat.Posted lastMessage() {
    var all = chat.messages(community);
    if (all.isEmpty()) {
      throw new AssertionError("nothing was posted");
    }
    return all.get(all.size() - 1);
  }

  /** The number of the newest message whose text contains the words. */
  public int message(String containing) {
    return chat.last(community, containing).number();
  }
}
