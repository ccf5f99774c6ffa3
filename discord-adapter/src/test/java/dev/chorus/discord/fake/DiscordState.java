package dev.chorus.discord.fake;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.data.DataType;
import org.jspecify.annotations.Nullable;

/**
 * Everything the fake Discord knows: guilds, users, channels, messages, interactions, commands;
 * and how each is written as Discord's JSON.
 *
 * <p>Every method that touches the stored entities holds this object's monitor. The gateway calls
 * in here while holding a session's monitor, so code holding this monitor must never call into
 * the gateway (that order would deadlock).
 */
final class DiscordState {

  /** Discord's epoch (2015-01-01T00:00:00Z), the zero of every snowflake's timestamp. */
  static final long DISCORD_EPOCH = 1_420_070_400_000L;

  /** Permissions a plain member (and the bot) gets from @everyone: view, send, embed, attach, react, history, threads, commands. */
  static final long EVERYONE_PERMISSIONS =
      (1L << 6) | (1L << 10) | (1L << 11) | (1L << 14) | (1L << 15) | (1L << 16) | (1L << 18)
          | (1L << 31) | (1L << 35) | (1L << 38);

  /** Every permission bit Discord currently defines; what an administrator is sent. */
  static final long ALL_PERMISSIONS = (1L << 51) - 1;

  private static final long ADMINISTRATOR = 1L << 3;

  /** How long Discord remembers an enforced nonce. */
  static final Duration NONCE_WINDOW = Duration.ofMinutes(2);

  private long lastSnowflake;

  volatile int shardTotal = 1;
  volatile String gatewayUrl = "";
  volatile String baseUrl = "";

  final Map<Long, GuildEntry> guilds = new LinkedHashMap<>();
  final Map<Long, UserEntry> users = new HashMap<>();
  final Map<Long, ChannelEntry> channels = new HashMap<>();
  final Map<Long, StoredMessage> messages = new LinkedHashMap<>();
  final Map<String, NonceEntry> nonces = new HashMap<>();
  final Map<Long, InteractionEntry> interactions = new LinkedHashMap<>();
  final Map<String, List<DataObject>> commands = new HashMap<>();
  final Map<Long, Long> dmChannelByUser = new HashMap<>();
  final Set<Long> closedDms = new HashSet<>();
  final Set<Long> deniedChannels = new HashSet<>();

  /** A registered guild. */
  static final class GuildEntry {
    final long id;
    final String name;
    final long adminRoleId;
    final Instant joinedAt;
    final List<Long> textChannels = new ArrayList<>();
    final Map<Long, Boolean> members = new LinkedHashMap<>(); // user id -> administrator
    /** Roles made in the guild besides @everyone and Admins: id -> name. Discord lets names repeat. */
    final Map<Long, String> roles = new LinkedHashMap<>();
    /** The roles of {@link #roles} each member holds. */
    final Map<Long, Set<Long>> memberRoles = new HashMap<>();

    GuildEntry(long id, String name, long adminRoleId, Instant joinedAt) {
      this.id = id;
      this.name = name;
      this.adminRoleId = adminRoleId;
      this.joinedAt = joinedAt;
    }
  }

  /** A user; the bot is one too. */
  record UserEntry(long id, String username, String globalName, boolean bot) {}

  /** Kinds of channel the fake knows. */
  enum ChannelKind {
    TEXT(0),
    DM(1),
    PUBLIC_THREAD(11);

    final int type;

    ChannelKind(int type) {
      this.type = type;
    }
  }

  /** A text channel, a thread or a DM channel. */
  static final class ChannelEntry {
    final long id;
    final ChannelKind kind;
    final long guildId; // 0 for DMs
    final String name;
    final long parentId; // threads only
    final long recipientId; // DMs only
    final int autoArchiveMinutes;
    final Instant createdAt;
    int messageCount;
    /** Threads only: Discord archives a quiet thread; it then leaves the guild's active threads. */
    boolean archived;
    /** Text channels only: what the channel allows or denies roles and members beyond their roles. */
    List<PermissionOverwrite> overwrites = List.of();

    ChannelEntry(
        long id,
        ChannelKind kind,
        long guildId,
        String name,
        long parentId,
        long recipientId,
        int autoArchiveMinutes,
        Instant createdAt) {
      this.id = id;
      this.kind = kind;
      this.guildId = guildId;
      this.name = name;
      this.parentId = parentId;
      this.recipientId = recipientId;
      this.autoArchiveMinutes = autoArchiveMinutes;
      this.createdAt = createdAt;
    }
  }

