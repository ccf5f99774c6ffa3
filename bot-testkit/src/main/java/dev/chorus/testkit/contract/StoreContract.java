package dev.chorus.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.Ballots.CastResult;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.HeldVote;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.OutcomePolicy;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementKind;
import dev.chorus.core.question.VoteChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link Questions}, {@link Ballots} and {@link MessageLinks} must do.
 * Each test uses communities of its own, so implementations may share one store across tests.
 */
public abstract class StoreContract {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static int communities;

  protected abstract Questions questions();

  protected abstract MessageLinks links();

  /** The votes of the store behind {@link #questions()}. */
  protected abstract Ballots ballots();

  /** The reactions seen, in the store behind {@link #questions()}. */
  protected abstract SeenReactions seenReactions();

  private static CommunityId freshCommunity() {
    return new CommunityId("contract:" + System.nanoTime() + ":" + (++communities) + ":{odd}%");
  }

  /** A question with everything a question can hold, including words that are hard to store. */
  protected static Question richQuestion(CommunityId community, int number, String channel) {
    var alice = new MemberKey("U-alice");
    var bob = new MemberKey("U-bob");
    var words = "Ünïcödé 👩‍👩‍👧 «quotes» \"double\" \\backslash\\ \n second line — עברית العربية 中文 {\"json\": [1]}";
    var v1 = Statement.posted(new StatementId(1), StatementKind.VIEW, alice, "Alice Ä", words, T0, null, null)
        .withVote(bob, StatementChoice.DISAGREE);
    var v2 = Statement.posted(new StatementId(2), StatementKind.VIEW, bob, "Bob", "Second view", T0.plusSeconds(5),
        null, null).replacedBy(new StatementId(3));
    var v3 = Statement.posted(new StatementId(3), StatementKind.VIEW, bob, "Bob", "Edited view", T0.plusSeconds(9),
        new StatementId(2), null).withVote(alice, StatementChoice.PASS);
    var v4 = Statement.posted(new StatementId(4), StatementKind.AMENDMENT, alice, "Alice Ä", "An amendment",
        T0.plusSeconds(20), null, new DraftVersion(1)).hidden("off topic");
    var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
    ballots.put(alice, new DraftBallot(DraftChoice.AGREE, T0.plusSeconds(30), "Alice Ä", null));
    ballots.put(bob, new DraftBallot(DraftChoice.BLOCK, T0.plusSeconds(31), "Bob", "It ignores 👩‍👩‍👧"));
    var draft = new Draft(new DraftVersion(1), "The draft\nwith lines", "Alice Ä", false, T0.plusSeconds(25), ballots);
    var open = new Question(community, new QuestionId(number), new ChannelId(channel), 0, "Title " + words, "Context",
        "Outside body", T0.plusSeconds(86_400), false, alice, "Alice Ä", "", T0, QuestionStatus.OPEN,
        List.of(v1, v2, v3, v4), List.of(draft), List.of());
    var outcome = new OutcomePolicy(Outcome.Thresholds.DEFAULTS).evaluate(open, Optional.of(draft), T0.plusSeconds(99), "Alice Ä")
        .withEstimate(new Outcome.SupportEstimate(List.of(1.0, Double.NaN, 0.25), 0.625));
    var others = new LinkedHashMap<MemberKey, String>();
    others.put(bob, "DISAGREE");
    // A forgotten member's vote still shown until others' changes mix it in.
    var held = List.of(new HeldVote("s1", "AGREE", others), new HeldVote("d1", "BLOCK", Map.of()));
    return open.closedWith(outcome).reopened().withHeld(held);
  }

  @Test
  void aCommittedQuestionReadsBackWhole() {
    var community = freshCommunity();
    var question = richQuestion(community, 1, "general");
    assertThat(questions().commit(community, List.of(question), null)).isInstanceOf(Questions.CommitResult.Committed.class);
    assertThat(questions().find(community, new QuestionId(1))).contains(question.atRevision(1));
    assertThat(questions().inChannel(community, new ChannelId("general"), Instant.MIN)).containsExactly(question.atRevision(1));
    assertThat(questions().inCommunity(community)).containsExactly(question.atRevision(1));
    assertThat(questions().lastNumber(community)).isEqualTo(1);
  }

