package dev.chorus.core.digest;

import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Questions;

/**
 * The stores the scheduled work reads and writes. Declared here, beside the work, so that this
 * package needs nothing from the core's front door; a deployment's {@code Stores} is one.
 */
public interface ScheduleStores {
  Questions questions();

  MessageLinks links();

  ChannelDigests channelDigests();

  MemberPreferences memberPreferences();

  Claims claims();

  /** When each community next needs a pass. */
  Agenda agenda();
}