  /** A message the bot created, with its history. */
  static final class StoredMessage {
    final long id;
    final long channelId;
    final @Nullable Long interactionId;
    DataObject json;
    boolean loading; // a deferred reply still "thinking"
    boolean deleted;
    final List<FakeMessage.Revision> revisions = new ArrayList<>();
    final List<FakeReaction> reactions = new ArrayList<>();
    final List<Upload> files = new ArrayList<>();

    StoredMessage(long id, long channelId, @Nullable Long interactionId, DataObject json) {
      this.id = id;
      this.channelId = channelId;
      this.interactionId = interactionId;
      this.json = json;
    }

    boolean ephemeral() {
      return (json.getInt("flags", 0) & 64) != 0;
    }

    FakeMessage snapshot() {
      return new FakeMessage(
          id,
          channelId,
          interactionId,
          ephemeral(),
          json.toString(),
          revisions,
          reactions,
          files);
    }
  }

  /** Remembers an enforced nonce. */
  record NonceEntry(long messageId, Instant at) {}

  /** An interaction the fake dispatched and what the bot did with it. */
  static final class InteractionEntry {
    final FakeInteraction info;
    final String commandName; // empty unless a command or autocomplete
    final long componentMessageId; // the message a button sits on, 0 otherwise
    final List<InteractionCallback> callbacks = new ArrayList<>();
    boolean acknowledged;
    boolean expired; // missed the 3 s deadline; its token is dead
    @Nullable Long originalMessageId;
    final List<Long> replyMessageIds = new ArrayList<>();

    InteractionEntry(FakeInteraction info, String commandName, long componentMessageId) {
      this.info = info;
      this.commandName = commandName;
      this.componentMessageId = componentMessageId;
    }
  }

  // ---- ids and time ------------------------------------------------------------------------

  /** A fresh snowflake whose timestamp is now; strictly increasing. */
  synchronized long nextId() {
    long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
    lastSnowflake = Math.max(lastSnowflake + 1, now);
    return lastSnowflake;
  }

  /** A fresh snowflake that lands on {@code shardId} when there are {@code total} shards. */
  synchronized long nextIdOnShard(int shardId, int total) {
    long id = nextId();
    // Moving the timestamp part one millisecond at a time walks through the shards.
    while (((id >> 22) % total) != shardId) {
      id += 1L << 22;
    }
    lastSnowflake = Math.max(lastSnowflake, id);
    return id;
  }

  static Instant timeOf(long snowflake) {
    return Instant.ofEpochMilli((snowflake >> 22) + DISCORD_EPOCH);
  }

  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  static int shardOf(long guildId, int total) {
    return (int) ((guildId >> 22) % total);
  }

  // ---- users and members -------------------------------------------------------------------

  synchronized UserEntry user(long id) {
    UserEntry user = users.get(id);
    if (user == null) {
      throw new IllegalArgumentException("unknown user " + id);
    }
    return user;
  }

  synchronized GuildEntry guild(long id) {
    GuildEntry guild = guilds.get(id);
    if (guild == null) {
      throw new IllegalArgumentException("unknown guild " + id);
    }
    return guild;
  }

