package dev.chorus.testkit;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.core.report.SharedReports;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Shared report links in memory, kept as the Redis store keeps them: only the tokens' hashes. */
public final class InMemorySharedReports implements SharedReports {
  private final Map<String, SharedQuestion> byHash = new HashMap<>();
  private final Map<SharedQuestion, String> current = new HashMap<>();
  private volatile boolean down;

  @Override
  public synchronized void share(CommunityId community, QuestionId question, String tokenHash) {
    available();
    var shared = new SharedQuestion(community, question);
    var old = current.put(shared, tokenHash);
    if (old != null) {
      byHash.remove(old);
    }
    byHash.put(tokenHash, shared);
  }

  @Override
  public synchronized boolean unshare(CommunityId community, QuestionId question) {
    available();
    var old = current.remove(new SharedQuestion(community, question));
    if (old != null) {
      byHash.remove(old);
    }
    return old != null;
  }

  @Override
  public synchronized Optional<SharedQuestion> find(String tokenHash) {
    available();
    return Optional.ofNullable(byHash.get(tokenHash));
  }

  /** Everything kept, as text: what someone who read the store would see. */
  public synchronized String contents() {
    return byHash + " " + current;
  }

  void failWhile(boolean unreachable) {
    down = unreachable;
  }

  private void available() {
    if (down) {
      throw new StoreUnavailableException("the store is unreachable (a test made it so)");
    }
  }
}
