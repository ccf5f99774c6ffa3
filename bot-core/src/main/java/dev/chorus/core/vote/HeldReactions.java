package dev.chorus.core.vote;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Inbound;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reactions on messages Chorus has not linked yet, held in the order they came. Members react the
 * instant a message appears: a reaction event can overtake the platform's answer to the post that
 * made the message, or reach this replica before another replica, which posted it, has linked it.
 * Such a reaction is held and handed back once the message is linked, so no vote is lost for a link
 * that came a moment late. A message with reactions held takes later ones behind them, so a member's
 * add and remove keep their order.
 *
 * <p>Most reactions on unknown messages are on members' own messages and never become votes: they
 * are let go after {@link #GRACE}. At most {@link #CAPACITY} reactions are held; past that a new one
 * is not held (reconciliation with the platform still counts it on Chorus's own messages).
 */
public final class HeldReactions {
  /** Longer than any post takes to be linked, even behind a platform's rate limits. */
  public static final Duration GRACE = Duration.ofSeconds(60);
  public static final int CAPACITY = 10_000;
  /** The first look for a link made by another replica; each later look waits twice as long. */
  public static final Duration FIRST_LOOK = Duration.ofSeconds(1);

  /** A message, in its community. */
  public record Key(CommunityId community, String messageId) {}

  private static final class Held {
    final Deque<Inbound> reactions = new ArrayDeque<>();
    final long since;
    long nextLookAfter;
    boolean released;

    Held(long since) {
      this.since = since;
      this.nextLookAfter = FIRST_LOOK.toNanos();
    }
  }

  private final Map<Key, Held> held = new HashMap<>();
  private final long graceNanos;
  private final int capacity;
  private int size;
  private long letGo;

  public HeldReactions() {
    this(GRACE, CAPACITY);
  }

  HeldReactions(Duration grace, int capacity) {
    this.graceNanos = grace.toNanos();
    this.capacity = capacity;
  }

  /** The key of a reaction's message. */
  public static Key keyOf(Inbound reaction) {
    if (reaction instanceof Inbound.ReactionAdded added) {
      return new Key(added.community(), added.messageId());
    }
    if (reaction instanceof Inbound.ReactionRemoved removed) {
      return new Key(removed.community(), removed.messageId());
    }
    throw new IllegalArgumentException("not a reaction: " + reaction.getClass().getSimpleName());
  }

  /** Holds the reaction behind those already held for its message; false when none are. */
  public synchronized boolean behindOthers(Inbound reaction) {
    var entry = held.get(keyOf(reaction));
    if (entry == null) {
      return false;
    }
    entry.reactions.addLast(reaction);
    size++;
    return true;
  }

  /**
   * Holds a reaction whose message is not linked.
   *
   * @return true when the message had nothing held before (the caller starts looking for its link);
   *     false when it joined others, or was not held because too many are
   */
  public synchronized boolean hold(Inbound reaction, long nowNanos) {
    var key = keyOf(reaction);
    var entry = held.get(key);
    if (entry != null) {
      entry.reactions.addLast(reaction);
      size++;
      return false;
    }
    if (size >= capacity) {
      letGo++;
      return false;
    }
    entry = new Held(nowNanos);
    entry.reactions.addLast(reaction);
    held.put(key, entry);
    size++;
    return true;
  }

  /**
   * The message is linked: its reactions are released, to be handed back one by one through
   * {@link #next}. False when nothing is held for it, or it is already being released.
   */
  public synchronized boolean release(Key key) {
    var entry = held.get(key);
    if (entry == null || entry.released) {
      return false;
    }
    entry.released = true;
    return true;
  }

  /**
   * The next reaction of a released message, oldest first; null when none is left, and then the
   * message holds nothing more: later reactions go straight through.
   */
  public synchronized @Nullable Inbound next(Key key) {
    var entry = held.get(key);
    if (entry == null) {
      return null;
    }
    var reaction = entry.reactions.pollFirst();
    if (reaction == null) {
      held.remove(key);
      return null;
    }
    size--;
    return reaction;
  }

  /**
   * After a look that found no link: how long until the next look, or null when there is nothing to
   * look for any more — released meanwhile, or the grace period is over, and then the message's
   * reactions are let go.
   */
  public synchronized @Nullable Duration notYet(Key key, long nowNanos) {
    var entry = held.get(key);
    if (entry == null || entry.released) {
      return null;
    }
    long waited = nowNanos - entry.since;
    if (waited >= graceNanos) {
      held.remove(key);
      size -= entry.reactions.size();
      letGo += entry.reactions.size();
      return null;
    }
    long next = Math.min(entry.nextLookAfter, graceNanos - waited);
    entry.nextLookAfter *= 2;
    return Duration.ofNanos(Math.max(1, next));
  }

  /** Whether anything is held for the message. */
  public synchronized boolean holds(Key key) {
    return held.containsKey(key);
  }

  /** How many reactions are held now. */
  public synchronized int size() {
    return size;
  }

  /** How many reactions were let go so far: never linked within the grace period, or not held for want of room. */
  public synchronized long letGo() {
    return letGo;
  }

  /** The messages with reactions held. */
  public synchronized List<Key> messages() {
    return new ArrayList<>(held.keySet());
  }
}
