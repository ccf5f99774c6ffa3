package dev.chorus.core.message;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.question.QuestionId;

/** Where a message goes, in domain terms; delivery resolves a question's thread to its card. */
public sealed interface Place {
  record Channel(ChannelId channel) implements Place {}

  /** The thread hanging off the question's card. */
  record QuestionThread(ChannelId channel, QuestionId question) implements Place {}

  /** A direct message to one member. */
  record Direct(MemberId member) implements Place {}
}
