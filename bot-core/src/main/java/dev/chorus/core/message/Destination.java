package dev.chorus.core.message;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.MemberId;

/** Where a platform must put a message: a channel, a thread under a message, or a direct message. */
public sealed interface Destination {
  record Channel(ChannelId channel) implements Destination {}

  /** Under the given message of the channel (Discord: the thread started from it; Slack: its thread). */
  record Thread(ChannelId channel, String anchorMessageId) implements Destination {}

  record Direct(MemberId member) implements Destination {}
}
