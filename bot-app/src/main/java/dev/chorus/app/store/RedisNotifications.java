package dev.chorus.app.store;

import static dev.chorus.app.store.RedisQuestions.call;

import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.digest.DigestSchedule;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.core.export.Json;
import dev.chorus.core.question.QuestionId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Digest schedules, members' choices and job claims in Redis: a hash of channel digests and a hash
 * of members' choices per community (explicit JSON per entry), and one key per claimed job, set
 * only if absent and expiring with its lease, then kept as done.
 */
public final class RedisNotifications implements ChannelDigests, MemberPreferences, Claims {
  private static final String DONE = "done";

  private final StringRedisTemplate redis;
  private final RedisAgenda agenda;

  public RedisNotifications(StringRedisTemplate redis) {
    this(redis, new RedisAgenda(redis));
  }

  /** @param agenda told when a digest or a member's choice changes; the one the schedule reads */
  public RedisNotifications(StringRedisTemplate redis, RedisAgenda agenda) {
    this.redis = redis;
    this.agenda = agenda;
  }

  // ---- channel digests ----

  @Override
  public Optional<ChannelDigest> find(CommunityId community, ChannelId channel) {
    var json = call(() -> redis.<String, String>opsForHash().get(RedisKeys.digests(community), channel.value()));
    return json == null ? Optional.empty() : Optional.of(digest(channel, json));
  }

  @Override
  public List<ChannelDigest> scheduled(CommunityId community) {
    var all = call(() -> redis.<String, String>opsForHash().entries(RedisKeys.digests(community)));
    var digests = new ArrayList<ChannelDigest>();
    all.forEach((channel, json) -> digests.add(digest(new ChannelId(channel), json)));
    return digests;
  }

  /** Writes the digest only while the stored one has the same {@code since}: the same schedule. */
  private static final org.springframework.data.redis.core.script.RedisScript<Long> SAVE_IF_SCHEDULED =
      org.springframework.data.redis.core.script.RedisScript.of("""
          local current = redis.call('HGET', KEYS[1], ARGV[1])
          if not current or cjson.decode(current)['since'] ~= ARGV[2] then
            return 0
          end
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
          return 1
          """, Long.class);

  @Override
  public boolean saveIfStillScheduled(CommunityId community, ChannelDigest digest) {
    Long saved = call(() -> redis.execute(SAVE_IF_SCHEDULED, List.of(RedisKeys.digests(community)),
        digest.channel().value(), digest.since().toString(), encode(digest)));
    return saved != null && saved == 1L;
  }

  @Override
  public void save(CommunityId community, ChannelDigest digest) {
    var json = encode(digest);
    call(() -> {
      redis.opsForHash().put(RedisKeys.digests(community), digest.channel().value(), json);
      return null;
    });
    agenda.lookSoon(community);
  }

  private static String encode(ChannelDigest digest) {
    var map = new LinkedHashMap<String, Object>();
    map.put("cadence", digest.schedule().cadence().name());
    map.put("weekday", digest.schedule().weekday().name());
    map.put("at", digest.schedule().at().toString());
    map.put("zone", digest.schedule().zone().getId());
    map.put("since", digest.since().toString());
    map.put("lastSent", QuestionCodec.time(digest.lastSent()));
    var shown = new LinkedHashMap<String, Object>();
    digest.shown().forEach((q, a) -> shown.put(String.valueOf(q.number()), List.of(a.views(), a.votes(), a.drafts())));
    map.put("shown", shown);
    if (digest.setBy() != null) {
      map.put("setBy", digest.setBy().value());
    }
    return Json.compact(map);
  }

  @Override
  public void remove(CommunityId community, ChannelId channel) {
    call(() -> redis.opsForHash().delete(RedisKeys.digests(community), channel.value()));
    agenda.lookSoon(community);
  }

