package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Stores;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Questions;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Scheduled work nobody loses: a post the platform refused is sent later, once, without sending the
 * job's other posts again; a replica does only the work of communities it serves; a community whose
 * data cannot be read never stops the others; a close meeting a stream of votes still closes.
 */
class ScheduledWorkIsNeverLostTest {
  private static final RunSchedule.Timing TIMING = new RunSchedule.Timing(Duration.ofHours(24), Duration.ofMinutes(2));

  /** A platform that refuses the posts it is told to refuse, and records every post it takes. */
  private static final class Refusing implements Chat {
    final RecordingChat recording = new RecordingChat();
    volatile Predicate<Card> refuse = card -> false;
    /** What a member does the moment a post goes out, while the schedule's pass is still running. */
    volatile java.util.function.Consumer<Card> meanwhile = card -> {};
    final List<String> taken = new ArrayList<>();

    @Override
    public synchronized PostedMessage post(CommunityId community, Destination destination, Card card) {
      if (refuse.test(card)) {
        throw new ChatException("Slack could not be reached just now.");
      }
      taken.add(card.plainText());
      meanwhile.accept(card);
      return recording.post(community, destination, card);
    }

    @Override
    public synchronized void edit(CommunityId community, PostedMessage message, Card card) {
      recording.edit(community, message, card);
    }

    synchronized long taken(String containing) {
      return taken.stream().filter(text -> text.contains(containing)).count();
    }
  }

  private static RunSchedule replica(Stores stores, Chat chat, MutableClock clock, Predicate<CommunityId> serves) {
    return new RunSchedule(stores, ChannelMembers.UNKNOWN, chat, new Pseudonyms(Conversation.TEST_SECRET), clock,
        Settings.DEFAULTS, TIMING, Observer.NONE, RunSchedule.BeforeClose.NOTHING, serves);
  }

  @Test
  void aDigestWhosePostWasRefusedArrivesOnceLaterAndTheJobsOtherPostsAreNotSentAgain() {
    var chat = Conversation.start();
    var ana = chat.facilitator("ana");
    chat.say(ana, "/respond open Shall we answer? --deadline 2d");
    chat.say(ana, "/respond We should");
    chat.say(ana, "/respond draft We answer yes.");
    chat.say(ana, "/respond digest daily 09:00 UTC");
    var platform = new Refusing();
    var schedule = replica(chat.stores().stores(), platform, chat.clock(), community -> true);

    // The first digest's post is refused.
    platform.refuse = card -> card.plainText().contains("Digest");
    chat.clock().advance(Duration.ofDays(1));
    var first = schedule.run();
    assertThat(first.undelivered()).isEqualTo(1);
    assertThat(platform.taken("Digest")).isZero();
    // Within the lease nobody sends it; once the platform takes posts again and the lease ran out, it goes out once.
    platform.refuse = card -> false;
    schedule.run();
    assertThat(platform.taken("Digest")).isZero();
    chat.clock().advance(Duration.ofMinutes(3));
    schedule.run();
    assertThat(platform.taken("Digest")).isEqualTo(1);
    chat.clock().advance(Duration.ofMinutes(3));
    schedule.run();
    assertThat(platform.taken("Digest")).as("exactly once").isEqualTo(1);

    // The deadline close: its outcome post is refused once; the question is closed, the outcome comes later, once.
    platform.refuse = card -> card.plainText().contains("Q1 closed");
    chat.clock().advance(Duration.ofDays(1));
    schedule.run();
    assertThat(chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow().status())
        .isEqualTo(QuestionStatus.CLOSED);
    assertThat(platform.taken("Q1 closed")).isZero();
    long digestsBefore = platform.taken("Digest");
    platform.refuse = card -> false;
    chat.clock().advance(Duration.ofMinutes(3));
    schedule.run();
    chat.clock().advance(Duration.ofMinutes(3));
    schedule.run();
    assertThat(platform.taken("Q1 closed")).isEqualTo(1);
    assertThat(platform.taken("Digest")).as("no digest sent again").isEqualTo(digestsBefore);
  }