  @Test
  void nothingIsThereBeforeItIsWritten() {
    var community = freshCommunity();
    assertThat(questions().find(community, new QuestionId(1))).isEmpty();
    assertThat(questions().inChannel(community, new ChannelId("general"), Instant.MIN)).isEmpty();
    assertThat(questions().inCommunity(community)).isEmpty();
    assertThat(questions().lastNumber(community)).isZero();
    assertThat(questions().processed(community, new EventId("e1"))).isFalse();
  }

  @Test
  void aCommitAtAnOldRevisionIsAConflictAndWritesNothing() {
    var community = freshCommunity();
    var question = richQuestion(community, 1, "general");
    questions().commit(community, List.of(question), null);
    var stored = questions().find(community, new QuestionId(1)).orElseThrow();
    var changed = stored.withDetails("Changed", stored.context(), stored.forBody(), stored.deadline());
    assertThat(questions().commit(community, List.of(changed), null)).isInstanceOf(Questions.CommitResult.Committed.class);
    var late = stored.withDetails("Late", stored.context(), stored.forBody(), stored.deadline());
    assertThat(questions().commit(community, List.of(late), null)).isInstanceOf(Questions.CommitResult.Conflict.class);
    assertThat(questions().find(community, new QuestionId(1)).orElseThrow().title()).isEqualTo("Changed");
    assertThat(questions().find(community, new QuestionId(1)).orElseThrow().revision()).isEqualTo(2);
  }

  @Test
  void aNewQuestionCannotOverwriteAnExistingOne() {
    var community = freshCommunity();
    questions().commit(community, List.of(richQuestion(community, 1, "general")), null);
    var other = richQuestion(community, 1, "elsewhere");
    assertThat(questions().commit(community, List.of(other), null)).isInstanceOf(Questions.CommitResult.Conflict.class);
    assertThat(questions().inChannel(community, new ChannelId("elsewhere"), Instant.MIN)).isEmpty();
  }

  @Test
  void aCommitOfSeveralQuestionsIsAllOrNothing() {
    var community = freshCommunity();
    questions().commit(community, List.of(richQuestion(community, 1, "a"), richQuestion(community, 2, "b")), null);
    var one = questions().find(community, new QuestionId(1)).orElseThrow();
    var two = questions().find(community, new QuestionId(2)).orElseThrow();
    questions().commit(community, List.of(two.withDetails("moved on", "", "", null)), null);
    var result = questions().commit(community,
        List.of(one.withDetails("first", "", "", null), two.withDetails("stale", "", "", null)), null);
    assertThat(result).isInstanceOf(Questions.CommitResult.Conflict.class);
    assertThat(questions().find(community, new QuestionId(1)).orElseThrow()).isEqualTo(one);
    assertThat(questions().lastNumber(community)).isEqualTo(2);
  }

  @Test
  void anEventIsAppliedOnceAndRecordedWithItsChange() {
    var community = freshCommunity();
    var event = new EventId("Ev0123{x}%");
    assertThat(questions().commit(community, List.of(richQuestion(community, 1, "general")), event))
        .isInstanceOf(Questions.CommitResult.Committed.class);
    assertThat(questions().processed(community, event)).isTrue();
    var again = richQuestion(community, 2, "general");
    assertThat(questions().commit(community, List.of(again), event))
        .isInstanceOf(Questions.CommitResult.AlreadyProcessed.class);
    assertThat(questions().find(community, new QuestionId(2))).isEmpty();
  }

  @Test
  void aConflictDoesNotRecordTheEvent() {
    var community = freshCommunity();
    questions().commit(community, List.of(richQuestion(community, 1, "general")), null);
    var event = new EventId("e-conflict");
    assertThat(questions().commit(community, List.of(richQuestion(community, 1, "general")), event))
        .isInstanceOf(Questions.CommitResult.Conflict.class);
    assertThat(questions().processed(community, event)).isFalse();
  }