  static DataObject userJson(UserEntry user) {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(user.id()))
        .put("username", user.username())
        .put("global_name", user.globalName())
        .put("discriminator", "0")
        .put("avatar", null)
        .put("bot", user.bot())
        .put("public_flags", 0);
  }

  /** A guild member object; {@code withPermissions} adds the computed permissions as interactions carry them. */
  synchronized DataObject memberJson(long guildId, long userId, boolean withPermissions) {
    GuildEntry guild = guild(guildId);
    boolean admin = Boolean.TRUE.equals(guild.members.get(userId));
    DataArray roles = DataArray.empty();
    if (admin) {
      roles.add(Long.toUnsignedString(guild.adminRoleId));
    }
    guild.memberRoles.getOrDefault(userId, Set.of()).forEach(role -> roles.add(Long.toUnsignedString(role)));
    DataObject member =
        DataObject.empty()
            .put("user", userJson(user(userId)))
            .put("nick", null)
            .put("avatar", null)
            .put("roles", roles)
            .put("joined_at", timestamp(guild.joinedAt))
            .put("premium_since", null)
            .put("deaf", false)
            .put("mute", false)
            .put("pending", false)
            .put("flags", 0)
            .put("communication_disabled_until", null);
    if (withPermissions) {
      member.put("permissions", Long.toString(admin ? ALL_PERMISSIONS : EVERYONE_PERMISSIONS));
    }
    return member;
  }

  // ---- guilds and channels -----------------------------------------------------------------

  /** A role made in a guild, as GUILD_CREATE lists it and GUILD_ROLE_CREATE announces it: no permissions of its own. */
  synchronized DataObject madeRoleJson(long guildId, long roleId) {
    GuildEntry guild = guild(guildId);
    String name = guild.roles.get(roleId);
    if (name == null) {
      throw new IllegalArgumentException("guild " + guildId + " has no role " + roleId);
    }
    return roleJson(roleId, name, 0, 2 + new ArrayList<>(guild.roles.keySet()).indexOf(roleId));
  }

  private static DataObject roleJson(long id, String name, long permissions, int position) {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(id))
        .put("name", name)
        .put("color", 0)
        // JDA 6 reads the newer "colors" object, not "color".
        .put(
            "colors",
            DataObject.empty()
                .put("primary_color", 0)
                .put("secondary_color", null)
                .put("tertiary_color", null))
        .put("hoist", false)
        .put("icon", null)
        .put("unicode_emoji", null)
        .put("position", position)
        .put("permissions", Long.toString(permissions))
        .put("managed", false)
        .put("mentionable", false)
        .put("flags", 0);
  }

  /**
   * A channel object. Inside GUILD_CREATE Discord leaves out {@code guild_id}; everywhere else it
   * is present.
   */
  synchronized DataObject channelJson(long channelId, boolean withGuildId) {
    ChannelEntry channel = channels.get(channelId);
    if (channel == null) {
      throw new IllegalArgumentException("unknown channel " + channelId);
    }
    DataObject json =
        DataObject.empty()
            .put("id", Long.toUnsignedString(channel.id))
            .put("type", channel.kind.type)
            .put("last_message_id", null)
            .put("flags", 0);
    switch (channel.kind) {
      case TEXT -> {
        json.put("name", channel.name)
            .put("position", guild(channel.guildId).textChannels.indexOf(channel.id))
            .put("parent_id", null)
            .put("topic", null)
            .put("nsfw", false)
            .put("rate_limit_per_user", 0)
            .put("default_thread_rate_limit_per_user", 0)
            .put("permission_overwrites", overwritesJson(channel.overwrites));
        if (withGuildId) {
          json.put("guild_id", Long.toUnsignedString(channel.guildId));
        }
      }
      case PUBLIC_THREAD -> {
        json.put("name", channel.name)
            .put("guild_id", Long.toUnsignedString(channel.guildId))
            .put("parent_id", Long.toUnsignedString(channel.parentId))
            .put("owner_id", Long.toUnsignedString(FakeDiscord.BOT_USER_ID))
            .put("rate_limit_per_user", 0)
            .put("message_count", channel.messageCount)
            .put("total_message_count", channel.messageCount)
            .put("member_count", 1)
            .put(
                "thread_metadata",
                DataObject.empty()
                    .put("archived", channel.archived)
                    .put("auto_archive_duration", channel.autoArchiveMinutes)
                    .put("archive_timestamp", timestamp(channel.createdAt))
                    .put("locked", false)
                    .put("create_timestamp", timestamp(channel.createdAt)))
            .put(
                "member",
                DataObject.empty()
                    .put("id", Long.toUnsignedString(channel.id))
                    .put("user_id", Long.toUnsignedString(FakeDiscord.BOT_USER_ID))
                    .put("join_timestamp", timestamp(channel.createdAt))
                    .put("flags", 1));
      }
      case DM ->
          json.put("recipients", DataArray.empty().add(userJson(user(channel.recipientId))));
    }
    return json;
  }

  private static DataArray overwritesJson(List<PermissionOverwrite> overwrites) {
    DataArray json = DataArray.empty();
    for (PermissionOverwrite overwrite : overwrites) {
      json.add(
          DataObject.empty()
              .put("id", Long.toUnsignedString(overwrite.id()))
              .put("type", overwrite.type().code)
              .put("allow", Long.toString(overwrite.allow()))
              .put("deny", Long.toString(overwrite.deny())));
    }
    return json;
  }

  /**
   * Whether the overwrites name only roles of the guild and its members (the bot among them), as
   * Discord insists when a channel's overwrites are set.
   */
  synchronized void checkOverwrites(long guildId, List<PermissionOverwrite> overwrites) {
    GuildEntry guild = guild(guildId);
    for (PermissionOverwrite overwrite : overwrites) {
      boolean known =
          switch (overwrite.type()) {
            case ROLE ->
                overwrite.id() == guildId
                    || overwrite.id() == guild.adminRoleId
                    || guild.roles.containsKey(overwrite.id());
            case MEMBER ->
                overwrite.id() == FakeDiscord.BOT_USER_ID || guild.members.containsKey(overwrite.id());
          };
      if (!known) {
        throw new IllegalArgumentException(
            "guild " + guildId + " has no " + overwrite.type() + " " + overwrite.id() + " to overwrite for");
      }
    }
  }

  /**
   * Whether a member (or the bot) can view a channel, computed as Discord does: the owner and
   * administrators always; otherwise @everyone's and their roles' permissions, then the channel's
   * overwrites for @everyone, for their roles together, and for them. A thread goes by its parent.
   */
  synchronized boolean canView(long userId, long channelId) {
    ChannelEntry channel = channels.get(channelId);
    if (channel == null || channel.guildId == 0) {
      return channel != null;
    }
    if (channel.kind == ChannelKind.PUBLIC_THREAD) {
      return canView(userId, channel.parentId);
    }
    GuildEntry guild = guild(channel.guildId);
    if (userId != FakeDiscord.BOT_USER_ID && !guild.members.containsKey(userId)) {
      return false;
    }
    boolean admin = Boolean.TRUE.equals(guild.members.get(userId));
    if (admin || userId == firstNonBotMember(guild)) {
      return true;
    }
    Set<Long> roles = new HashSet<>(guild.memberRoles.getOrDefault(userId, Set.of()));
    // Roles made in the fake carry no permissions of their own: @everyone's are the base.
    long permissions = EVERYONE_PERMISSIONS;
    long rolesAllow = 0;
    long rolesDeny = 0;
    for (PermissionOverwrite overwrite : channel.overwrites) {
      if (overwrite.type() == PermissionOverwrite.Type.ROLE && overwrite.id() == guild.id) {
        permissions = (permissions & ~overwrite.deny()) | overwrite.allow();
      } else if (overwrite.type() == PermissionOverwrite.Type.ROLE && roles.contains(overwrite.id())) {
        rolesAllow |= overwrite.allow();
        rolesDeny |= overwrite.deny();
      }
    }
    permissions = (permissions & ~rolesDeny) | rolesAllow;
    for (PermissionOverwrite overwrite : channel.overwrites) {
      if (overwrite.type() == PermissionOverwrite.Type.MEMBER && overwrite.id() == userId) {
        permissions = (permissions & ~overwrite.deny()) | overwrite.allow();
      }
    }
    return (permissions & FakeDiscord.VIEW_CHANNEL) != 0;
  }

  /** The full guild object Discord sends in GUILD_CREATE. */
  synchronized DataObject guildCreateJson(long guildId) {
    GuildEntry guild = guild(guildId);
    DataArray channelArray = DataArray.empty();
    for (long channelId : guild.textChannels) {
      channelArray.add(channelJson(channelId, false));
    }
    DataArray threads = DataArray.empty();
    channels.values().stream()
        .filter(c -> c.kind == ChannelKind.PUBLIC_THREAD && c.guildId == guildId && !c.archived)
        .forEach(c -> threads.add(channelJson(c.id, true)));
    DataArray roles =
        DataArray.empty()
            .add(roleJson(guild.id, "@everyone", EVERYONE_PERMISSIONS, 0))
            .add(roleJson(guild.adminRoleId, "Admins", ADMINISTRATOR, 1));
    guild.roles.keySet().forEach(role -> roles.add(madeRoleJson(guildId, role)));
    return DataObject.empty()
        .put("id", Long.toUnsignedString(guild.id))
        .put("name", guild.name)
        .put("icon", null)
        .put("splash", null)
        .put("banner", null)
        .put("description", null)
        .put("owner_id", Long.toUnsignedString(firstNonBotMember(guild)))
        .put("afk_channel_id", null)
        .put("afk_timeout", 300)
        .put("system_channel_id", null)
        .put("rules_channel_id", null)
        .put("public_updates_channel_id", null)
        .put("verification_level", 0)
        .put("default_message_notifications", 1)
        .put("explicit_content_filter", 0)
        .put("mfa_level", 0)
        .put("nsfw_level", 0)
        .put("premium_tier", 0)
        .put("premium_subscription_count", 0)
        .put("premium_progress_bar_enabled", false)
        .put("system_channel_flags", 0)
        .put("preferred_locale", "en-US")
        .put("features", DataArray.empty())
        .put("max_members", 500000)
        .put("vanity_url_code", null)
        .put("application_id", null)
        .put("joined_at", timestamp(guild.joinedAt))
        .put("large", false)
        .put("unavailable", false)
        .put("lazy", true)
        .put("member_count", guild.members.size() + 1)
        .put("roles", roles)
        .put("channels", channelArray)
        .put("threads", threads)
        // Without the GUILD_MEMBERS intent Discord still sends the bot's own member.
        .put("members", DataArray.empty().add(memberJson(guild.id, FakeDiscord.BOT_USER_ID, false)))
        .put("voice_states", DataArray.empty())
        .put("presences", DataArray.empty())
        .put("emojis", DataArray.empty())
        .put("stickers", DataArray.empty())
        .put("stage_instances", DataArray.empty())
        .put("guild_scheduled_events", DataArray.empty())
        .put("soundboard_sounds", DataArray.empty());
  }

  private long firstNonBotMember(GuildEntry guild) {
    return guild.members.keySet().stream()
        .filter(id -> id != FakeDiscord.BOT_USER_ID)
        .findFirst()
        .orElse(FakeDiscord.BOT_USER_ID);
  }

  synchronized List<Long> guildIdsOfShard(int shardId, int total) {
    return guilds.keySet().stream().filter(id -> shardOf(id, total) == shardId).toList();
  }

  synchronized int shardOfGuild(long guildId) {
    guild(guildId);
    return shardOf(guildId, shardTotal);
  }

  synchronized @Nullable ChannelEntry channel(long channelId) {
    return channels.get(channelId);
  }

  // ---- messages ----------------------------------------------------------------------------

  synchronized Optional<StoredMessage> message(long messageId) {
    StoredMessage message = messages.get(messageId);
    return message == null || message.deleted ? Optional.empty() : Optional.of(message);
  }

  /** A message as Discord describes it, empty: its id, channel (and guild), author, time, type and flags. */
  private DataObject messageJson(long id, long channelId, long authorId, Instant at, int type, int flags) {
    DataObject json =
        DataObject.empty()
            .put("id", Long.toUnsignedString(id))
            .put("channel_id", Long.toUnsignedString(channelId))
            .put("author", userJson(user(authorId)))
            .put("content", "")
            .put("embeds", DataArray.empty())
            .put("components", DataArray.empty())
            .put("attachments", DataArray.empty())
            .put("mentions", DataArray.empty())
            .put("mention_roles", DataArray.empty())
            .put("mention_everyone", false)
            .put("pinned", false)
            .put("tts", false)
            .put("timestamp", timestamp(at))
            .put("edited_timestamp", null)
            .put("type", type)
            .put("flags", flags);
    ChannelEntry channel = channels.get(channelId);
    if (channel != null && channel.guildId != 0) {
      json.put("guild_id", Long.toUnsignedString(channel.guildId));
    }
    return json;
  }

  /**
   * Stores a new message the bot created.
   *
   * @param body the message body as the bot sent it (content, embeds, components, flags, ...)
   * @param type Discord's message type (0 default, 20 slash command reply)
   * @param extraFlags flags the fake adds, e.g. 128 for a deferred reply that is still loading
   */
  synchronized StoredMessage createMessage(
      long channelId,
      DataObject body,
      List<Upload> files,
      @Nullable InteractionEntry interaction,
      int type,
      int extraFlags) {
    long id = nextId();
    Instant now = timeOf(id);
    ChannelEntry channel = channels.get(channelId);
    DataObject json = messageJson(id, channelId, FakeDiscord.BOT_USER_ID, now, type, extraFlags);
    if (!body.isNull("nonce")) {
      json.put("nonce", body.get("nonce"));
    }
    if (interaction != null) {
      FakeInteraction info = interaction.info;
      json.put("webhook_id", Long.toUnsignedString(FakeDiscord.APPLICATION_ID))
          .put("application_id", Long.toUnsignedString(FakeDiscord.APPLICATION_ID))
          .put(
              "interaction_metadata",
              DataObject.empty()
                  .put("id", Long.toUnsignedString(info.id()))
                  .put("type", info.type())
                  .put("user", userJson(user(info.userId())))
                  .put(
                      "authorizing_integration_owners",
                      DataObject.empty().put("0", Long.toUnsignedString(info.guildId()))));
    }
    StoredMessage message =
        new StoredMessage(id, channelId, interaction == null ? null : interaction.info.id(), json);
    message.loading = (extraFlags & 128) != 0;
    applyBody(message, body, files, false);
    int flags = json.getInt("flags", 0) | (body.getInt("flags", 0) & 64) | extraFlags;
    json.put("flags", flags);
    if (!message.loading) {
      message.revisions.add(revision(message, now));
    }
    messages.put(id, message);
    if (channel != null) {
      channel.messageCount++;
    }
    return message;
  }

  /**
   * Applies an edit. A deferred reply that is still loading becomes its first real state, which
   * Discord does not count as an edit.
   */
  synchronized void editMessage(StoredMessage message, DataObject body, List<Upload> files) {
    Instant now = Instant.now();
    if (message.loading) {
      message.loading = false;
      applyBody(message, body, files, false);
      message.json.put("flags", message.json.getInt("flags", 0) & ~128);
    } else {
      applyBody(message, body, files, true);
      message.json.put("edited_timestamp", timestamp(now));
    }
    message.revisions.add(revision(message, now));
  }

  private static FakeMessage.Revision revision(StoredMessage message, Instant at) {
    return new FakeMessage.Revision(
        at,
        message.json.getString("content", ""),
        message.json.getArray("embeds").toString(),
        message.json.getArray("components").toString());
  }

  /** Copies the fields of a create/edit body onto the stored message, as Discord would store them. */
  private void applyBody(StoredMessage message, DataObject body, List<Upload> files, boolean edit) {
    DataObject json = message.json;
    if (body.hasKey("content")) {
      json.put("content", body.isNull("content") ? "" : body.getString("content"));
    }
    if (body.hasKey("embeds")) {
      DataArray embeds = copy(body.isNull("embeds") ? DataArray.empty() : body.getArray("embeds"));
      for (int i = 0; i < embeds.length(); i++) {
        DataObject embed = embeds.getObject(i);
        if (!embed.hasKey("type")) {
          embed.put("type", "rich"); // Discord stores bot embeds as "rich"; JDA requires a type
        }
      }
      json.put("embeds", embeds);
    }
    if (body.hasKey("components")) {
      DataArray components =
          copy(body.isNull("components") ? DataArray.empty() : body.getArray("components"));
      numberComponents(components, new int[] {1});
      json.put("components", components);
    }
    if (body.hasKey("flags") && edit) {
      // Only the "suppress embeds" flag can change after creation.
      int kept = json.getInt("flags", 0) & ~4;
      json.put("flags", kept | (body.getInt("flags", 0) & 4));
    } else if (body.hasKey("flags")) {
      // Ephemeral and loading are fixed by the interaction response, not by this body.
      int fixed = json.getInt("flags", 0) & (64 | 128);
      json.put("flags", fixed | (body.getInt("flags", 0) & (4 | 4096 | (1 << 15))));
    }
    if (body.hasKey("attachments") || !files.isEmpty()) {
      json.put("attachments", attachments(message, body, files, edit));
    }
  }

  /** Discord numbers components that carry no {@code id}, depth first, starting at 1. */
  private static void numberComponents(DataArray components, int[] next) {
    for (int i = 0; i < components.length(); i++) {
      if (!components.isType(i, DataType.OBJECT)) {
        continue;
      }
      DataObject component = components.getObject(i);
      if (!component.hasKey("id")) {
        component.put("id", next[0]);
      }
      next[0]++;
      if (component.isType("components", DataType.ARRAY)) {
        numberComponents(component.getArray("components"), next);
      }
      if (component.isType("component", DataType.OBJECT)) {
        numberComponents(DataArray.empty().add(component.getObject("component")), next);
      }
      if (component.isType("accessory", DataType.OBJECT)) {
        numberComponents(DataArray.empty().add(component.getObject("accessory")), next);
      }
    }
  }

  private DataArray attachments(
      StoredMessage message, DataObject body, List<Upload> files, boolean edit) {
    DataArray result = DataArray.empty();
    DataArray requested =
        body.isType("attachments", DataType.ARRAY) ? body.getArray("attachments") : DataArray.empty();
    DataArray existing = message.json.getArray("attachments");
    if (edit) {
      // On edit, "attachments" lists which old attachments stay (by their snowflake ids).
      for (int i = 0; i < existing.length(); i++) {
        DataObject old = existing.getObject(i);
        for (int j = 0; j < requested.length(); j++) {
          if (old.getString("id").equals(requested.getObject(j).getString("id", ""))) {
            result.add(old);
          }
        }
      }
    }
    for (int i = 0; i < files.size(); i++) {
      Upload file = files.get(i);
      String description = null;
      for (int j = 0; j < requested.length(); j++) {
        DataObject entry = requested.getObject(j);
        if (String.valueOf(i).equals(entry.getString("id", ""))) {
          description = entry.getString("description", null);
        }
      }
      long attachmentId = nextId();
      String url =
          baseUrl.replace("/api/v10/", "")
              + "/attachments/"
              + message.channelId
              + "/"
              + attachmentId
              + "/"
              + file.fileName();
      result.add(
          DataObject.empty()
              .put("id", Long.toUnsignedString(attachmentId))
              .put("filename", file.fileName())
              .put("description", description)
              .put("size", file.bytes().length)
              .put("url", url)
              .put("proxy_url", url)
              .put("content_type", contentType(file.fileName())));
      message.files.add(file);
    }
    return result;
  }

  private static @Nullable String contentType(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".txt") || lower.endsWith(".md")) {
      return "text/plain; charset=utf-8";
    }
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    return null;
  }

  /** A deep copy, so stored JSON never aliases a request body. */
  static DataArray copy(DataArray array) {
    return DataArray.fromJson(array.toString());
  }

  static DataObject copy(DataObject object) {
    return DataObject.fromJson(object.toString());
  }

  // ---- reactions ---------------------------------------------------------------------------

  /**
   * Adds or takes back one user's reaction on a message; adding one that is already there changes
   * nothing, as on Discord.
   *
   * @return whether the message's reactions changed
   */
  synchronized boolean react(StoredMessage message, long userId, String emoji, boolean add) {
    FakeReaction reaction = new FakeReaction(emoji, userId);
    if (!add) {
      return message.reactions.remove(reaction);
    }
    if (message.reactions.contains(reaction)) {
      return false;
    }
    message.reactions.add(reaction);
    return true;
  }

  /**
   * One page of the users who reacted with {@code emoji}, as Discord serves them: ascending by id,
   * only ids above {@code after}, at most {@code limit}.
   */
  synchronized List<UserEntry> reactors(StoredMessage message, String emoji, long after, int limit) {
    return message.reactions.stream()
        .filter(r -> r.emoji().equals(emoji))
        .map(FakeReaction::userId)
        .filter(id -> Long.compareUnsigned(id, after) > 0)
        .sorted(Long::compareUnsigned)
        .limit(limit)
        .map(this::user)
        .toList();
  }

  // ---- commands ----------------------------------------------------------------------------

  /** Bulk overwrite: keeps the ids of commands that keep their name and type. */
  /**
   * What Discord refuses in a bulk overwrite of commands, as its 400 would say; null when it takes it.
   * Slash commands (type 1): lower-case names without spaces, a description of 1 to 100 characters.
   * Message commands (type 3): names of 1 to 32 characters (spaces and capitals allowed), no
   * description, at most 5. Names are unique within a type.
   */
  static @Nullable String commandsProblem(DataArray body) {
    var seen = new java.util.HashSet<String>();
    int messageCommands = 0;
    for (int i = 0; i < body.length(); i++) {
      DataObject command = body.getObject(i);
      int type = command.getInt("type", 1);
      String name = command.getString("name", "");
      if (!seen.add(type + " " + name)) {
        return "two commands of type " + type + " are named " + name;
      }
      if (type == 1) {
        if (!name.matches("[-_\\p{Ll}\\p{N}]{1,32}")) {
          return "slash command name " + name + " is not lower case without spaces, 1 to 32 characters";
        }
        int description = command.getString("description", "").length();
        if (description < 1 || description > 100) {
          return "slash command " + name + " needs a description of 1 to 100 characters";
        }
      } else if (type == 3) {
        messageCommands++;
        if (name.isBlank() || name.length() > 32) {
          return "message command name " + name + " must have 1 to 32 characters";
        }
        if (!command.getString("description", "").isEmpty() || command.hasKey("options")
            && command.getArray("options").length() > 0) {
          return "message command " + name + " takes no description and no options";
        }
      } else {
        return "command type " + type + " is not one Chorus uses";
      }
    }
    return messageCommands > 5 ? "more than 5 message commands" : null;
  }

  synchronized DataArray overwriteCommands(String scope, @Nullable Long guildId, DataArray body) {
    List<DataObject> previous = commands.getOrDefault(scope, List.of());
    List<DataObject> stored = new ArrayList<>();
    for (int i = 0; i < body.length(); i++) {
      DataObject command = copy(body.getObject(i));
      int type = command.getInt("type", 1);
      String id =
          previous.stream()
              .filter(p -> p.getString("name").equals(command.getString("name", "")))
              .filter(p -> p.getInt("type", 1) == type)
              .map(p -> p.getString("id"))
              .findFirst()
              .orElseGet(() -> Long.toUnsignedString(nextId()));
      command
          .put("id", id)
          .put("application_id", Long.toUnsignedString(FakeDiscord.APPLICATION_ID))
          .put("version", Long.toUnsignedString(nextId()))
          .put("type", type);
      if (!command.hasKey("description")) {
        command.put("description", "");
      }
      if (!command.hasKey("default_member_permissions")) {
        command.put("default_member_permissions", null);
      }
      if (!command.hasKey("nsfw")) {
        command.put("nsfw", false);
      }
      if (guildId != null) {
        command.put("guild_id", Long.toUnsignedString(guildId));
      }
      stored.add(command);
    }
    commands.put(scope, stored);
    DataArray answer = DataArray.empty();
    stored.forEach(c -> answer.add(copy(c)));
    return answer;
  }

  synchronized DataArray commandsJson(String scope) {
    DataArray answer = DataArray.empty();
    commands.getOrDefault(scope, List.of()).forEach(c -> answer.add(copy(c)));
    return answer;
  }

  synchronized List<DataObject> commandList(String scope) {
    return commands.getOrDefault(scope, List.of()).stream().map(DiscordState::copy).toList();
  }

  /** The registered id of a command of a type (1 slash, 3 message), guild scope first; empty if never registered. */
  synchronized Optional<String> commandId(long guildId, String name, int type) {
    for (String scope : List.of(Long.toUnsignedString(guildId), "global")) {
      for (DataObject command : commands.getOrDefault(scope, List.of())) {
        if (command.getString("name").equals(name) && command.getInt("type", 1) == type) {
          return Optional.of(command.getString("id"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A message a member wrote in a channel, as Discord describes it in an interaction's resolved data.
   * The fake keeps only the bot's messages; a member's exists only in the interaction about it.
   */
  synchronized DataObject memberMessageJson(long channelId, long authorId, String content) {
    long id = nextId();
    return messageJson(id, channelId, authorId, timeOf(id), 0, 0).put("content", content);
  }

  /** The registered id of a command, guild scope first, or empty if it was never registered. */
  synchronized Optional<String> commandId(long guildId, String name) {
    for (String scope : List.of(Long.toUnsignedString(guildId), "global")) {
      for (DataObject command : commands.getOrDefault(scope, List.of())) {
        if (command.getString("name").equals(name)) {
          return Optional.of(command.getString("id"));
        }
      }
    }
    return Optional.empty();
  }

  // ---- application -------------------------------------------------------------------------

  synchronized DataObject applicationJson() {
    return DataObject.empty()
        .put("id", Long.toUnsignedString(FakeDiscord.APPLICATION_ID))
        .put("name", "Chorus")
        .put("icon", null)
        .put("description", "")
        .put("summary", "")
        .put("type", null)
        .put("bot_public", false)
        .put("bot_require_code_grant", false)
        .put("verify_key", "0".repeat(64))
        .put("flags", FakeDiscord.APPLICATION_FLAGS)
        .put("hook", true)
        .put("tags", DataArray.empty())
        .put("redirect_uris", DataArray.empty())
        .put("interactions_endpoint_url", null)
        .put("owner", userJson(ownerUser()))
        .put("team", null)
        .put("bot", userJson(user(FakeDiscord.BOT_USER_ID)));
  }

  private UserEntry ownerUser() {
    return new UserEntry(FakeDiscord.OWNER_USER_ID, "chorus-owner", "Chorus Owner", false);
  }
}