  @Test
  void anOutcomeThePlatformRefusesForADayIsGivenUpRatherThanTriedForEver() {
    var chat = Conversation.start();
    var ana = chat.facilitator("ana");
    chat.say(ana, "/respond open Shall we answer? --deadline 1h");
    var platform = new Refusing();
    var schedule = replica(chat.stores().stores(), platform, chat.clock(), community -> true);
    // The channel is gone, say: every outcome post is refused.
    platform.refuse = card -> true;
    chat.clock().advance(Duration.ofHours(2));
    assertThat(schedule.run().undelivered()).isEqualTo(1);
    for (int pass = 0; pass < 8; pass++) {
      chat.clock().advance(Duration.ofHours(3));
      schedule.run();
    }
    // More than a day after the deadline the job was given up: a platform that takes posts again gets nothing.
    platform.refuse = card -> false;
    chat.clock().advance(Duration.ofMinutes(3));
    schedule.run();
    assertThat(platform.taken("Q1 closed")).isZero();
    assertThat(chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow().status())
        .as("closed all the same, its outcome kept for status and export").isEqualTo(QuestionStatus.CLOSED);
  }

  @Test
  void aDigestTurnedOffWhileOneIsGoingOutStaysOff() {
    var chat = Conversation.start();
    var ana = chat.facilitator("ana");
    chat.say(ana, "/respond open Shall we answer?");
    chat.say(ana, "/respond digest daily 09:00 UTC");
    var platform = new Refusing();
    platform.meanwhile = card -> {
      if (card.plainText().contains("Digest")) {
        assertThat(chat.say(ana, "/respond digest off").text()).contains("off");
      }
    };
    var schedule = replica(chat.stores().stores(), platform, chat.clock(), community -> true);
    chat.clock().set(java.time.Instant.parse("2026-11-03T09:00:00Z"));

    schedule.run();

    assertThat(platform.taken("Digest")).isEqualTo(1);
    assertThat(chat.stores().notifications().scheduled(chat.community())).as("the facilitator's off stands").isEmpty();
    platform.meanwhile = card -> {};
    chat.clock().set(java.time.Instant.parse("2026-11-04T09:00:00Z"));
    schedule.run();
    assertThat(platform.taken("Digest")).as("no digest after it was turned off").isEqualTo(1);
  }

  @Test
  void aReplicaLeavesTheWorkOfCommunitiesItDoesNotServeToTheReplicaThatDoes() {
    var slack = Conversation.in(new CommunityId("slack:T1"));
    var discord = slack.neighbour(new CommunityId("discord:1"));
    for (var community : List.of(slack, discord)) {
      var ana = community.facilitator("ana");
      community.say(ana, "/respond open Shall we answer? --deadline 1h");
    }
    var slackPlatform = new Refusing();
    var discordPlatform = new Refusing();
    var slackOnly = replica(slack.stores().stores(), slackPlatform, slack.clock(),
        community -> community.value().startsWith("slack:"));
    var discordOnly = replica(slack.stores().stores(), discordPlatform, slack.clock(),
        community -> community.value().startsWith("discord:"));
    slack.clock().advance(Duration.ofHours(2));

    slackOnly.run();
    assertThat(slackPlatform.taken("closed")).isEqualTo(1);
    assertThat(discord.questions().find(discord.community(), new QuestionId(1)).orElseThrow().open())
        .as("the Discord question is left to the Discord replica").isTrue();
    discordOnly.run();
    assertThat(discordPlatform.taken("closed")).isEqualTo(1);
    assertThat(slackPlatform.taken("closed")).isEqualTo(1);
  }

