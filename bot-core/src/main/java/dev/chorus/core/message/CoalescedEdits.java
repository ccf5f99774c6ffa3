package dev.chorus.core.message;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.logging.Failures;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * At most one edit of a message per window (a live tally is edited about once every two
 * seconds however fast votes arrive). The first edit goes out at once; later ones within the window
 * wait, and only the newest card is sent when the window ends, so nothing shown is ever older than
 * what was last asked for.
 */
public final class CoalescedEdits implements Chat {
  private static final System.Logger LOG = System.getLogger(CoalescedEdits.class.getName());

  private final Chat platform;
  private final ScheduledExecutorService timer;
  private final long windowNanos;
  private final Map<String, Slot> slots = new HashMap<>();

  /** Past this many messages, those idle for {@link #FORGET_AFTER} are forgotten. */
  static final int SWEEP_ABOVE = 1_024;
  /**
   * Far longer than any edit decided before another can be delayed on its way here, so a revision
   * is remembered as long as an older edit could still arrive.
   */
  static final long FORGET_AFTER = TimeUnit.MINUTES.toNanos(10);

  /** One message's edits: when the last went out, the newest waiting, and the highest revision asked for. */
  private static final class Slot {
    long lastSent;
    long revision = Long.MIN_VALUE;
    @Nullable PostedMessage message;
    @Nullable CommunityId community;
    @Nullable LazyCard waiting;
  }

  public CoalescedEdits(Chat platform, ScheduledExecutorService timer, Duration window) {
    this.platform = platform;
    this.timer = timer;
    this.windowNanos = window.toNanos();
  }

  @Override
  public PostedMessage post(CommunityId community, Destination destination, Card card) {
    return platform.post(community, destination, card);
  }

  @Override
  public PostedMessage postOnce(CommunityId community, Destination destination, Card card, String once) {
    return platform.postOnce(community, destination, card, once);
  }

  @Override
  public void decorate(CommunityId community, PostedMessage message, Card card) {
    platform.decorate(community, message, card);
  }

  @Override
  public java.util.Optional<java.util.List<MemberReaction>> reactionsOn(CommunityId community, PostedMessage message) {
    return platform.reactionsOn(community, message);
  }

  @Override
  public void edit(CommunityId community, PostedMessage message, Card card) {
    edit(community, message, LazyCard.ready(card), UNKNOWN_REVISION);
  }

  /**
   * Edits decided for different members at once reach here in any order; a card of a lower revision
   * than one already sent or waiting is older news and is dropped. A card is built only when it goes
   * out, so those a newer one replaced while waiting are never built.
   */
  @Override
  public void edit(CommunityId community, PostedMessage message, LazyCard card, long revision) {
    var key = community.value() + "/" + message.id();
    long now = System.nanoTime();
    synchronized (slots) {
      if (slots.size() > SWEEP_ABOVE) {
        sweep(now);
      }
      var slot = slots.computeIfAbsent(key, k -> new Slot());
      if (revision != UNKNOWN_REVISION) {
        if (revision < slot.revision) {
          return;
        }
        slot.revision = revision;
      }
      if (slot.waiting != null) {
        // A send is already planned for the end of the window: it will carry this newer card.
        slot.waiting = card;
        return;
      }
      long wait = slot.lastSent == 0 ? 0 : slot.lastSent + windowNanos - now;
      if (wait > 0) {
        slot.waiting = card;
        slot.message = message;
        slot.community = community;
        timer.schedule(() -> sendWaiting(key, false), wait, TimeUnit.NANOSECONDS);
        return;
      }
      slot.lastSent = now;
    }
    try {
      platform.edit(community, message, card.get());
    } finally {
      sent(key);
    }
  }

  /** Forgets messages with nothing waiting and no edit for a long while. */
  private void sweep(long now) {
    slots.values().removeIf(slot -> slot.waiting == null && now - slot.lastSent > Math.max(windowNanos, FORGET_AFTER));
  }

  /** The window runs from when the platform took the edit, so it sees the edits at least a window apart. */
  private void sent(String key) {
    synchronized (slots) {
      var slot = slots.get(key);
      if (slot != null) {
        slot.lastSent = System.nanoTime();
      }
    }
  }

  /**
   * Sends every waiting edit as soon as its window allows, and returns when all are sent: before the
   * platform shuts down, so a tally is not left older than the last vote. Takes at most a window.
   */
  public void flush() {
    java.util.List<String> waiting;
    synchronized (slots) {
      waiting = slots.entrySet().stream().filter(e -> e.getValue().waiting != null)
          .sorted(java.util.Comparator.comparingLong(e -> e.getValue().lastSent)).map(Map.Entry::getKey).toList();
    }
    for (var key : waiting) {
      long due;
      synchronized (slots) {
        var slot = slots.get(key);
        due = slot == null ? 0 : slot.lastSent + windowNanos - System.nanoTime();
      }
      if (due > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(due);
      }
      sendWaiting(key, true);
    }
  }

  private void sendWaiting(String key, boolean now) {
    LazyCard card;
    PostedMessage message;
    CommunityId community;
    synchronized (slots) {
      var slot = slots.get(key);
      if (slot == null || slot.waiting == null) {
        return;
      }
      long early = slot.lastSent + windowNanos - System.nanoTime();
      if (early > 0 && !now) {
        // The last edit finished later than planned: wait out the rest of its window.
        timer.schedule(() -> sendWaiting(key, false), early, TimeUnit.NANOSECONDS);
        return;
      }
      card = slot.waiting;
      // The send that set waiting first set message and community too; they are never cleared.
      message = Objects.requireNonNull(slot.message);
      community = Objects.requireNonNull(slot.community);
      slot.waiting = null;
      slot.lastSent = System.nanoTime();
    }
    try {
      platform.edit(community, message, card.get());
    } catch (RuntimeException e) {
      // Nobody waits for this edit; the next vote edits the message again.
      Failures.log(LOG, Level.WARNING, "a coalesced edit did not reach the platform", e);
    } finally {
      sent(key);
    }
  }

  @Override
  public ChannelAccess access(CommunityId community, MemberId member,
      ChannelId channel) {
    return platform.access(community, member, channel);
  }
}
