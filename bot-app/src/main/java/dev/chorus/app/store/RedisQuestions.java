package dev.chorus.app.store;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.core.question.VoteChange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Questions and their votes in Redis. Each question is a hash ({@code rev}, {@code whole} — the
 * revision its last whole write made —, {@code json}); beside it, one hash of votes per statement or
 * draft ({@code …:v:s3}, {@code …:v:d2}, member → vote), its counts ({@code …:v:s3:n}, choice →
 * members) and the set of its statements and drafts ({@code …:voted}). Indexes per channel and per
 * community, the highest number used, and processed event ids (kept a day) complete it. Every
 * change is one Lua script: a whole write refuses a redelivered event, checks every revision, and
 * writes questions, votes and indexes; a single vote checks that no whole write came after the
 * revision it was decided on and that the member's vote is still what the decision saw, then records
 * it and answers the item's counts.
 */
public final class RedisQuestions implements Questions, Ballots {
  static final Duration EVENT_MEMORY = Duration.ofDays(1);
  /** The same, as the scripts take it: made once, not on every vote. */
  private static final String EVENT_MEMORY_SECONDS = String.valueOf(EVENT_MEMORY.toSeconds());
  private static final EventId NO_EVENT = new EventId("none");

  /** Reads one question (rev, whole, json, then item name and its hash's pairs, item after item); shared by the read scripts. */
  private static final String READ_ONE = """
      local function question(key)
        local fields = redis.call('HMGET', key, 'rev', 'whole', 'json')
        if not fields[1] or not fields[3] then
          return nil
        end
        local out = {fields[1], fields[2] or '', fields[3]}
        for _, item in ipairs(redis.call('SMEMBERS', key .. ':voted')) do
          table.insert(out, item)
          table.insert(out, redis.call('HGETALL', key .. ':v:' .. item))
        end
        return out
      end
      -- Adds to out the questions of these numbers, under the key prefix, skipping numbers in seen
      -- (and marking them seen) when seen is given.
      local function questions(out, prefix, numbers, seen)
        for _, number in ipairs(numbers) do
          if not (seen and seen[number]) then
            if seen then
              seen[number] = true
            end
            local one = question(prefix .. number)
            if one then
              table.insert(out, one)
            end
          end
        end
        return out
      end
      """;

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List> READ = (RedisScript) RedisScript.of(READ_ONE + """
      return question(KEYS[1]) or {}
      """, List.class);

  // Every question of an index in one round trip.
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List> READ_INDEX = (RedisScript) RedisScript.of(READ_ONE + """
      return questions({}, ARGV[1], redis.call('SMEMBERS', KEYS[1]))
      """, List.class);

  // The questions of a recent list closed at or after ARGV[2] (or open), in one round trip.
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List> READ_RECENT = (RedisScript) RedisScript.of(READ_ONE + """
      return questions({}, ARGV[1], redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[2], '+inf'))
      """, List.class);

