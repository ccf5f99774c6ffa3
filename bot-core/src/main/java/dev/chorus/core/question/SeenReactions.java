package dev.chorus.core.question;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import java.util.Set;

/**
 * The vote reactions Chorus last saw on each of its vote messages, by member and choice: what each
 * reaction event said, and what reconciling with the platform found. Neither platform says when a
 * reaction was added, so a snapshot of the platform's reactions is compared with this record and
 * only the differences count, never the snapshot itself. A reaction that casts a vote is recorded as
 * seen by the vote's own write ({@link Ballots#cast}), so a crash cannot keep one without the other.
 * May throw {@link StoreUnavailableException}.
 */
public interface SeenReactions {

  /** A member's reaction meaning {@code choice} (the choice's word: agree, block …). */
  record Seen(MemberId member, String choice) {}

  /** A reaction seen added ({@code present}) or removed on a message. */
  record Change(String messageId, Seen seen, boolean present) {}

  /** What was last seen on the message; empty when nothing was. */
  Set<Seen> on(CommunityId community, String messageId);

  /** The reaction was seen added ({@code present}) or removed. */
  void saw(CommunityId community, String messageId, Seen reaction, boolean present);
}
