package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Members react the instant a message appears, before Chorus has its id back from the platform:
 * those votes are held and counted once the message is linked, in the order they came, and a
 * message is linked before anything else is done to it.
 */
class ReactionsBeforeTheLinkTest {
  private final MutableClock clock = MutableClock.at("2026-11-02T09:00:00Z");
  private final InMemoryStores stores = new InMemoryStores(clock);
  private final CommunityId community = new CommunityId("c");
  private final ChannelId channel = new ChannelId("general");
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final OvertakingChat chat = new OvertakingChat();
  private final Chorus chorus = new Chorus(stores.stores(), chat, new Pseudonyms(Conversation.TEST_SECRET), clock,
      Settings.DEFAULTS, new Random(1), Observer.NONE, later);
  private final AtomicInteger events = new AtomicInteger();

  /**
   * A platform whose members see a message the moment it exists: the listener runs inside the post,
   * before the message's id is handed back, as a reaction event overtaking the post's response does.
   */
  private final class OvertakingChat implements Chat {
    final RecordingChat recording = new RecordingChat();
    final List<String> decoratedWhileLinked = new CopyOnWriteArrayList<>();
    final List<String> decoratedUnlinked = new CopyOnWriteArrayList<>();
    volatile BiConsumer<PostedMessage, Card> onPosted = (message, card) -> {};

    @Override
    public PostedMessage post(CommunityId c, Destination destination, Card card) {
      var message = recording.post(c, destination, card);
      onPosted.accept(message, card);
      return message;
    }

    @Override
    public void decorate(CommunityId c, PostedMessage message, Card card) {
      (stores.links().targetOf(c, message.id()).isPresent() ? decoratedWhileLinked : decoratedUnlinked).add(message.id());
    }

    @Override
    public void edit(CommunityId c, PostedMessage message, Card card) {
      recording.edit(c, message, card);
    }
  }

  @AfterEach
  void stop() {
    later.shutdownNow();
  }

  private void say(Actor who, String line) {
    chorus.handle(new Inbound.CommandInvoked(community, channel, who, new EventId("e" + events.incrementAndGet()), line));
  }

  private Inbound react(Actor who, String messageId, String emoji) {
    return new Inbound.ReactionAdded(community, channel, who, new EventId("e" + events.incrementAndGet()), messageId, emoji);
  }

  private Inbound unreact(Actor who, String messageId, String emoji) {
    return new Inbound.ReactionRemoved(community, channel, who, new EventId("e" + events.incrementAndGet()), messageId, emoji);
  }

  private static Actor member(int n) {
    return Actor.member("U" + n, "member " + n);
  }

  private static void until(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(10);
    }
  }

  private void openWithAView() {
    say(Actor.member("U0", "ana"), "/respond open Shall we answer the consultation?");
    say(Actor.member("U0", "ana"), "/respond We should, with care");
  }

  @Test
  void everyVoteCastTheMomentTheDraftAppearsCountsAndTheTallyEndsExact() throws Exception {
    openWithAView();
    var voters = new ArrayList<Actor>();
    for (int i = 1; i <= 24; i++) {
      voters.add(member(i));
    }
    chat.onPosted = (message, card) -> {
      if (card.plainText().contains("Draft v1") || card.seededReactions().contains("✅")) {
        for (var voter : voters) {
          chorus.handle(react(voter, message.id(), voter.id().value().equals("U7") ? "❌" : "✅"));
        }
      }
    };
    say(Actor.member("U0", "ana"), "/respond draft We answer: yes, with care.");

    until("24 ballots", () -> stores.questions().find(community, new QuestionId(1)).orElseThrow()
        .draft(new DraftVersion(1)).orElseThrow().ballots().size() == 24);
    var ballots = stores.questions().find(community, new QuestionId(1)).orElseThrow().draft(new DraftVersion(1))
        .orElseThrow().ballots();
    assertThat(ballots.values().stream().filter(b -> b.choice() == DraftChoice.AGREE)).hasSize(23);
    assertThat(ballots.values().stream().filter(b -> b.choice() == DraftChoice.DISAGREE)).hasSize(1);
    // Both draft messages (the thread's and the channel's announcement) were voted on at once, and both show the tally.
    for (var target : List.<Target>of(new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)),
        new Target.DraftAnnouncement(new QuestionId(1), new DraftVersion(1)))) {
      var message = stores.links().messagesOf(community, target).get(0);
      until("the tally on " + target, () -> chat.recording.find(community, Integer.parseInt(message.id())).orElseThrow()
          .text().contains("23 agree"));
    }
  }

  @Test
  void aMessageIsLinkedBeforeItIsDecorated() {
    openWithAView();
    say(Actor.member("U0", "ana"), "/respond draft A draft to seed");
    assertThat(chat.decoratedWhileLinked).isNotEmpty();
    assertThat(chat.decoratedUnlinked).as("decorated before its link").isEmpty();
  }

  @Test
  void aMemberWhoChangesTheirMindBeforeTheLinkEndsWithTheirLastChoice() throws Exception {
    say(Actor.member("U0", "ana"), "/respond open Shall we answer the consultation?");
    var ben = member(1);
    var cem = member(2);
    chat.onPosted = (message, card) -> {
      if (card.seededReactions().contains("👍")) {
        chorus.handle(react(ben, message.id(), "👍"));
        chorus.handle(unreact(ben, message.id(), "👍"));
        chorus.handle(react(ben, message.id(), "👎"));
        chorus.handle(react(cem, message.id(), "👍"));
        chorus.handle(unreact(cem, message.id(), "👍"));
      }
    };
    say(Actor.member("U0", "ana"), "/respond We should, with care");

    // ben ends on disagree; cem took his vote back. Held reactions are handed back on another thread.
    until("ben's last choice, and cem's withdrawal", () -> votesOnV1().size() == 1
        && votesOnV1().values().stream().allMatch(v -> v.name().equals("DISAGREE")));
    Thread.sleep(300);
    assertThat(votesOnV1().values()).extracting(Enum::name).containsExactly("DISAGREE");
  }

  private java.util.Map<dev.chorus.core.question.MemberKey, dev.chorus.core.question.StatementChoice> votesOnV1() {
    return stores.questions().find(community, new QuestionId(1)).orElseThrow().statement(new StatementId(1)).orElseThrow()
        .votes();
  }

  @Test
  void aLinkMadeByAnotherReplicaIsFoundALittleLater() throws Exception {
    openWithAView();
    // The view's message as another replica posted it, not linked yet when the reaction comes.
    var posted = chat.recording.post(community, new Destination.Channel(channel), Card.text(dev.chorus.core.message.Text.of("V1")));
    chorus.handle(react(member(1), posted.id(), "👎"));
    assertThat(votesOnV1()).isEmpty();
    stores.links().link(community, posted, new Target.StatementMessage(new QuestionId(1), new StatementId(1)));

    until("the held vote counted", () -> votesOnV1().size() == 1);
  }

  @Test
  void aBlockHeldUntilTheLinkAsksForItsReasonByDirectMessage() throws Exception {
    openWithAView();
    var dan = member(4);
    chat.onPosted = (message, card) -> {
      if (card.seededReactions().contains("✋")) {
        chorus.handle(react(dan, message.id(), "✋"));
        chat.onPosted = (m, c) -> {};
      }
    };
    say(Actor.member("U0", "ana"), "/respond draft A draft someone blocks");

    until("the reason asked by direct message", () -> chat.recording.messages(community).stream()
        .anyMatch(m -> m.destination().equals(new Destination.Direct(dan.id())) && m.text().contains("please say why")));
  }
}