  private static final RedisScript<String> COMMIT = RedisScript.of("""
      -- KEYS: event, last number, all questions, the community's recent list, its deadlines, the mark
      --   that its lists hold every question, then per question: its key, its channel's index and its
      --   channel's recent list
      -- ARGV: has event (0/1), event ttl seconds, write count, closed before this (ms) leaves the recent
      --   lists, the expected revision of each, then per question: number, its score in the recent lists
      --   (when it closed, ms, or +inf while open), its deadline (ms, or '' for none), json, item count,
      --   then per item: name, pair count, field/value pairs
      -- Answers 'committed', or 'committed+due' when a deadline came, went or moved: the agenda is told.
      if ARGV[1] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
        return 'processed'
      end
      local writes = tonumber(ARGV[3])
      for i = 1, writes do
        local current = redis.call('HGET', KEYS[4 + 3 * i], 'rev')
        current = current and tonumber(current) or 0
        if current ~= tonumber(ARGV[4 + i]) then
          return 'conflict'
        end
      end
      local last = tonumber(redis.call('GET', KEYS[2]) or '0')
      if last == 0 then
        -- A new community: its lists hold every question from the first, nothing to fill in later.
        redis.call('SET', KEYS[6], '1')
      end
      local trim = '(' .. ARGV[4]
      local due = 0
      local at = 5 + writes
      for i = 1, writes do
        local key = KEYS[4 + 3 * i]
        local revision = tonumber(ARGV[4 + i]) + 1
        local number = tonumber(ARGV[at])
        local score = ARGV[at + 1]
        if ARGV[at + 2] ~= '' then
          due = due + redis.call('ZADD', KEYS[5], 'CH', ARGV[at + 2], number)
        else
          due = due + redis.call('ZREM', KEYS[5], number)
        end
        redis.call('HSET', key, 'rev', revision, 'whole', revision, 'json', ARGV[at + 3])
        local items = tonumber(ARGV[at + 4])
        at = at + 5
        for _, old in ipairs(redis.call('SMEMBERS', key .. ':voted')) do
          -- Its counts too: the next vote counts them again from the votes written here.
          redis.call('DEL', key .. ':v:' .. old, key .. ':v:' .. old .. ':n')
        end
        redis.call('DEL', key .. ':voted')
        for j = 1, items do
          local item = ARGV[at]
          local values = 2 * tonumber(ARGV[at + 1])
          at = at + 2
          -- Every statement and draft is listed, voted on or not, so recording a vote never has to.
          redis.call('SADD', key .. ':voted', item)
          -- In slices: Lua's stack limits how many arguments one call can take.
          for from = at, at + values - 1, 1000 do
            redis.call('HSET', key .. ':v:' .. item, unpack(ARGV, from, math.min(from + 999, at + values - 1)))
          end
          at = at + values
          -- How a vote was cast is kept only for votes that are still there (a forget takes both away).
          local by = key .. ':v:' .. item .. ':by'
          for _, member in ipairs(redis.call('HKEYS', by)) do
            if redis.call('HEXISTS', key .. ':v:' .. item, member) == 0 then
              redis.call('HDEL', by, member)
            end
          end
        end
        redis.call('SADD', KEYS[5 + 3 * i], number)
        redis.call('SADD', KEYS[3], number)
        redis.call('ZADD', KEYS[6 + 3 * i], score, number)
        redis.call('ZADD', KEYS[4], score, number)
        -- Long closed questions leave the lists that every command reads; they stay found by number.
        redis.call('ZREMRANGEBYSCORE', KEYS[6 + 3 * i], '-inf', trim)
        if number > last then
          last = number
        end
      end
      redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', trim)
      redis.call('SET', KEYS[2], last)
      if ARGV[1] == '1' then
        redis.call('SET', KEYS[1], '1', 'EX', tonumber(ARGV[2]))
      end
      if due > 0 then
        return 'committed+due'
      end
      return 'committed'
      """, String.class);

  // Questions stored before the recent lists and deadlines existed join them; NX leaves alone what a
  // commit wrote meanwhile.
  private static final RedisScript<Long> INDEX_RECENT = RedisScript.of("""
      -- KEYS: the community's recent list, the mark that it was filled, its deadlines, then the
      --   channels' recent lists to fill
      -- ARGV: closed before this (ms) is left out, then per question: which list (its KEYS index),
      --   number, score, deadline ('' for none)
      for i = 2, #ARGV, 4 do
        local score = ARGV[i + 2]
        if score == '+inf' or tonumber(score) >= tonumber(ARGV[1]) then
          redis.call('ZADD', KEYS[tonumber(ARGV[i])], 'NX', score, ARGV[i + 1])
          redis.call('ZADD', KEYS[1], 'NX', score, ARGV[i + 1])
        end
        if ARGV[i + 3] ~= '' then
          redis.call('ZADD', KEYS[3], 'NX', ARGV[i + 3], ARGV[i + 1])
        end
      end
      redis.call('SET', KEYS[2], '1')
      return 1
      """, Long.class);

  // What the schedule must look at: open questions with a deadline by the horizon (ARGV[2]), those
  // closed since ARGV[3], and the first deadline after the horizon.
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List> READ_DUE = (RedisScript) RedisScript.of(READ_ONE + """
      local seen = {}
      local out = questions({}, ARGV[1], redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2]), seen)
      questions(out, ARGV[1], redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[3], '(+inf'), seen)
      local later = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[2], '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
      return {later[2] or '', out}
      """, List.class);

