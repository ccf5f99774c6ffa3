package dev.chorus.testkit;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.core.question.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Digest schedules, members' choices and job claims in memory. Leases run on the given clock, so
 * a test moves time to let a claim run out. {@link #failWhile} plays a store that cannot be reached.
 */
public final class InMemoryNotifications implements ChannelDigests, MemberPreferences, Claims {
  private final Clock clock;
  private final Map<CommunityId, Map<ChannelId, ChannelDigest>> digests = new HashMap<>();
  private final Map<CommunityId, Map<MemberId, Preferences>> preferences = new HashMap<>();
  private final Map<CommunityId, Map<String, Instant>> jobs = new HashMap<>();
  /** Jobs marked done, which a release leaves done. */
  private final Map<CommunityId, java.util.Set<String>> done = new HashMap<>();
  private volatile boolean unavailable;
  private volatile dev.chorus.core.digest.@org.jspecify.annotations.Nullable Agenda agenda;

  public InMemoryNotifications(Clock clock) {
    this.clock = clock;
  }

  /** The agenda told of every digest and choice saved, as the real store tells it. */
  public void tellChangesTo(dev.chorus.core.digest.Agenda agenda) {
    this.agenda = agenda;
  }

  @Override
  public synchronized Optional<ChannelDigest> find(CommunityId community, ChannelId channel) {
    check();
    return Optional.ofNullable(digests.getOrDefault(community, Map.of()).get(channel));
  }

  @Override
  public synchronized List<ChannelDigest> scheduled(CommunityId community) {
    check();
    return List.copyOf(digests.getOrDefault(community, Map.of()).values());
  }

  @Override
  public synchronized void save(CommunityId community, ChannelDigest digest) {
    check();
    digests.computeIfAbsent(community, c -> new LinkedHashMap<>()).put(digest.channel(), digest);
    changed(community);
  }

  @Override
  public synchronized boolean saveIfStillScheduled(CommunityId community, ChannelDigest digest) {
    check();
    var inCommunity = digests.get(community);
    var current = inCommunity == null ? null : inCommunity.get(digest.channel());
    if (inCommunity == null || current == null || !current.since().equals(digest.since())) {
      return false;
    }
    inCommunity.put(digest.channel(), digest);
    return true;
  }

  @Override
  public synchronized void remove(CommunityId community, ChannelId channel) {
    check();
    digests.getOrDefault(community, new HashMap<>()).remove(channel);
    changed(community);
  }

  @Override
  public synchronized Preferences of(CommunityId community, MemberId member) {
    check();
    return preferences.getOrDefault(community, Map.of()).getOrDefault(member, Preferences.DEFAULTS);
  }

  @Override
  public synchronized void save(CommunityId community, MemberId member, Preferences chosen) {
    check();
    preferences.computeIfAbsent(community, c -> new LinkedHashMap<>()).put(member, chosen);
    changed(community);
  }

  @Override
  public synchronized Map<MemberId, Preferences> chosenIn(CommunityId community) {
    check();
    return Map.copyOf(preferences.getOrDefault(community, Map.of()));
  }

  @Override
  public synchronized Taken take(CommunityId community, String job, Duration lease) {
    check();
    var held = jobs.computeIfAbsent(community, c -> new HashMap<>());
    var until = held.get(job);
    var now = clock.instant();
    if (until != null && until.isAfter(now)) {
      return done.getOrDefault(community, java.util.Set.of()).contains(job) ? Taken.DONE : Taken.HELD;
    }
    held.put(job, now.plus(lease));
    return Taken.CLAIMED;
  }

  @Override
  public synchronized java.util.Set<String> doneAmong(CommunityId community, java.util.Collection<String> asked) {
    check();
    var now = clock.instant();
    var held = jobs.getOrDefault(community, Map.of());
    var found = new java.util.HashSet<String>();
    for (var job : asked) {
      var until = held.get(job);
      if (until != null && until.isAfter(now) && done.getOrDefault(community, java.util.Set.of()).contains(job)) {
        found.add(job);
      }
    }
    return found;
  }

  @Override
  public synchronized void done(CommunityId community, String job, Duration keep) {
    check();
    jobs.computeIfAbsent(community, c -> new HashMap<>()).put(job, clock.instant().plus(keep));
    done.computeIfAbsent(community, c -> new java.util.HashSet<>()).add(job);
  }

  @Override
  public synchronized void release(CommunityId community, String job) {
    check();
    if (!done.getOrDefault(community, java.util.Set.of()).contains(job)) {
      jobs.computeIfAbsent(community, c -> new HashMap<>()).remove(job);
    }
  }

  private void changed(CommunityId community) {
    var told = agenda;
    if (told != null) {
      told.lookSoon(community);
    }
  }

  /** The names of every job claimed in the community, done or not, as the store keeps them. */
  public synchronized java.util.Set<String> claimedJobs(CommunityId community) {
    return java.util.Set.copyOf(jobs.getOrDefault(community, Map.of()).keySet());
  }

  /** While true, every call fails as an unreachable store would. */
  public void failWhile(boolean down) {
    this.unavailable = down;
  }

  private void check() {
    if (unavailable) {
      throw new StoreUnavailableException("the in-memory store is set to fail");
    }
  }
}