  @Test
  void channelsAndCommunitiesKeepTheirOwnQuestionsInNumberOrder() {
    var here = freshCommunity();
    var there = freshCommunity();
    for (int n : new int[] {3, 1, 2, 10}) {
      questions().commit(here, List.of(richQuestion(here, n, n % 2 == 0 ? "even" : "odd")), null);
    }
    questions().commit(there, List.of(richQuestion(there, 1, "odd")), null);
    assertThat(questions().inChannel(here, new ChannelId("odd"), Instant.MIN)).extracting(q -> q.id().number()).containsExactly(1, 3);
    assertThat(questions().inCommunity(here)).extracting(q -> q.id().number()).containsExactly(1, 2, 3, 10);
    assertThat(questions().lastNumber(here)).isEqualTo(10);
    assertThat(questions().inCommunity(there)).extracting(q -> q.community()).containsOnly(there);
    assertThat(questions().processed(there, new EventId("e1"))).isFalse();
  }

  /** The question, closed at the given time with its draft as the outcome. */
  private static Question closedAt(Question question, Instant at) {
    var outcome = new OutcomePolicy(Outcome.Thresholds.DEFAULTS).evaluate(question, question.latestDraft(), at, "Alice Ä");
    return question.closedWith(outcome);
  }

  @Test
  void theRecentListsHoldOpenAndLatelyClosedQuestionsAndFollowEveryChange() {
    var community = freshCommunity();
    var week = T0.plusSeconds(7 * 86_400);
    questions().commit(community, List.of(closedAt(richQuestion(community, 1, "c"), T0),
        closedAt(richQuestion(community, 2, "c"), week), richQuestion(community, 3, "c"),
        closedAt(richQuestion(community, 4, "other"), week.plusSeconds(1)), richQuestion(community, 5, "other")), null);

    assertThat(questions().inChannel(community, new ChannelId("c"), week)).extracting(q -> q.id().number())
        .as("closed at the moment asked for counts; one closed before it does not").containsExactly(2, 3);
    assertThat(questions().openInChannel(community, new ChannelId("c"))).extracting(q -> q.id().number()).containsExactly(3);
    assertThat(questions().inCommunity(community, week.plusSeconds(1))).extracting(q -> q.id().number())
        .containsExactly(3, 4, 5);
    assertThat(questions().inCommunity(community)).as("everything, for whole-community work").hasSize(5);
    assertThat(questions().find(community, new QuestionId(1))).as("an old one is still found by its number").isPresent();

    var three = questions().find(community, new QuestionId(3)).orElseThrow();
    questions().commit(community, List.of(closedAt(three, T0)), null);
    var one = questions().find(community, new QuestionId(1)).orElseThrow();
    questions().commit(community, List.of(one.reopened()), null);
    assertThat(questions().inChannel(community, new ChannelId("c"), week)).extracting(q -> q.id().number())
        .as("a close and a reopening move questions out of and into the list").containsExactly(1, 2);
    assertThat(questions().inChannel(community, new ChannelId("c"), Instant.MIN)).hasSize(3);
  }

  @Test
  void messageLinksFindTheirItemAndTheItemItsMessages() {
    var community = freshCommunity();
    var card = new PostedMessage("1700000000.000100", new Destination.Channel(new ChannelId("C1")));
    var thread = new PostedMessage("m{2}", new Destination.Thread(new ChannelId("C1"), "1700000000.000100"));
    var direct = new PostedMessage("dm-3", new Destination.Direct(new MemberId("U9")));
    var draft = new Target.DraftMessage(new QuestionId(4), new DraftVersion(2));
    links().link(community, card, new Target.QuestionCard(new QuestionId(4)));
    links().link(community, thread, draft);
    links().link(community, direct, draft);
    links().link(community, new PostedMessage("s", new Destination.Channel(new ChannelId("C1"))),
        new Target.StatementMessage(new QuestionId(4), new StatementId(12)));
    links().link(community, new PostedMessage("a", new Destination.Channel(new ChannelId("C1"))),
        new Target.DraftAnnouncement(new QuestionId(4), new DraftVersion(2)));
    links().link(community, new PostedMessage("o", new Destination.Channel(new ChannelId("C1"))),
        new Target.OutcomeMessage(new QuestionId(4)));
    assertThat(links().targetOf(community, "m{2}")).contains(draft);
    assertThat(links().targetOf(community, "s")).contains(new Target.StatementMessage(new QuestionId(4), new StatementId(12)));
    assertThat(links().targetOf(community, "a")).contains(new Target.DraftAnnouncement(new QuestionId(4), new DraftVersion(2)));
    assertThat(links().targetOf(community, "o")).contains(new Target.OutcomeMessage(new QuestionId(4)));
    assertThat(links().messagesOf(community, draft)).containsExactly(thread, direct);
    assertThat(links().messagesOf(community, new Target.QuestionCard(new QuestionId(4)))).containsExactly(card);
    assertThat(links().targetOf(community, "unknown")).isEmpty();
    var other = freshCommunity();
    assertThat(links().targetOf(other, "m{2}")).isEmpty();
    assertThat(links().messagesOf(other, draft)).isEmpty();
  }

