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
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.StatementId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Votes whose events were lost are brought back from the reactions members see: what appeared
 * counts, what disappeared is taken back, and reconciling again changes nothing.
 */
class ReconciliationTest {

  private static Question question(Conversation chat, int number) {
    return chat.questions().find(chat.community(), new QuestionId(number)).orElseThrow();
  }

  private static int draftMessage(Conversation chat, int question, int version) {
    return Integer.parseInt(chat.links().messagesOf(chat.community(),
        new Target.DraftMessage(new QuestionId(question), new DraftVersion(version))).get(0).id());
  }

  private static int announcement(Conversation chat, int question, int version) {
    return Integer.parseInt(chat.links().messagesOf(chat.community(),
        new Target.DraftAnnouncement(new QuestionId(question), new DraftVersion(version))).get(0).id());
  }

  private static int viewMessage(Conversation chat, int question, int statement) {
    return Integer.parseInt(chat.links().messagesOf(chat.community(),
        new Target.StatementMessage(new QuestionId(question), new StatementId(statement))).get(0).id());
  }

  /** Ana's question with her view and a draft, Ben's reaction on the draft heard as usual. */
  private static Conversation withADraft() {
    var chat = Conversation.start();
    var ana = chat.member("ana");
    chat.say(ana, "/respond open Shall we answer the consultation?");
    chat.say(ana, "/respond We should, with care");
    chat.say(ana, "/respond draft We answer: yes, with care.");
    chat.react(chat.member("ben"), draftMessage(chat, 1, 1), "✅");
    return chat;
  }

  @Test
  void votesCastWhileChorusWasDownCountOnceAndARemovalTakesBackTheVoteThatCounted() {
    var chat = withADraft();
    var draft = draftMessage(chat, 1, 1);
    // While Chorus is down: three members vote, and ben takes his vote back. No event reaches Chorus.
    chat.reactUnheard(chat.member("cem"), draft, "✅", true);
    chat.reactUnheard(chat.member("dan"), announcement(chat, 1, 1), "✔️", true);
    chat.reactUnheard(chat.member("eve"), draft, "❌", true);
    chat.reactUnheard(chat.member("ben"), draft, "✅", false);
    assertThat(question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots()).hasSize(1);

    var reconciled = chat.reconcile(1);

    var ballots = question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots();
    assertThat(ballots.values()).extracting(b -> b.choice()).containsExactlyInAnyOrder(DraftChoice.AGREE,
        DraftChoice.AGREE, DraftChoice.DISAGREE);
    assertThat(ballots.values()).extracting(b -> b.voterName()).containsExactlyInAnyOrder("cem", "dan", "eve");
    assertThat(reconciled.counted()).isEqualTo(3);
    assertThat(reconciled.withdrawn()).isEqualTo(1);
    // The tally shown is edited to match.
    assertThat(chat.chat().find(chat.community(), draft).orElseThrow().text()).contains("2 agree").contains("1 disagree");

    var before = chat.questions().snapshot(chat.community());
    var again = chat.reconcile(1);
    assertThat(again.counted() + again.withdrawn() + again.unclear()).as("reconciling twice changes nothing").isZero();
    assertThat(chat.questions().snapshot(chat.community())).isEqualTo(before);
  }

  @Test
  void afterEventsThatAllArrivedReconcilingChangesNothing() {
    var chat = withADraft();
    var view = viewMessage(chat, 1, 1);
    chat.react(chat.member("cem"), view, "👍");
    chat.react(chat.member("dan"), view, "👎");
    chat.unreact(chat.member("dan"), view, "👎");
    chat.react(chat.member("dan"), view, "🤷");
    chat.react(chat.member("eve"), draftMessage(chat, 1, 1), "✋");
    var before = chat.questions().snapshot(chat.community());

    var reconciled = chat.reconcile(1);

    assertThat(reconciled.counted() + reconciled.withdrawn() + reconciled.unclear()).isZero();
    assertThat(reconciled.messages()).as("the view and both draft messages were read").isEqualTo(3);
    assertThat(chat.questions().snapshot(chat.community())).isEqualTo(before);
  }

