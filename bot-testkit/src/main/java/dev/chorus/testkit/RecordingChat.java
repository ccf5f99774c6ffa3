package dev.chorus.testkit;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MemberReaction;
import dev.chorus.core.message.PostedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A chat platform that keeps every message Chorus posts, numbered from 1 per community like the
 * local shell numbers them, with each message's current card and its edit history.
 */
public final class RecordingChat implements Chat {
  private final Map<CommunityId, List<Posted>> posted = new HashMap<>();
  /** The members' reactions as the platform shows them, by community and message id, in the order added. */
  private final Map<CommunityId, Map<String, List<MemberReaction>>> reactions = new HashMap<>();
  private int reactionReads;

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

  /**
   * A member adds or takes away a reaction on the platform: what members see, whether or not Chorus
   * hears of it. Adding the same reaction twice is one reaction, as on the platforms.
   */
  public synchronized void platformReaction(CommunityId community, String messageId, Actor member, String emoji,
      boolean present) {
    var onMessage = reactions.computeIfAbsent(community, c -> new HashMap<>())
        .computeIfAbsent(messageId, m -> new ArrayList<>());
    onMessage.removeIf(r -> r.member().id().equals(member.id()) && r.emoji().equals(emoji));
    if (present) {
      onMessage.add(new MemberReaction(emoji, member));
    }
  }

  @Override
  public synchronized Optional<List<MemberReaction>> reactionsOn(CommunityId community, PostedMessage message) {
    reactionReads++;
    return Optional.of(List.copyOf(reactions.getOrDefault(community, Map.of()).getOrDefault(message.id(), List.of())));
  }

  /** How often Chorus read a message's reactions back. */
  public synchronized int reactionReads() {
    return reactionReads;
  }

  /** Channels only some members can see (private channels), and channels the platform cannot tell about. */
  private final Map<ChannelId, Set<MemberId>> privateChannels =
      new HashMap<>();
  private final Set<ChannelId> untold = new HashSet<>();

  /** From now on only these members can see the channel, as in a private channel. */
  public synchronized void makePrivate(ChannelId channel,
      Set<MemberId> members) {
    privateChannels.put(channel, Set.copyOf(members));
  }

  /** From now on the platform cannot tell who sees the channel. */
  public synchronized void cannotTell(ChannelId channel) {
    untold.add(channel);
  }

  /** Every channel is open to every member unless made private or untold. */
  @Override
  public synchronized ChannelAccess access(CommunityId community,
      MemberId member, ChannelId channel) {
    if (untold.contains(channel)) {
      return ChannelAccess.UNKNOWN;
    }
    var allowed = privateChannels.get(channel);
    return allowed == null || allowed.contains(member) ? ChannelAccess.SEES
        : ChannelAccess.CLOSED;
  }
}