  @Test
  void manyQuestionsWithManyVotesRoundTrip() {
    var community = freshCommunity();
    var question = richQuestion(community, 1, "general");
    var statement = question.statements().get(0);
    Map<MemberKey, StatementChoice> votes = new LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      votes.put(new MemberKey("anon:" + i), StatementChoice.values()[i % 3]);
    }
    var many = question.withStatementChanged(statement.id(), s -> new Statement(s.id(), s.kind(), s.author(),
        s.authorName(), s.text(), s.postedAt(), s.status(), s.replaces(), s.replacedBy(), s.hiddenReason(), s.amends(),
        votes));
    questions().commit(community, List.of(many), null);
    assertThat(questions().find(community, new QuestionId(1)).orElseThrow().statements().get(0).votes()).isEqualTo(votes);
  }

  // ---- single votes (Ballots) ----

  private static final StatementId V1 = new StatementId(1);
  private static final DraftVersion D1 = new DraftVersion(1);

  private Question stored(CommunityId community) {
    questions().commit(community, List.of(richQuestion(community, 1, "general")), null);
    return questions().find(community, new QuestionId(1)).orElseThrow();
  }

  private static VoteChange.OnStatement vote(Question q, String member, StatementChoice after) {
    var key = new MemberKey(member);
    return new VoteChange.OnStatement(q.id(), V1, key, q.statement(V1).orElseThrow().votes().get(key), after);
  }

  @Test
  void aVoteIsRecordedAndAnsweredWithEveryVoteOnItsItem() {
    var community = freshCommunity();
    var q = stored(community);
    var cast = ballots().cast(community, q, vote(q, "U-carol", StatementChoice.AGREE), new EventId("v1"));
    assertThat(cast).isInstanceOf(CastResult.Recorded.class);
    var expected = vote(q, "U-carol", StatementChoice.AGREE).appliedTo(q).atRevision(q.revision() + 1);
    assertThat(((CastResult.Recorded) cast).question()).isEqualTo(expected);
    var read = questions().find(community, q.id()).orElseThrow();
    assertThat(read).isEqualTo(expected);
    // Votes keep the order they were cast in, through single votes and whole writes alike.
    assertThat(read.statement(V1).orElseThrow().votes())
        .containsExactlyEntriesOf(orderedVotes("U-bob", StatementChoice.DISAGREE, "U-carol", StatementChoice.AGREE));
    assertThat(questions().processed(community, new EventId("v1"))).isTrue();
  }

  @Test
  void aVoteCastByReactionRecordsTheReactionAsSeenInTheSameStepAndAStaleOneRecordsNothing() {
    var community = freshCommunity();
    var q = stored(community);
    var carol = new SeenReactions.Seen(new MemberId("U-carol"), "agree");
    var seen = new SeenReactions.Change("C1:100.1", carol, true);
    assertThat(ballots().cast(community, q, vote(q, "U-carol", StatementChoice.AGREE), new EventId("r1"), seen))
        .isInstanceOf(CastResult.Recorded.class);
    assertThat(seenReactions().on(community, "C1:100.1")).containsExactly(carol);
    // Decided on the old read: stale, and the reaction it carries is not recorded either.
    var carolAgain = new SeenReactions.Seen(new MemberId("U-carol"), "disagree");
    assertThat(ballots().cast(community, q, vote(q, "U-carol", StatementChoice.DISAGREE), new EventId("r2"),
        new SeenReactions.Change("C1:100.1", carolAgain, true))).isInstanceOf(CastResult.Stale.class);
    assertThat(seenReactions().on(community, "C1:100.1")).containsExactly(carol);
    // Taken back: the reaction is no longer seen.
    var after = questions().find(community, q.id()).orElseThrow();
    assertThat(ballots().cast(community, after, new VoteChange.OnStatement(q.id(), V1, new MemberKey("U-carol"),
        StatementChoice.AGREE, null), new EventId("r3"), new SeenReactions.Change("C1:100.1", carol, false)))
        .isInstanceOf(CastResult.Recorded.class);
    assertThat(seenReactions().on(community, "C1:100.1")).isEmpty();
    // How the vote was cast is kept: by reaction (with a reaction seen), or by command or button (without).
    var again = questions().find(community, q.id()).orElseThrow();
    assertThat(ballots().cast(community, again, vote(again, "U-carol", StatementChoice.PASS), new EventId("r4"), seen))
        .isInstanceOf(CastResult.Recorded.class);
    assertThat(ballots().castByReaction(community, q.id(), V1, new MemberKey("U-carol"))).isTrue();
    var later = questions().find(community, q.id()).orElseThrow();
    assertThat(ballots().cast(community, later, new VoteChange.OnStatement(q.id(), V1, new MemberKey("U-carol"),
        StatementChoice.PASS, StatementChoice.AGREE), new EventId("r5"))).isInstanceOf(CastResult.Recorded.class);
    assertThat(ballots().castByReaction(community, q.id(), V1, new MemberKey("U-carol"))).isFalse();
    // Reactions seen without a vote (no vote, or one already counted) are recorded on their own.
    seenReactions().saw(community, "C1:100.2", carol, true);
    assertThat(seenReactions().on(community, "C1:100.2")).containsExactly(carol);
    assertThat(seenReactions().on(freshCommunity(), "C1:100.2")).as("another community's").isEmpty();
  }

  private static Map<MemberKey, StatementChoice> orderedVotes(Object... memberThenChoice) {
    var votes = new LinkedHashMap<MemberKey, StatementChoice>();
    for (int i = 0; i < memberThenChoice.length; i += 2) {
      votes.put(new MemberKey((String) memberThenChoice[i]), (StatementChoice) memberThenChoice[i + 1]);
    }
    return votes;
  }

  @Test
  void aVoteIsAnsweredWithItsItemsTallyCountingVotesCastSinceTheDecision() {
    var community = freshCommunity();
    questions().commit(community, List.of(richQuestion(community, 1, "general").withHeld(List.of())), null);
    var q = questions().find(community, new QuestionId(1)).orElseThrow();
    // Decided on the same read: each answer counts every vote before it, and the author's own agreement.
    for (int m = 0; m < 11; m++) {
      ballots().cast(community, q, vote(q, "U-m" + m, StatementChoice.values()[m % 3]), new EventId("t" + m));
    }
    var last = (CastResult.Recorded) ballots().cast(community, q, vote(q, "U-m11", StatementChoice.PASS), new EventId("t11"));
    assertThat(last.statementTally()).isEqualTo(new Statement.StatementTally(1 + 4, 1 + 4, 4));
    // What the decision saw, with this one vote applied; the others are in the tally, not in the question.
    assertThat(last.question()).isEqualTo(vote(q, "U-m11", StatementChoice.PASS).appliedTo(q).atRevision(q.revision() + 12));
    var read = questions().find(community, q.id()).orElseThrow();
    assertThat(last.statementTally()).isEqualTo(read.shownTally(read.statement(V1).orElseThrow()));
  }

  @Test
  void everyAnsweredTallyIsTheTallyOfWhatIsStoredThroughChangesTakeBacksAndWholeWrites() {
    var community = freshCommunity();
    questions().commit(community, List.of(richQuestion(community, 1, "general").withHeld(List.of())), null);
    var random = new java.util.Random(20261205);
    var members = List.of("U-alice", "U-bob", "U-carol", "U-dan", "U-erin");
    var draft = new DraftVersion(1);
    for (int step = 0; step < 150; step++) {
      var read = questions().find(community, new QuestionId(1)).orElseThrow();
      if (step % 37 == 36) {
        // A whole write rewrites every item's votes; the counts after it must still be right.
        assertThat(questions().commit(community, List.of(read.withStatementChanged(new StatementId(3),
            s -> s.withVote(new MemberKey("U-frank"), StatementChoice.AGREE))), null))
            .isInstanceOf(Questions.CommitResult.Committed.class);
        continue;
      }
      var member = new MemberKey(members.get(random.nextInt(members.size())));
      VoteChange change;
      if (random.nextBoolean()) {
        var before = read.statement(V1).orElseThrow().votes().get(member);
        var after = random.nextInt(4) == 0 ? null : StatementChoice.values()[random.nextInt(3)];
        change = new VoteChange.OnStatement(read.id(), V1, member, before, after);
      } else {
        var before = read.draft(draft).orElseThrow().ballots().get(member);
        var choice = DraftChoice.values()[random.nextInt(DraftChoice.values().length)];
        var after = random.nextInt(4) == 0 ? null
            : new DraftBallot(choice, T0.plusSeconds(step), member.value(), choice == DraftChoice.BLOCK ? "why " + step : null);
        change = new VoteChange.OnDraft(read.id(), draft, member, before, after);
      }
      var cast = ballots().cast(community, read, change, new EventId("r" + step));
      assertThat(cast).as("step %d", step).isInstanceOf(CastResult.Recorded.class);
      var now = questions().find(community, read.id()).orElseThrow();
      assertThat(((CastResult.Recorded) cast).tally()).as("step %d", step).isEqualTo(change.shownIn(now));
    }
  }

  @Test
  void membersVotingOnTheSameItemFromTheSameReadNeverCollide() {
    var community = freshCommunity();
    var q = stored(community);
    for (int m = 0; m < 30; m++) {
      var cast = ballots().cast(community, q, vote(q, "U-m" + m, StatementChoice.values()[m % 3]), new EventId("e" + m));
      assertThat(cast).as("member %d", m).isInstanceOf(CastResult.Recorded.class);
    }
    var read = questions().find(community, q.id()).orElseThrow();
    assertThat(read.revision()).isEqualTo(q.revision() + 30);
    assertThat(read.statement(V1).orElseThrow().votes()).hasSize(31);
    var lastAnswer = (CastResult.Recorded) ballots().cast(community, q, vote(q, "U-last", StatementChoice.PASS),
        new EventId("e-last"));
    // V1 holds a forgotten member's vote: the answer carries every vote on it, for the tally to tell when it may go.
    var now = questions().find(community, q.id()).orElseThrow();
    assertThat(lastAnswer.question().statement(V1).orElseThrow().votes())
        .containsExactlyEntriesOf(now.statement(V1).orElseThrow().votes());
    assertThat(lastAnswer.statementTally()).isEqualTo(now.shownTally(now.statement(V1).orElseThrow()));
  }

  @Test
  void aVoteDecidedOnAnotherVoteThanTheMembersCurrentOneIsStaleAndChangesNothing() {
    var community = freshCommunity();
    var q = stored(community);
    ballots().cast(community, q, vote(q, "U-carol", StatementChoice.AGREE), new EventId("first"));
    var after = questions().find(community, q.id()).orElseThrow();
    // Decided on the old read, where carol had not voted yet.
    var stale = ballots().cast(community, q, vote(q, "U-carol", StatementChoice.DISAGREE), new EventId("second"));
    assertThat(stale).isInstanceOf(CastResult.Stale.class);
    assertThat(questions().find(community, q.id())).contains(after);
    assertThat(questions().processed(community, new EventId("second"))).isFalse();
    // Decided again on what is there now, the same event goes through.
    assertThat(ballots().cast(community, after, vote(after, "U-carol", StatementChoice.DISAGREE), new EventId("second")))
        .isInstanceOf(CastResult.Recorded.class);
  }

  @Test
  void aVoteDecidedBeforeAWholeWriteIsStale() {
    var community = freshCommunity();
    var q = stored(community);
    var hidden = q.withStatementChanged(V1, s -> s.hidden("a facilitator hid it"));
    assertThat(questions().commit(community, List.of(hidden), null)).isInstanceOf(Questions.CommitResult.Committed.class);
    assertThat(ballots().cast(community, q, vote(q, "U-carol", StatementChoice.AGREE), new EventId("late")))
        .isInstanceOf(CastResult.Stale.class);
    assertThat(questions().find(community, q.id())).contains(hidden.atRevision(q.revision() + 1));
  }

  @Test
  void aWholeWriteReadBeforeAVoteConflictsSoTheVoteIsNeverLost() {
    var community = freshCommunity();
    var q = stored(community);
    ballots().cast(community, q, vote(q, "U-carol", StatementChoice.AGREE), new EventId("vote"));
    var renamedOnOldRead = q.withDetails("Renamed", q.context(), q.forBody(), q.deadline());
    assertThat(questions().commit(community, List.of(renamedOnOldRead), null)).isInstanceOf(Questions.CommitResult.Conflict.class);
    assertThat(questions().find(community, q.id()).orElseThrow().statement(V1).orElseThrow().votes())
        .containsKey(new MemberKey("U-carol"));
  }

  @Test
  void aVoteIsAppliedOncePerEventWhateverWritesIt() {
    var community = freshCommunity();
    var q = stored(community);
    var event = new EventId("Ev{1}%");
    assertThat(ballots().cast(community, q, vote(q, "U-carol", StatementChoice.AGREE), event))
        .isInstanceOf(CastResult.Recorded.class);
    var now = questions().find(community, q.id()).orElseThrow();
    assertThat(ballots().cast(community, now, vote(now, "U-dave", StatementChoice.AGREE), event))
        .isInstanceOf(CastResult.AlreadyProcessed.class);
    assertThat(questions().commit(community, List.of(now.withDetails("x", "", "", null)), event))
        .isInstanceOf(Questions.CommitResult.AlreadyProcessed.class);
    assertThat(questions().find(community, q.id())).contains(now);
  }

  @Test
  void aVoteIsRemovedAndDraftBallotsKeepTheirReasonAndTime() {
    var community = freshCommunity();
    var q = stored(community);
    var bob = new MemberKey("U-bob");
    var removed = ballots().cast(community, q,
        new VoteChange.OnStatement(q.id(), V1, bob, StatementChoice.DISAGREE, null), new EventId("remove"));
    assertThat(((CastResult.Recorded) removed).question().statement(V1).orElseThrow().votes()).doesNotContainKey(bob);
    var now = questions().find(community, q.id()).orElseThrow();
    var block = new DraftBallot(DraftChoice.BLOCK, T0.plusSeconds(99), "Carol «Ç»", null).withReason("Too vague 👩‍👩‍👧\nreally");
    var carol = new MemberKey("U-carol");
    var cast = ballots().cast(community, now, new VoteChange.OnDraft(q.id(), D1, carol, null, block), new EventId("block"));
    assertThat(((CastResult.Recorded) cast).question().draft(D1).orElseThrow().ballots()).containsEntry(carol, block);
    var read = questions().find(community, q.id()).orElseThrow();
    assertThat(read.draft(D1).orElseThrow().ballots().keySet())
        .containsExactly(new MemberKey("U-alice"), bob, carol);
    assertThat(read.draft(D1).orElseThrow().ballots().get(carol)).isEqualTo(block);
    // A ballot seen with another reason than the one stored is stale.
    assertThat(ballots().cast(community, read,
        new VoteChange.OnDraft(q.id(), D1, carol, block.withReason("other"), null), new EventId("withdraw")))
        .isInstanceOf(CastResult.Stale.class);
    assertThat(ballots().cast(community, read, new VoteChange.OnDraft(q.id(), D1, carol, block, null),
        new EventId("withdraw"))).isInstanceOf(CastResult.Recorded.class);
    assertThat(questions().find(community, q.id()).orElseThrow().draft(D1).orElseThrow().ballots()).doesNotContainKey(carol);
  }

  @Test
  void votesStayInTheirCommunity() {
    var here = freshCommunity();
    var there = freshCommunity();
    var q = stored(here);
    var theirs = stored(there);
    ballots().cast(here, q, vote(q, "U-carol", StatementChoice.AGREE), new EventId("same-id"));
    assertThat(questions().find(there, theirs.id())).contains(theirs);
    assertThat(questions().processed(there, new EventId("same-id"))).isFalse();
    assertThat(ballots().cast(there, theirs, vote(theirs, "U-carol", StatementChoice.DISAGREE), new EventId("same-id")))
        .isInstanceOf(CastResult.Recorded.class);
    assertThat(questions().find(here, q.id()).orElseThrow().statement(V1).orElseThrow().votes().get(new MemberKey("U-carol")))
        .isEqualTo(StatementChoice.AGREE);
  }
}
