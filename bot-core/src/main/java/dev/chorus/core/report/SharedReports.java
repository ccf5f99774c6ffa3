package dev.chorus.core.report;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.question.QuestionId;
import java.util.Optional;

/**
 * Which questions' reports are shared, and under which link. Only a SHA-256 of each link's token is
 * kept: whoever reads the store cannot rebuild a link from it. A question has at most one link;
 * sharing again replaces it, and the old link stops working at once.
 */
public interface SharedReports {
  /** Shares the question's report under this hash of a new token, ending any earlier link to it. */
  void share(CommunityId community, QuestionId question, String tokenHash);

  /**
   * Ends the question's link.
   *
   * @return whether it had one
   */
  boolean unshare(CommunityId community, QuestionId question);

  /** The question a token's hash leads to, while its link is the question's current one. */
  Optional<SharedQuestion> find(String tokenHash);

  /** A shared question. */
  record SharedQuestion(CommunityId community, QuestionId question) {}
}
