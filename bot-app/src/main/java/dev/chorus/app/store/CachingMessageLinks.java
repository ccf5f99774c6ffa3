package dev.chorus.app.store;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which item a message shows (that never changes, so for good) and, for a short while,
 * which messages show an item, so a reaction or a vote does not ask Redis again to find its item or
 * the message whose tally it edits. Links are only ever added, and an item's messages are
 * posted when the item is created, before anyone can vote on it; a replica that cached an item
 * between its two draft messages sees the second one after {@link #REMEMBER}.
 */
public final class CachingMessageLinks implements MessageLinks {
  static final Duration REMEMBER = Duration.ofSeconds(30);
  private static final int MAX_ENTRIES = 50_000;

  private final MessageLinks store;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Entry> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<MessageKey, Target> targets = new ConcurrentHashMap<>();

  private record MessageKey(CommunityId community, String messageId) {}

  private record Key(CommunityId community, Target target) {}

  private record Entry(List<PostedMessage> messages, Instant until) {}

  public CachingMessageLinks(MessageLinks store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void link(CommunityId community, PostedMessage message, Target target) {
    store.link(community, message, target);
    cache.remove(new Key(community, target));
    // The first reaction on a message this replica posted needs no read back.
    remember(new MessageKey(community, message.id()), target);
  }

  private void remember(MessageKey key, Target target) {
    if (targets.size() >= MAX_ENTRIES) {
      targets.clear();
    }
    targets.put(key, target);
  }

  @Override
  public Optional<Target> targetOf(CommunityId community, String messageId) {
    var key = new MessageKey(community, messageId);
    var known = targets.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    var found = store.targetOf(community, messageId);
    found.ifPresent(target -> remember(key, target));
    return found;
  }

  @Override
  public List<PostedMessage> messagesOf(CommunityId community, Target target) {
    var key = new Key(community, target);
    var now = clock.instant();
    var cached = cache.get(key);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.messages();
    }
    var messages = store.messagesOf(community, target);
    if (!messages.isEmpty()) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(key, new Entry(messages, now.plus(REMEMBER)));
    }
    return messages;
  }
}
