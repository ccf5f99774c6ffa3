package dev.chorus.core;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.RecentQuestions;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How one attempt reads the question a reaction or button is about: from the recent ones when it may. */
final class Reads {
  private final Questions questions;
  private final RecentQuestions recent;
  private final CommunityId community;
  private final boolean fresh;
  private SeenReactions.@Nullable Change noted;
  private boolean usedRecent;

  Reads(Questions questions, RecentQuestions recent, CommunityId community, boolean fresh) {
    this.questions = questions;
    this.recent = recent;
    this.community = community;
    this.fresh = fresh;
  }

  /** A vote reaction on a question where reactions count, to be recorded as seen. */
  void note(String messageId, MemberId member, String choice, boolean present) {
    noted = new SeenReactions.Change(messageId, new SeenReactions.Seen(member, choice), present);
  }

  /** The reaction noted by this attempt, if any. */
  SeenReactions.@Nullable Change noted() {
    return noted;
  }

  /** Whether a question was taken from the recent ones rather than read. */
  boolean usedRecent() {
    return usedRecent;
  }

  Optional<Question> question(QuestionId id) {
    if (!fresh) {
      var kept = recent.get(community, id);
      if (kept.isPresent()) {
        usedRecent = true;
        return kept;
      }
    }
    var read = questions.find(community, id);
    read.ifPresent(recent::remember);
    return read;
  }
}