  @SuppressWarnings("unchecked")
  private static ChannelDigest digest(ChannelId channel, String json) {
    var map = JsonFields.object(JsonReader.read(json));
    var shown = new LinkedHashMap<QuestionId, Activity>();
    JsonFields.object(map, "shown").forEach((q, counts) -> {
      var c = (List<Object>) counts;
      shown.put(new QuestionId(Integer.parseInt(q)), new Activity(QuestionCodec.number(c, 0), QuestionCodec.number(c, 1),
          QuestionCodec.number(c, 2)));
    });
    var schedule = new DigestSchedule(Cadence.valueOf(JsonFields.string(map, "cadence")),
        DayOfWeek.valueOf((String) map.get("weekday")), LocalTime.parse((String) map.get("at")),
        ZoneId.of((String) map.get("zone")));
    var setBy = (String) map.get("setBy");
    return new ChannelDigest(channel, schedule, QuestionCodec.instant(map.get("since")),
        QuestionCodec.instantOrNull(map.get("lastSent")), shown, setBy == null ? null : new MemberId(setBy));
  }

  // ---- members' choices ----

  @Override
  public Preferences of(CommunityId community, MemberId member) {
    var json = call(() -> redis.<String, String>opsForHash().get(RedisKeys.members(community), member.value()));
    return json == null ? Preferences.DEFAULTS : preferences(json);
  }

  @Override
  public void save(CommunityId community, MemberId member, Preferences chosen) {
    var map = new LinkedHashMap<String, Object>();
    map.put("personal", chosen.personalDigest().name());
    map.put("since", chosen.personalSince().toString());
    map.put("reminders", chosen.reminders());
    call(() -> {
      redis.opsForHash().put(RedisKeys.members(community), member.value(), Json.compact(map));
      return null;
    });
    agenda.lookSoon(community);
  }

  @Override
  public Map<MemberId, Preferences> chosenIn(CommunityId community) {
    var all = call(() -> redis.<String, String>opsForHash().entries(RedisKeys.members(community)));
    var chosen = new LinkedHashMap<MemberId, Preferences>();
    all.forEach((member, json) -> chosen.put(new MemberId(member), preferences(json)));
    return chosen;
  }

  private static Preferences preferences(String json) {
    var map = JsonFields.object(JsonReader.read(json));
    return new Preferences(Cadence.valueOf(JsonFields.string(map, "personal")), QuestionCodec.instant(map.get("since")),
        JsonFields.bool(map, "reminders"));
  }

  // ---- claims ----

  /** Claims the job, or says who has it, in one round trip. */
  private static final org.springframework.data.redis.core.script.RedisScript<String> TAKE =
      org.springframework.data.redis.core.script.RedisScript.of("""
          if redis.call('SET', KEYS[1], 'claimed', 'NX', 'PX', tonumber(ARGV[1])) then
            return 'mine'
          end
          return redis.call('GET', KEYS[1])
          """, String.class);

  @Override
  public Taken take(CommunityId community, String job, Duration lease) {
    var answer = call(() -> redis.execute(TAKE, List.of(RedisKeys.job(community, job)), String.valueOf(lease.toMillis())));
    return switch (String.valueOf(answer)) {
      case "mine" -> Taken.CLAIMED;
      case DONE -> Taken.DONE;
      default -> Taken.HELD;
    };
  }

  @Override
  public java.util.Set<String> doneAmong(CommunityId community, java.util.Collection<String> jobs) {
    var asked = List.copyOf(jobs);
    var values = call(() -> redis.opsForValue().multiGet(asked.stream().map(job -> RedisKeys.job(community, job)).toList()));
    var done = new java.util.HashSet<String>();
    for (int i = 0; values != null && i < asked.size(); i++) {
      if (DONE.equals(values.get(i))) {
        done.add(asked.get(i));
      }
    }
    return done;
  }

  /** A claim is taken back only while it is a claim: a job marked done stays done. */
  private static final org.springframework.data.redis.core.script.RedisScript<Long> RELEASE =
      org.springframework.data.redis.core.script.RedisScript.of("""
          if redis.call('GET', KEYS[1]) == 'claimed' then
            return redis.call('DEL', KEYS[1])
          end
          return 0
          """, Long.class);

  @Override
  public void release(CommunityId community, String job) {
    call(() -> redis.execute(RELEASE, java.util.List.of(RedisKeys.job(community, job))));
  }

  @Override
  public void done(CommunityId community, String job, Duration keep) {
    call(() -> {
      redis.opsForValue().set(RedisKeys.job(community, job), DONE, keep);
      return null;
    });
  }
}
