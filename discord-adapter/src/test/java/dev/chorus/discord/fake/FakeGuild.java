package dev.chorus.discord.fake;

import java.util.List;

/**
 * A guild registered with the fake.
 *
 * @param id the guild's snowflake, also the id of its @everyone role
 * @param name its name
 * @param textChannelIds its text channels (type 0), in position order
 */
public record FakeGuild(long id, String name, List<Long> textChannelIds) {

  public FakeGuild {
    textChannelIds = List.copyOf(textChannelIds);
  }

  /** The first text channel, for tests that need just one. */
  public long firstChannel() {
    return textChannelIds.get(0);
  }
}