  @Test
  void aReactionRemovedWhileDownNeverTakesBackALaterVoteByCommand() {
    var chat = withADraft();
    var ben = chat.member("ben");
    chat.say(ben, "/respond vote v1 disagree");
    chat.reactUnheard(ben, draftMessage(chat, 1, 1), "✅", false);

    chat.reconcile(1);

    assertThat(question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots().values())
        .extracting(b -> b.choice()).containsExactly(DraftChoice.DISAGREE);
  }

  @Test
  void aReactionTakenAwayNeverUndoesTheSameChoiceMadeLaterByCommandWhetherHeardOrFoundByReconciling() {
    var chat = withADraft();
    var ben = chat.member("ben");
    var draft = draftMessage(chat, 1, 1);
    // Ben's ✅ counted; then he changed his mind twice by command, ending on agree again.
    chat.say(ben, "/respond vote v1 disagree");
    chat.say(ben, "/respond vote v1 agree");
    chat.unreact(ben, draft, "✅");
    assertThat(question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots().values())
        .as("heard: the vote he cast by command stays").extracting(b -> b.choice()).containsExactly(DraftChoice.AGREE);

    var cem = chat.member("cem");
    chat.react(cem, draft, "✅");
    chat.say(cem, "/respond vote v1 block");
    chat.say(cem, "/respond vote v1 agree");
    chat.reactUnheard(cem, draft, "✅", false);
    chat.reconcile(1);
    assertThat(question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots().values())
        .as("found by reconciling: the same").extracting(b -> b.choice()).containsExactly(DraftChoice.AGREE, DraftChoice.AGREE);

    // A vote a reaction cast is taken back by taking the reaction away, as ever.
    var dan = chat.member("dan");
    chat.react(dan, draft, "❌");
    chat.unreact(dan, draft, "❌");
    assertThat(question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots()).hasSize(2);
  }

