package dev.chorus.core.question;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where questions are kept. Reads return the value with the revision it was stored at; a commit
 * writes all its questions or none, and only if each is still at the revision it was read at.
 *
 * <p>Every method may throw {@link StoreUnavailableException} when the store cannot be reached;
 * nothing is then written.
 */
public interface Questions {

  Optional<Question> find(CommunityId community, QuestionId id);

  /**
   * The channel's open questions and those closed at or after {@code closedSince}, in number order:
   * what commands that name no question choose among. It costs what the channel has on the go, not
   * what it ever held.
   */
  List<Question> inChannel(CommunityId community, ChannelId channel, Instant closedSince);

  /** The community's open questions and those closed at or after {@code closedSince}, in number order. */
  List<Question> inCommunity(CommunityId community, Instant closedSince);

  /** The channel's open questions, in number order. */
  default List<Question> openInChannel(CommunityId community, ChannelId channel) {
    return inChannel(community, channel, Instant.MAX);
  }

  /**
   * Every question of the community, however long ago it closed, in number order: for rare
   * whole-community work (a member's forget), never for what runs on every command or pass.
   */
  List<Question> inCommunity(CommunityId community);

  /**
   * What the schedule must look at in the community: the open questions whose deadline is at or
   * before {@code horizon}, the questions closed at or after {@code closedSince}, and the first
   * deadline after the horizon. It costs what is due, not what the community ever held.
   */
  Due due(CommunityId community, Instant horizon, Instant closedSince);

  /**
   * @param questions in number order
   * @param nextDeadline the first deadline after the horizon of an open question; null when none
   */
  record Due(List<Question> questions, @Nullable Instant nextDeadline) {
    public Due {
      questions = List.copyOf(questions);
    }
  }

  /** Every community that has a question, for work no member triggers (digests, deadlines). */
  List<CommunityId> communities();

  /** The highest question number the community has used, 0 when none. */
  int lastNumber(CommunityId community);

  /**
   * Writes the questions atomically. A question at revision 0 must not exist yet; any other must
   * still be at its revision. The event id, when given, is recorded in the same step, and a commit
   * for an event already recorded writes nothing.
   */
  CommitResult commit(CommunityId community, List<Question> writes, @Nullable EventId event);

  /** Whether the event was already applied (a redelivery). */
  boolean processed(CommunityId community, EventId event);

  /**
   * Asks the store to drop, within a bounded time, the older copies it keeps of what was just
   * rewritten (for instance an append-only log on disk), because a member asked to be forgotten. A
   * store that keeps no older copies does nothing. Asked again before it is done, it is done once.
   */
  default void eraseOldCopies() {}

  /** How a commit ended. */
  sealed interface CommitResult {
    /** Written; the questions now stand at their revision + 1 (new ones at 1). */
    record Committed() implements CommitResult {}

    /** Someone changed a question since it was read: read again and decide again. */
    record Conflict() implements CommitResult {}

    /** The event was applied before; nothing was written. */
    record AlreadyProcessed() implements CommitResult {}
  }
}