  // The hot path: as few commands as a checked vote allows. The event is recorded first (SET NX
  // answers whether it was already) and taken back when the vote turns out stale. The item's counts
  // are kept beside its votes, so the answer is a handful of numbers however many members voted.
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final RedisScript<List> CAST = (RedisScript) RedisScript.of("""
      -- KEYS: event, question, the item's votes, the reactions seen on the message voted on (or the votes again),
      --       how each member's vote on the item was cast, the item's counts (choice -> members)
      -- ARGV: event ttl seconds, revision decided on, member, vote seen (or ''), vote to record (or ''),
      --       the reaction seen ('member choice', or ''), '1' when it was added, '0' when removed, seen ttl seconds,
      --       choice seen (or ''), choice to record (or ''), '1' when the member is the statement's author,
      --       the statement's author (or ''), 's' for a statement's votes or 'd' for a draft's, '1' to answer
      --       every vote as well
      if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', tonumber(ARGV[1])) then
        return {'processed'}
      end
      local state = redis.call('HMGET', KEYS[2], 'rev', 'whole')
      local current = redis.call('HGET', KEYS[3], ARGV[3])
      local seen = ''
      if current then
        seen = string.sub(current, string.find(current, '\\t', 1, true) + 1)
      end
      if not state[1] or not state[2] or tonumber(state[2]) > tonumber(ARGV[2]) or seen ~= ARGV[4] then
        redis.call('DEL', KEYS[1])
        return {'stale'}
      end
      local revision = redis.call('HINCRBY', KEYS[2], 'rev', 1)
      if ARGV[5] == '' then
        redis.call('HDEL', KEYS[3], ARGV[3])
        redis.call('HDEL', KEYS[5], ARGV[3])
      else
        redis.call('HSET', KEYS[3], ARGV[3], string.format('%.0f', revision * 1000000) .. '\\t' .. ARGV[5])
        redis.call('HSET', KEYS[5], ARGV[3], ARGV[6] ~= '' and 'reaction' or 'other')
      end
      if ARGV[6] ~= '' then
        if ARGV[7] == '1' then
          redis.call('SADD', KEYS[4], ARGV[6])
        else
          redis.call('SREM', KEYS[4], ARGV[6])
        end
        redis.call('EXPIRE', KEYS[4], tonumber(ARGV[8]))
      end
      -- The counts follow the vote; 'author' counts the statement's author's own vote, for their implicit agreement.
      if ARGV[9] ~= '' then
        redis.call('HINCRBY', KEYS[6], ARGV[9], -1)
      end
      if ARGV[10] ~= '' then
        redis.call('HINCRBY', KEYS[6], ARGV[10], 1)
      end
      if ARGV[11] == '1' then
        redis.call('HSET', KEYS[6], 'author', ARGV[5] == '' and 0 or 1)
      end
      local counts = redis.call('HGETALL', KEYS[6])
      local counted = false
      for i = 1, #counts, 2 do
        if counts[i] == 'counted' then
          counted = true
        end
      end
      if not counted then
        -- Counted again from the votes, this one included: after a whole write, or for votes stored
        -- before counts were kept. The mark keeps the hash there when no vote is left.
        redis.call('DEL', KEYS[6])
        local tally = {}
        for _, value in ipairs(redis.call('HVALS', KEYS[3])) do
          local at = string.find(value, '\\t', 1, true)
          local choice
          if ARGV[13] == 's' then
            choice = string.sub(value, at + 1)
          else
            choice = string.match(value, '"choice":"(%u+)"', at + 1)
          end
          tally[choice] = (tally[choice] or 0) + 1
        end
        counts = {'counted', '1', 'author', ARGV[12] ~= '' and redis.call('HEXISTS', KEYS[3], ARGV[12]) or 0}
        for choice, count in pairs(tally) do
          table.insert(counts, choice)
          table.insert(counts, count)
        end
        redis.call('HSET', KEYS[6], unpack(counts))
      end
      local every = {}
      if ARGV[14] == '1' then
        every = redis.call('HGETALL', KEYS[3])
      end
      return {'recorded', tostring(revision), counts, every}
      """, List.class);

  /**
   * How long a closed question stays in the recent lists: past what {@code list} and commands without
   * a number look back on ({@link Settings#recentlyClosed}) and what the schedule does (a day), with a
   * week to spare for replicas' clocks.
   */
  static final Duration KEEP_CLOSED_IN_LISTS = Settings.DEFAULTS.recentlyClosed().plusDays(7);
  private static final System.Logger LOG = System.getLogger(RedisQuestions.class.getName());

