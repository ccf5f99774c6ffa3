package dev.chorus.testkit;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat platform that keeps every message Chorus posts, numbered from 1 per community like the
 * local shell numbers them, with each message's current card and its edit history.
 */
public final class RecordingChat implements Chat {
  private final Map<CommunityId, List<Posted>> posted = new HashMap<>();

  /** One message: where it went, what it shows now, and every card it showed. */
  public record Posted(int number, CommunityId community, Destination destination, List<Card> versions) {
    public Card card() {
      return versions.get(versions.size() - 1);
    }

    public String text() {
      return card().plainText();
    }

    public String id() {
      return String.valueOf(number);
    }
  }

  @Override
  public synchronized PostedMessage post(CommunityId community, Destination destination, Card card) {
    var list = posted.computeIfAbsent(community, c -> new ArrayList<>());
    var versions = new ArrayList<Card>();
    versions.add(card);
    var message = new Posted(list.size() + 1, community, destination, versions);
    list.add(message);
    return new PostedMessage(message.id(), destination);
  }

  @Override
  public synchronized void edit(CommunityId community, PostedMessage message, Card card) {
    var found = find(community, Integer.parseInt(message.id()));
    if (found.isEmpty()) {
      throw new IllegalStateException("edit of a message that was never posted: " + message.id());
    }
    found.get().versions().add(card);
  }

  public synchronized List<Posted> messages(CommunityId community) {
    return List.copyOf(posted.getOrDefault(community, List.of()));
  }

  public synchronized Optional<Posted> find(CommunityId community, int number) {
    var list = posted.getOrDefault(community, List.of());
    return number >= 1 && number <= list.size() ? Optional.of(list.get(number - 1)) : Optional.empty();
  }

  /** The last message whose text contains the words. */
  public synchronized Posted last(CommunityId community, String containing) {
    var list = posted.getOrDefault(community, List.of());
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i).text().contains(containing)) {
        return list.get(i);
      }
    }
    throw new AssertionError("no message contains \"" + containing + "\"");
  }

  /** A view of every posted card's current text for the community, comparable between runs. */
  public synchronized List<String> transcript(CommunityId community) {
    return posted.getOrDefault(community, List.of()).stream()
        .map(p -> p.destination() + " " + p.versions().stream().map(Card::plainText).toList())
        .toList();
  }
}
