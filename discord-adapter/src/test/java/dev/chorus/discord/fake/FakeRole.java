package dev.chorus.discord.fake;

/**
 * A role made in a guild registered with the fake.
 *
 * @param guildId the guild
 * @param id the role's snowflake
 * @param name its name, which other roles of the guild may bear too
 */
public record FakeRole(long guildId, long id, String name) {}