  private final StringRedisTemplate redis;
  private final Clock clock;
  private final RedisAgenda agenda;
  private final Set<CommunityId> indexed = ConcurrentHashMap.newKeySet();
  private final Set<CommunityId> recentIndexed = ConcurrentHashMap.newKeySet();
  private volatile boolean indexChecked;

  public RedisQuestions(StringRedisTemplate redis) {
    this(redis, Clock.systemUTC());
  }

  /** @param clock when long closed questions leave the recent lists is measured on it */
  public RedisQuestions(StringRedisTemplate redis, Clock clock) {
    this(redis, clock, new RedisAgenda(redis));
  }

  /** @param agenda told when a deadline comes, goes or moves; the one the schedule reads */
  public RedisQuestions(StringRedisTemplate redis, Clock clock, RedisAgenda agenda) {
    this.redis = redis;
    this.clock = clock;
    this.agenda = agenda;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Question> find(CommunityId community, QuestionId id) {
    List<Object> one = call(() -> redis.execute(READ, List.of(RedisKeys.question(community, id.number()))));
    return one == null || one.isEmpty() ? Optional.empty() : Optional.of(current(community, one));
  }

  @Override
  public List<Question> inChannel(CommunityId community, ChannelId channel, Instant closedSince) {
    return readRecent(community, RedisKeys.recentInChannel(community, channel), closedSince);
  }

  @Override
  public List<Question> inCommunity(CommunityId community, Instant closedSince) {
    return readRecent(community, RedisKeys.recent(community), closedSince);
  }

  @Override
  public List<Question> inCommunity(CommunityId community) {
    return readIndex(community, READ_INDEX, List.of(RedisKeys.all(community)), RedisKeys.prefix(community) + "q:");
  }

  private List<Question> readRecent(CommunityId community, String list, Instant closedSince) {
    indexRecent(community);
    var read = readIndex(community, READ_RECENT, List.of(list), RedisKeys.prefix(community) + "q:", score(closedSince));
    // A list may still name a question that closed since: the question itself says.
    read.removeIf(q -> !q.openOrClosedSince(closedSince));
    return read;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private List<Question> readIndex(CommunityId community, RedisScript<List> script, List<String> keys, String... args) {
    List<Object> all = call(() -> redis.execute(script, keys, (Object[]) args));
    return all == null ? new ArrayList<>() : questionsFrom(community, all);
  }

  /** The questions a read script answered, each as {@link #current} makes it, in number order. */
  @SuppressWarnings("unchecked")
  private List<Question> questionsFrom(CommunityId community, List<Object> answered) {
    var questions = new ArrayList<Question>();
    for (var one : answered) {
      questions.add(current(community, (List<Object>) one));
    }
    questions.sort(Comparator.comparing(Question::id));
    return questions;
  }

  /** A moment as the recent lists score it: epoch milliseconds, the ends as Redis's infinities. */
  private static String score(Instant at) {
    if (at.equals(Instant.MAX)) {
      return "+inf";
    }
    if (at.equals(Instant.MIN)) {
      return "-inf";
    }
    return String.valueOf(at.toEpochMilli());
  }

  /** A question's place among the deadlines: its deadline while open, '' otherwise. */
  private static String deadline(Question question) {
    var deadline = question.deadline();
    return question.open() && deadline != null ? String.valueOf(deadline.toEpochMilli()) : "";
  }

  @Override
  @SuppressWarnings("unchecked")
  public Due due(CommunityId community, Instant horizon, Instant closedSince) {
    indexRecent(community);
    List<Object> read = call(() -> redis.execute(READ_DUE, List.of(RedisKeys.deadlines(community),
        RedisKeys.recent(community)), RedisKeys.prefix(community) + "q:", score(horizon), score(closedSince)));
    if (read == null || read.size() < 2) {
      return new Due(List.of(), null);
    }
    var later = (String) read.get(0);
    return new Due(questionsFrom(community, (List<Object>) read.get(1)),
        later.isEmpty() ? null : Instant.ofEpochMilli((long) Double.parseDouble(later)));
  }

  /** A question's place in the recent lists: when it closed, +inf while open. */
  private static String score(Question question) {
    return question.closedAt().map(RedisQuestions::score).orElse("+inf");
  }

  /**
   * Puts the community's questions stored before the recent lists existed into them, once: at
   * start-up for every community ({@link #indexAllRecent}), and before the first read of a community
   * in case that read comes first. After that, one look per community per process.
   */
  void indexRecent(CommunityId community) {
    if (recentIndexed.contains(community)) {
      return;
    }
    if (!Boolean.TRUE.equals(call(() -> redis.hasKey(RedisKeys.recentIndexed(community))))) {
      var keys = new ArrayList<String>();
      keys.add(RedisKeys.recent(community));
      keys.add(RedisKeys.recentIndexed(community));
      keys.add(RedisKeys.deadlines(community));
      var args = new ArrayList<String>();
      args.add(score(clock.instant().minus(KEEP_CLOSED_IN_LISTS)));
      for (var question : inCommunity(community)) {
        var list = RedisKeys.recentInChannel(community, question.channel());
        int index = keys.indexOf(list);
        if (index < 0) {
          keys.add(list);
          index = keys.size() - 1;
        }
        args.add(String.valueOf(index + 1));
        args.add(String.valueOf(question.id().number()));
        args.add(score(question));
        args.add(deadline(question));
      }
      call(() -> redis.execute(INDEX_RECENT, keys, args.toArray()));
    }
    recentIndexed.add(community);
  }

  /** Starts {@link #indexAllRecent} on a thread of its own: start-up does not wait for it, and reads never need it. */
  public void indexInBackground() {
    var thread = new Thread(() -> {
      try {
        indexAllRecent();
      } catch (RuntimeException e) {
        // Each community is still listed at its first read.
        dev.chorus.core.logging.Failures.log(LOG, System.Logger.Level.WARNING, "listing the recent questions at start-up failed", e);
      }
    }, "chorus-recent-index");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The one-off pass at start-up over every community, for questions a version before the recent
   * lists stored; a community that fails is tried again at its first read.
   *
   * @return how many communities were looked at
   */
  public int indexAllRecent() {
    int looked = 0;
    for (var community : communities()) {
      try {
        indexRecent(community);
        looked++;
      } catch (StoreUnavailableException e) {
        LOG.log(System.Logger.Level.WARNING, "a community's recent questions wait to be listed until Redis answers");
      }
    }
    return looked;
  }

  /** The question a read script answered; one stored by a version that kept votes inside it is rewritten first. */
  private Question current(CommunityId community, List<Object> one) {
    long revision = Long.parseLong((String) one.get(0));
    var items = new LinkedHashMap<String, List<?>>();
    for (int i = 3; i + 1 < one.size(); i += 2) {
      items.put((String) one.get(i), (List<?>) one.get(i + 1));
    }
    var question = QuestionCodec.read((String) one.get(2), revision, items);
    if (!((String) one.get(1)).isEmpty()) {
      return question;
    }
    if (commit(community, List.of(question), null) instanceof CommitResult.Committed) {
      return question.atRevision(revision + 1);
    }
    return find(community, question.id()).orElseThrow();
  }

  @Override
  public List<CommunityId> communities() {
    if (!indexChecked) {
      // Questions written before the index existed, or by a replica that stopped between its commit
      // and adding the community: found once per process from the communities' question counters.
      call(() -> {
        var found = new ArrayList<String>();
        try (var keys = redis.scan(ScanOptions.scanOptions().match("chorus:{*}:last").count(1000).build())) {
          keys.forEachRemaining(key -> {
            var community = RedisKeys.communityOfCounter(key);
            if (community != null) {
              found.add(community.value());
            }
          });
        }
        // One round trip for all of them.
        if (!found.isEmpty()) {
          redis.opsForSet().add(RedisKeys.COMMUNITIES, found.toArray(String[]::new));
        }
        return null;
      });
      indexChecked = true;
    }
    var members = call(() -> redis.opsForSet().members(RedisKeys.COMMUNITIES));
    return members == null ? List.of() : members.stream().sorted().map(CommunityId::new).toList();
  }

  @Override
  public int lastNumber(CommunityId community) {
    var last = call(() -> redis.opsForValue().get(RedisKeys.lastNumber(community)));
    return last == null ? 0 : Integer.parseInt(last);
  }

  @Override
  public CommitResult commit(CommunityId community, List<Question> writes, @Nullable EventId event) {
    var keys = new ArrayList<String>();
    // Without an event the script never reads its key, but Redis Cluster wants every key in the slot.
    keys.add(RedisKeys.event(community, event == null ? NO_EVENT : event));
    keys.add(RedisKeys.lastNumber(community));
    keys.add(RedisKeys.all(community));
    keys.add(RedisKeys.recent(community));
    keys.add(RedisKeys.deadlines(community));
    keys.add(RedisKeys.recentIndexed(community));
    var args = new ArrayList<String>();
    args.add(event == null ? "0" : "1");
    args.add(EVENT_MEMORY_SECONDS);
    args.add(String.valueOf(writes.size()));
    args.add(score(clock.instant().minus(KEEP_CLOSED_IN_LISTS)));
    for (var write : writes) {
      if (!write.community().equals(community)) {
        throw new IllegalArgumentException("a commit writes only its own community's questions");
      }
      keys.add(RedisKeys.question(community, write.id().number()));
      keys.add(RedisKeys.channel(community, write.channel()));
      keys.add(RedisKeys.recentInChannel(community, write.channel()));
      args.add(String.valueOf(write.revision()));
    }
    for (var write : writes) {
      args.add(String.valueOf(write.id().number()));
      args.add(score(write));
      args.add(deadline(write));
      args.add(QuestionCodec.write(write));
      var items = QuestionCodec.votes(write, write.revision() + 1);
      args.add(String.valueOf(items.size()));
      items.forEach((item, fields) -> {
        args.add(item);
        args.add(String.valueOf(fields.size()));
        fields.forEach((member, value) -> {
          args.add(member);
          args.add(value);
        });
      });
    }
    var result = call(() -> redis.execute(COMMIT, keys, args.toArray()));
    if ("processed".equals(result)) {
      return new CommitResult.AlreadyProcessed();
    }
    if ("conflict".equals(result)) {
      return new CommitResult.Conflict();
    }
    if (!"committed".equals(result) && !"committed+due".equals(result)) {
      throw new StoreUnavailableException("the commit script answered " + result);
    }
    if ("committed+due".equals(result)) {
      // Outside the script: the agenda is shared by every community (see RedisAgenda).
      agenda.lookSoon(community);
    }
    if (indexed.add(community)) {
      // Outside the script: this key has no community hash tag (see RedisKeys.COMMUNITIES).
      try {
        call(() -> redis.opsForSet().add(RedisKeys.COMMUNITIES, community.value()));
      } catch (StoreUnavailableException e) {
        indexed.remove(community);
      }
    }
    return new CommitResult.Committed();
  }

  @Override
  @SuppressWarnings("unchecked")
  public CastResult cast(CommunityId community, Question decidedOn, VoteChange change, EventId event,
      SeenReactions.@Nullable Change seenReaction) {
    if (!decidedOn.community().equals(community) || !decidedOn.id().equals(change.question())) {
      throw new IllegalArgumentException("a vote is cast on the question it was decided on, in its community");
    }
    var question = RedisKeys.question(community, change.question().number());
    String seen;
    String next;
    String choiceSeen;
    String choiceNext;
    String author;
    if (change instanceof VoteChange.OnStatement s) {
      seen = QuestionCodec.vote(s.before());
      next = QuestionCodec.vote(s.after());
      choiceSeen = seen;
      choiceNext = next;
      author = decidedOn.statement(s.statement()).map(statement -> statement.author().value()).orElse("");
    } else {
      var d = (VoteChange.OnDraft) change;
      seen = QuestionCodec.ballot(d.before());
      next = QuestionCodec.ballot(d.after());
      choiceSeen = d.before() == null ? "" : d.before().choice().name();
      choiceNext = d.after() == null ? "" : d.after().choice().name();
      author = "";
    }
    // Where a forgotten member's vote still counts, who voted what decides when it may go: every vote then.
    boolean every = change.itemHoldsForgotten(decidedOn);
    var votes = question + ":v:" + change.item();
    List<Object> answer = castScript(RedisKeys.event(community, event), question, votes,
        seenReaction == null ? votes : RedisKeys.seen(community, seenReaction.messageId()), votes + ":by", votes + ":n",
        EVENT_MEMORY_SECONDS, String.valueOf(decidedOn.revision()), change.member().value(), seen, next,
        seenReaction == null ? "" : RedisSeenReactions.stored(seenReaction.seen()),
        seenReaction != null && seenReaction.present() ? "1" : "0", String.valueOf(RedisSeenReactions.KEEP.toSeconds()),
        choiceSeen, choiceNext, change.member().value().equals(author) ? "1" : "0", author,
        change instanceof VoteChange.OnStatement ? "s" : "d", every ? "1" : "0");
    var outcome = answer == null || answer.isEmpty() ? "" : (String) answer.get(0);
    switch (outcome) {
      case "processed":
        return new CastResult.AlreadyProcessed();
      case "stale":
        return new CastResult.Stale();
      case "recorded":
        // The outcome was read from the answer, so there is one.
        Objects.requireNonNull(answer);
        long revision = Long.parseLong((String) answer.get(1));
        if (every) {
          var pairs = (List<?>) answer.get(3);
          var recorded = (change instanceof VoteChange.OnStatement s
              ? s.withRecorded(decidedOn, QuestionCodec.statementVotes(pairs))
              : ((VoteChange.OnDraft) change).withRecorded(decidedOn, QuestionCodec.draftBallots(pairs)))
              .atRevision(revision);
          return new CastResult.Recorded(recorded, change.shownIn(recorded));
        }
        var counts = QuestionCodec.counts((List<?>) answer.get(2));
        return new CastResult.Recorded(change.appliedTo(decidedOn).atRevision(revision),
            change instanceof VoteChange.OnStatement
                ? QuestionCodec.statementTally(counts) : QuestionCodec.draftTally(counts));
      default:
        throw new StoreUnavailableException("the vote script answered " + outcome);
    }
  }

  private static final byte[] CAST_SHA = CAST.getSha1().getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CAST_SOURCE = CAST.getScriptAsString().getBytes(StandardCharsets.UTF_8);

  /**
   * The vote script, called below the template: a vote is the hot path, and the template's general
   * script executor (serializers, result conversion) costs more than the script itself.
   */
  @SuppressWarnings("unchecked")
  private @Nullable List<Object> castScript(String... keysThenArgs) {
    var bytes = new byte[keysThenArgs.length][];
    for (int i = 0; i < keysThenArgs.length; i++) {
      bytes[i] = keysThenArgs[i].getBytes(StandardCharsets.UTF_8);
    }
    List<Object> raw = call(() -> redis.execute((RedisCallback<List<Object>>) connection -> {
      try {
        return connection.scriptingCommands().evalSha(CAST_SHA, ReturnType.MULTI, 6, bytes);
      } catch (DataAccessException e) {
        if (!scriptUnknown(e)) {
          throw e;
        }
        // A restarted or flushed Redis forgot the script: send it whole once.
        return connection.scriptingCommands().eval(CAST_SOURCE, ReturnType.MULTI, 6, bytes);
      }
    }));
    return (List<Object>) text(raw);
  }

  private static boolean scriptUnknown(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).startsWith("NOSCRIPT")) {
        return true;
      }
    }
    return false;
  }

