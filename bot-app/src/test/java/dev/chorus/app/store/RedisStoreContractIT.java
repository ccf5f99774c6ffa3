package dev.chorus.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.export.Json;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.VoteChange;
import dev.chorus.testkit.contract.StoreContract;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis store keeps the same contract as the in-memory one, on a real redis-server. */
class RedisStoreContractIT extends StoreContract {
  @TempDir
  static Path data;

  private static RedisFixture fixture;
  private static RedisQuestions questions;
  private static RedisMessageLinks links;

  @BeforeAll
  static void startRedis() {
    fixture = new RedisFixture(data);
    // The contract's questions live in November 2026; long closed ones leave the lists by this clock.
    questions = new RedisQuestions(fixture.redis, java.time.Clock.fixed(java.time.Instant.parse("2026-11-02T09:00:00Z"),
        java.time.ZoneOffset.UTC));
    links = new RedisMessageLinks(fixture.redis);
  }

  @AfterAll
  static void stopRedis() {
    fixture.close();
  }

  @Override
  protected Questions questions() {
    return questions;
  }

  @Override
  protected Ballots ballots() {
    return questions;
  }

  @Override
  protected dev.chorus.core.question.SeenReactions seenReactions() {
    return new RedisSeenReactions(fixture.redis);
  }

  @Override
  protected MessageLinks links() {
    return links;
  }

  /** What the version before single-vote recording wrote: one hash, votes inside the JSON (format 1). */
  @SuppressWarnings("unchecked")
  private static String formatOne(Question q) {
    var map = (Map<String, Object>) JsonReader.read(QuestionCodec.write(q));
    map.put("format", 1);
    var statements = (List<Object>) map.get("statements");
    for (int i = 0; i < statements.size(); i++) {
      var votes = new LinkedHashMap<String, Object>();
      q.statements().get(i).votes().forEach((member, choice) -> votes.put(member.value(), choice.name()));
      ((Map<String, Object>) statements.get(i)).put("votes", votes);
    }
    var drafts = (List<Object>) map.get("drafts");
    for (int i = 0; i < drafts.size(); i++) {
      var ballots = new LinkedHashMap<String, Object>();
      q.drafts().get(i).ballots().forEach((member, ballot) -> ballots.put(member.value(), JsonReader.read(QuestionCodec.ballot(ballot))));
      ((Map<String, Object>) drafts.get(i)).put("ballots", ballots);
    }
    return Json.compact(map);
  }

  @Test
  void aQuestionStoredWithItsVotesInsideIsReadWholeAndRewrittenSoVotesCanBeCast() {
    var community = new CommunityId("legacy:" + System.nanoTime());
    var old = richQuestion(community, 1, "general");
    var key = RedisKeys.question(community, 1);
    fixture.redis.opsForHash().putAll(key, Map.of("rev", "7", "json", formatOne(old)));
    fixture.redis.opsForSet().add(RedisKeys.channel(community, new ChannelId("general")), "1");
    fixture.redis.opsForSet().add(RedisKeys.all(community), "1");

    var read = questions.find(community, new QuestionId(1)).orElseThrow();

    assertThat(read).isEqualTo(old.atRevision(8));
    assertThat(questions.inChannel(community, new ChannelId("general"), java.time.Instant.MIN)).containsExactly(read);
    assertThat(fixture.redis.<String, String>opsForHash().get(key, "json")).startsWith("{\"format\":2,");
    var carol = new MemberKey("U-carol");
    var v1 = new StatementId(1);
    var cast = questions.cast(community, read, new VoteChange.OnStatement(read.id(), v1, carol, null, StatementChoice.PASS),
        new EventId("after-upgrade"));
    assertThat(cast).isInstanceOf(Ballots.CastResult.Recorded.class);
    assertThat(questions.find(community, new QuestionId(1)).orElseThrow().statement(v1).orElseThrow().votes())
        .containsEntry(new MemberKey("U-bob"), StatementChoice.DISAGREE).containsEntry(carol, StatementChoice.PASS);
  }
  @Test
  void questionsStoredBeforeTheRecentListsJoinThemInTheOneOffPassAtStartUp() {
    var community = new CommunityId("before-lists:" + System.nanoTime());
    var now = java.time.Instant.now();
    var lately = richQuestion(community, 2, "general");
    var old = richQuestion(community, 1, "general");
    var outcome = new dev.chorus.core.question.OutcomePolicy(dev.chorus.core.question.Outcome.Thresholds.DEFAULTS);
    questions.commit(community, List.of(
        old.closedWith(outcome.evaluate(old, old.latestDraft(), now.minus(java.time.Duration.ofDays(40)), "Alice")),
        lately.closedWith(outcome.evaluate(lately, lately.latestDraft(), now.minus(java.time.Duration.ofDays(2)), "Alice")),
        richQuestion(community, 3, "general"), richQuestion(community, 4, "elsewhere")), null);
    // As the previous version left it: no recent lists, no mark.
    fixture.redis.delete(List.of(RedisKeys.recent(community), RedisKeys.recentIndexed(community),
        RedisKeys.recentInChannel(community, new ChannelId("general")),
        RedisKeys.recentInChannel(community, new ChannelId("elsewhere"))));

    var restarted = new RedisQuestions(fixture.redis);
    assertThat(restarted.indexAllRecent()).isGreaterThanOrEqualTo(1);

    var general = fixture.redis.opsForZSet().rangeWithScores(RedisKeys.recentInChannel(community, new ChannelId("general")), 0, -1);
    assertThat(general).extracting(t -> t.getValue()).as("filled before any read; the long closed one left out")
        .containsExactlyInAnyOrder("2", "3");
    assertThat(fixture.redis.opsForZSet().range(RedisKeys.recent(community), 0, -1)).containsExactlyInAnyOrder("2", "3", "4");
    assertThat(restarted.inChannel(community, new ChannelId("general"), now.minus(java.time.Duration.ofDays(7))))
        .extracting(q -> q.id().number()).containsExactly(2, 3);
    assertThat(restarted.find(community, new QuestionId(1))).as("still found by its number").isPresent();
    assertThat(restarted.inCommunity(community)).hasSize(4);
  }
}