  @Test
  void severalNewVoteReactionsOfOneMemberCountNoneAndTheMemberIsAskedOnceToChoose() {
    var chat = withADraft();
    var fay = chat.member("fay");
    var draft = draftMessage(chat, 1, 1);
    chat.reactUnheard(fay, draft, "✅", true);
    chat.reactUnheard(fay, draft, "✋", true);

    var reconciled = chat.reconcile(1);

    assertThat(reconciled.unclear()).isEqualTo(1);
    assertThat(question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots()).hasSize(1);
    var asked = chat.chat().messages(chat.community()).stream()
        .filter(m -> m.destination().equals(new Destination.Direct(fay.id()))).toList();
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).text()).contains("several vote reactions on v1 of Q1").contains("/respond #Q1 vote v1");
    chat.reconcile(1);
    assertThat(chat.chat().messages(chat.community()).stream()
        .filter(m -> m.destination().equals(new Destination.Direct(fay.id())))).as("asked once").hasSize(1);

    // Fay takes away the block: her remaining reaction still counts only once she adds it again or votes.
    chat.unreact(fay, draft, "✋");
    chat.say(fay, "/respond vote v1 agree");
    assertThat(question(chat, 1).draft(new DraftVersion(1)).orElseThrow().ballots()).hasSize(2);
  }

  @Test
  void aCloseCountsTheVotesWhoseEventsWereLost() {
    var chat = withADraft();
    var ana = chat.member("ana");
    var draft = draftMessage(chat, 1, 1);
    chat.reactUnheard(chat.member("cem"), draft, "✅", true);
    chat.reactUnheard(chat.member("dan"), draft, "✅", true);

    var closed = chat.say(ana, "/respond close");

    assertThat(closed.refused()).as(closed.text()).isFalse();
    var q = question(chat, 1);
    assertThat(q.status()).isEqualTo(QuestionStatus.CLOSED);
    assertThat(q.draft(new DraftVersion(1)).orElseThrow().ballots()).hasSize(3);
    assertThat(chat.chat().last(chat.community(), "Q1 closed").text()).contains("3 agree");
  }

  @Test
  void aBlockFoundByReconcilingAsksForItsReasonByDirectMessage() {
    var chat = withADraft();
    var gil = chat.member("gil");
    chat.reactUnheard(gil, draftMessage(chat, 1, 1), "✋", true);

    chat.reconcile(1);

    assertThat(chat.chat().messages(chat.community()).stream()
        .filter(m -> m.destination().equals(new Destination.Direct(gil.id())))
        .anyMatch(m -> m.text().contains("please say why"))).isTrue();
  }

  @Test
  void reactionsOfBotsAndOfAnonymousQuestionsAreLeftAlone() {
    var chat = withADraft();
    var bot = new Actor(new dev.chorus.core.community.MemberId("B1"), "helper-bot", false, false, true);
    chat.reactUnheard(bot, draftMessage(chat, 1, 1), "✅", true);
    assertThat(chat.reconcile(1).counted()).isZero();

    var ana = chat.member("ana");
    chat.inChannel("secret").say(ana, "/respond open A secret ballot --anonymous");
    chat.say(chat.member("ben"), "/respond #Q2 A view nobody may trace");
    var view = viewMessage(chat, 2, 1);
    chat.reactUnheard(chat.member("cem"), view, "👍", true);
    int reads = chat.chat().reactionReads();
    assertThat(chat.reconcile(2)).isEqualTo(Chorus.Reconciled.NONE);
    assertThat(chat.chat().reactionReads()).as("an anonymous question's reactions are not even read").isEqualTo(reads);
    assertThat(question(chat, 2).statement(new StatementId(1)).orElseThrow().votes()).isEmpty();
  }

  @Test
  void replicasReconcilingTheSameRoundReadEachMessageOnceAndCountEachVoteOnce() {
    var clock = MutableClock.at("2026-11-02T09:00:00Z");
    var stores = new InMemoryStores(clock);
    var chat = new RecordingChat();
    var community = new CommunityId("c");
    var votes = new CopyOnWriteArrayList<String>();
    Observer counting = new Observer() {
      @Override
      public void handled(String kind, Result result, long nanos) {}

      @Override
      public void voted(String via) {
        votes.add(via);
      }
    };
    var replicas = new ArrayList<Chorus>();
    for (int i = 0; i < 3; i++) {
      replicas.add(new Chorus(stores.stores(), chat, new Pseudonyms(Conversation.TEST_SECRET), clock, Settings.DEFAULTS,
          new Random(i), counting));
    }
    var ana = Actor.member("U1", "ana");
    int[] events = {0};
    for (var line : List.of("/respond open Shall we?", "/respond Yes", "/respond draft Yes, we shall.")) {
      replicas.get(0).handle(new Inbound.CommandInvoked(community, new ChannelId("general"), ana,
          new EventId("e" + (++events[0])), line));
    }
    var draft = stores.links().messagesOf(community, new Target.DraftMessage(new QuestionId(1), new DraftVersion(1)));
    for (int m = 0; m < 3; m++) {
      chat.platformReaction(community, draft.get(0).id(), Actor.member("U" + (10 + m), "member " + m), "✅", true);
    }
    votes.clear();
    int reads = chat.reactionReads();

    for (var replica : replicas) {
      replica.reconcile(community, new QuestionId(1), Chorus.Reconcile.LATEST_DRAFT, "startup-1", Duration.ofMinutes(2));
    }

    assertThat(chat.reactionReads() - reads).as("each of the two draft messages read once").isEqualTo(2);
    assertThat(votes).containsExactly("reconciled", "reconciled", "reconciled");
    assertThat(stores.questions().find(community, new QuestionId(1)).orElseThrow().draft(new DraftVersion(1)).orElseThrow()
        .ballots()).hasSize(3);
  }
}
