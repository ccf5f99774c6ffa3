package dev.chorus.discord.fake;

/**
 * A user who is a member of a guild registered with the fake.
 *
 * @param guildId the guild
 * @param userId the user's snowflake
 * @param username the unique user name
 * @param globalName the display name
 * @param administrator whether the member has the ADMINISTRATOR permission in that guild
 */
public record FakeMember(
    long guildId, long userId, String username, String globalName, boolean administrator) {}