  /** Bulk replies as text, lists within lists. */
  private static @Nullable Object text(@Nullable Object reply) {
    if (reply instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (reply instanceof List<?> list) {
      var out = new ArrayList<Object>(list.size());
      for (var element : list) {
        out.add(text(element));
      }
      return out;
    }
    return reply;
  }

  @Override
  public boolean castByReaction(CommunityId community, QuestionId question, Object item, MemberKey member) {
    var name = item instanceof StatementId s ? QuestionCodec.item(s) : QuestionCodec.item((DraftVersion) item);
    var by = call(() -> redis.<String, String>opsForHash().get(
        RedisKeys.question(community, question.number()) + ":v:" + name + ":by", member.value()));
    return !"other".equals(by);
  }

  /** Counted, not set: a rewrite lets go of the count it saw, so one asked for meanwhile still happens. */
  @Override
  public void eraseOldCopies() {
    call(() -> redis.opsForValue().increment(RedisKeys.ERASE_REQUESTS));
  }

  @Override
  public boolean processed(CommunityId community, EventId event) {
    return Boolean.TRUE.equals(call(() -> redis.hasKey(RedisKeys.event(community, event))));
  }

  /** Runs a Redis call; when Redis cannot be reached or answer in time, says so the way core understands. */
  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (DataAccessException e) {
      // A command that timed out was sent, and Redis may still carry it out; one refused while
      // disconnected never left.
      throw new StoreUnavailableException("Redis did not answer: " + e.getClass().getSimpleName(), e,
          e instanceof org.springframework.dao.QueryTimeoutException);
    }
  }
}
