package dev.chorus.app.bench;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A platform that takes every message and shows it nowhere: the benchmarks measure Chorus and Redis. */
final class DiscardingChat implements Chat {
  private final AtomicLong ids = new AtomicLong();
  /** The ids of the messages posted, in order. */
  final List<String> posted = new CopyOnWriteArrayList<>();

  @Override
  public PostedMessage post(CommunityId community, Destination destination, Card card) {
    var id = "m" + ids.incrementAndGet();
    posted.add(id);
    return new PostedMessage(id, destination);
  }

  @Override
  public void edit(CommunityId community, PostedMessage message, Card card) {}
}
