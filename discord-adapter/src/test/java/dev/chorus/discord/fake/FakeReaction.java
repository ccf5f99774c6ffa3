package dev.chorus.discord.fake;

/**
 * A reaction currently on a message.
 *
 * @param emoji the emoji: a unicode emoji, or {@code name:id} for a custom one
 * @param userId who reacted (the bot's id for reactions the bot added)
 */
public record FakeReaction(String emoji, long userId) {}
