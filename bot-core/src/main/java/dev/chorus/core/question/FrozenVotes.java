package dev.chorus.core.question;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Votes that nobody can change, in the order they were cast. A statement or draft made from another
 * (a vote added, a status changed) takes them over without copying them again: a busy item holds
 * hundreds, and every vote makes a new one.
 */
final class FrozenVotes<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> votes;

  private FrozenVotes(LinkedHashMap<K, V> owned) {
    this.votes = Collections.unmodifiableMap(owned);
  }

  /** The same votes, copied unless they are frozen already. */
  static <K, V> Map<K, V> of(Map<K, V> votes) {
    if (votes instanceof FrozenVotes<K, V> frozen) {
      return frozen;
    }
    return new FrozenVotes<>(new LinkedHashMap<>(votes));
  }

  /** The votes with the member's replaced by {@code vote}, cast last; without it when {@code vote} is null. */
  static <K, V> Map<K, V> with(Map<K, V> votes, K member, @Nullable V vote) {
    var copy = new LinkedHashMap<>(votes);
    copy.remove(member);
    if (vote != null) {
      copy.put(member, vote);
    }
    return new FrozenVotes<>(copy);
  }

  @Override
  public @Nullable V get(Object key) {
    return votes.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return votes.containsKey(key);
  }

  @Override
  public int size() {
    return votes.size();
  }

  @Override
  public Collection<V> values() {
    return votes.values();
  }

  @Override
  public Set<K> keySet() {
    return votes.keySet();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return votes.entrySet();
  }
}
