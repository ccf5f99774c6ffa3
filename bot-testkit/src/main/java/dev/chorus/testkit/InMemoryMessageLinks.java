package dev.chorus.testkit;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Message links in memory, per community. */
public final class InMemoryMessageLinks implements MessageLinks {
  private final Map<CommunityId, Map<String, Target>> targets = new HashMap<>();
  private final Map<CommunityId, Map<Target, List<PostedMessage>>> messages = new HashMap<>();

  @Override
  public synchronized void link(CommunityId community, PostedMessage message, Target target) {
    targets.computeIfAbsent(community, c -> new HashMap<>()).put(message.id(), target);
    messages.computeIfAbsent(community, c -> new LinkedHashMap<>()).computeIfAbsent(target, t -> new ArrayList<>()).add(message);
  }

  @Override
  public synchronized Optional<Target> targetOf(CommunityId community, String messageId) {
    return Optional.ofNullable(targets.getOrDefault(community, Map.of()).get(messageId));
  }

  @Override
  public synchronized List<PostedMessage> messagesOf(CommunityId community, Target target) {
    return List.copyOf(messages.getOrDefault(community, Map.of()).getOrDefault(target, List.of()));
  }

  /** Everything linked for the community, comparable between two runs. */
  public synchronized Map<String, Target> snapshot(CommunityId community) {
    return Map.copyOf(targets.getOrDefault(community, Map.of()));
  }
}
