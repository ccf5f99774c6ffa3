package dev.chorus.discord.fake;

/**
 * A channel's permission overwrite as Discord keeps it: for a role (the guild's id is @everyone's) or
 * for one member, the permission bits it allows and those it denies on top of the guild's roles.
 *
 * @param id the role's or the member's snowflake
 * @param type what {@code id} names
 * @param allow the bits allowed, e.g. {@link FakeDiscord#VIEW_CHANNEL}
 * @param deny the bits denied
 */
public record PermissionOverwrite(long id, Type type, long allow, long deny) {

  /** Discord's overwrite types: 0 for a role, 1 for a member. */
  public enum Type {
    ROLE(0),
    MEMBER(1);

    final int code;

    Type(int code) {
      this.code = code;
    }
  }

  public PermissionOverwrite {
    if ((allow & deny) != 0) {
      throw new IllegalArgumentException("a bit cannot be allowed and denied at once");
    }
  }

  /** An overwrite for the guild's @everyone role, whose id is the guild's. */
  public static PermissionOverwrite everyone(long guildId, long allow, long deny) {
    return new PermissionOverwrite(guildId, Type.ROLE, allow, deny);
  }

  public static PermissionOverwrite role(FakeRole role, long allow, long deny) {
    return new PermissionOverwrite(role.id(), Type.ROLE, allow, deny);
  }

  public static PermissionOverwrite member(long userId, long allow, long deny) {
    return new PermissionOverwrite(userId, Type.MEMBER, allow, deny);
  }
}