  @Test
  void aCommunityWhoseDataCannotBeReadNeverStopsTheOthersDeadlines() {
    var first = Conversation.in(new CommunityId("broken"));
    var second = first.neighbour(new CommunityId("healthy"));
    for (var community : List.of(first, second)) {
      community.say(community.facilitator("ana"), "/respond open Shall we answer? --deadline 1h");
    }
    var real = first.stores().stores();
    // A store whose questions of one community cannot be read (written by a newer version, or corrupt).
    var questions = (Questions) Proxy.newProxyInstance(Questions.class.getClassLoader(), new Class<?>[] {Questions.class},
        (proxy, method, args) -> {
          if (List.of("due", "inCommunity").contains(method.getName()) && args[0].equals(new CommunityId("broken"))) {
            throw new IllegalStateException("a stored question is in a format this version cannot read");
          }
          try {
            return method.invoke(real.questions(), args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    var stores = new Stores(questions, real.ballots(), real.links(), real.channelDigests(), real.memberPreferences(),
        real.claims(), real.seenReactions(), real.sharedReports());
    var platform = new Refusing();
    first.clock().advance(Duration.ofHours(2));

    replica(stores, platform, first.clock(), community -> true).run();

    assertThat(second.questions().find(second.community(), new QuestionId(1)).orElseThrow().status())
        .isEqualTo(QuestionStatus.CLOSED);
    assertThat(platform.taken("Q1 closed")).isEqualTo(1);
  }

  @Test
  void aDeadlineCloseUnderAVoteEveryTwentyMillisecondsClosesWithinAMinuteWithTheRightOutcome() throws Exception {
    var chat = Conversation.start();
    var ana = chat.facilitator("ana");
    chat.say(ana, "/respond open Shall we answer? --deadline 1h");
    chat.say(ana, "/respond We should");
    chat.say(ana, "/respond draft We answer yes.");
    var draft = Integer.parseInt(chat.links().messagesOf(chat.community(),
        new dev.chorus.core.message.Target.DraftMessage(new QuestionId(1), new DraftVersion(1))).get(0).id());
    // Members keep voting, one every 20 ms, changing between agree and abstain.
    var voting = new AtomicBoolean(true);
    var votes = new AtomicInteger();
    var voters = Executors.newSingleThreadExecutor();
    voters.submit(() -> {
      int n = 0;
      while (voting.get()) {
        var member = chat.member("member" + (n % 40));
        chat.react(member, draft, n % 80 < 40 ? "✅" : "🤷");
        votes.incrementAndGet();
        n++;
        Thread.sleep(20);
      }
      return null;
    });
    Thread.sleep(300);
    chat.clock().advance(Duration.ofHours(2));
    var platform = new Refusing();
    long started = System.nanoTime();

    var report = replica(chat.stores().stores(), platform, chat.clock(), community -> true).run();

    var took = Duration.ofNanos(System.nanoTime() - started);
    voting.set(false);
    voters.shutdown();
    assertThat(voters.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(report.closed()).isEqualTo(1);
    assertThat(took).isLessThan(Duration.ofMinutes(1));
    Question closed = chat.questions().find(chat.community(), new QuestionId(1)).orElseThrow();
    assertThat(closed.status()).isEqualTo(QuestionStatus.CLOSED);
    // The outcome counts the votes as they stood when it closed: exactly what the question holds.
    var ballots = closed.draft(new DraftVersion(1)).orElseThrow().ballots().values();
    long agree = ballots.stream().filter(b -> b.choice() == DraftChoice.AGREE).count();
    assertThat(platform.taken("Q1 closed")).isEqualTo(1);
    assertThat(platform.taken.stream().filter(t -> t.contains("Q1 closed")).findFirst().orElseThrow())
        .contains(agree + " agree");
    assertThat(votes.get()).isGreaterThan(10);
    System.out.printf("deadline close under a vote every 20 ms: closed in %d ms with %d votes cast meanwhile%n",
        took.toMillis(), votes.get());
  }
}
