package dev.chorus.discord.fake;

import dev.chorus.discord.fake.DiscordState.ChannelEntry;
import dev.chorus.discord.fake.DiscordState.ChannelKind;
import dev.chorus.discord.fake.DiscordState.GuildEntry;
import dev.chorus.discord.fake.DiscordState.InteractionEntry;
import dev.chorus.discord.fake.DiscordState.StoredMessage;
import dev.chorus.discord.fake.DiscordState.UserEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.data.DataType;
import org.jspecify.annotations.Nullable;

/**
 * A fake Discord on 127.0.0.1: a gateway WebSocket and the REST routes a bot uses, so the real JDA
 * can be started against it.
 *
 * <p>Point JDA at it with {@code RestConfig#setBaseUrl(apiUrl())} and a session controller whose
 * gateway is {@link #gatewayUrl()}; use {@link #TOKEN}. Register guilds and members first, then
 * drive events ({@link #slashCommand}, {@link #button}, {@link #reactionAdd}, ...) and inspect
 * what the bot did ({@link #calls()}, {@link #messages(long)}, {@link #callbacks(long)}, {@link
 * #violations()}).
 *
 * <p>The fake enforces Discord's rules (3 s to acknowledge an interaction, one acknowledgement,
 * message and modal limits, missing permissions, closed DMs) and the project's own rule that every
 * message create and edit disables mention parsing.
 *
 * <p>It is as slow and as strict as Discord, so tests do not hide races: every REST answer takes
 * 30 to 150 ms ({@link #latency}), every route counts against Discord's rate-limit buckets and
 * the global limit ({@link #rateLimits}, {@link #rateLimited()}), gateway events sent meanwhile
 * overtake slow answers ({@link #onMessageCreated}), and events missed while the bot is down are
 * lost unless its session resumes ({@link #reactSilently}, {@link #undeliveredEvents()}).
 */
public final class FakeDiscord implements AutoCloseable {

  /** The bot token the fake accepts, on REST ({@code Authorization: Bot ...}) and in IDENTIFY. */
  public static final String TOKEN = "fake-discord-token";

  /** The application's snowflake. */
  public static final long APPLICATION_ID = 1_187_542_096_351_748_186L;

  /**
   * The bot user's snowflake. Newer applications share one id for both; this one differs on
   * purpose so code that mixes them up fails.
   */
  public static final long BOT_USER_ID = 1_187_542_311_904_096_327L;

  /** The application owner's snowflake (not a guild member). */
  public static final long OWNER_USER_ID = 318_102_774_035_447_808L;

  /** Application flags sent in READY: APPLICATION_COMMAND_BADGE. */
  static final long APPLICATION_FLAGS = 1L << 23;

  /** Gateway close code {@link #disconnect(int)} uses: "unknown error, reconnect", which JDA resumes after. */
  public static final int RESUMABLE_CLOSE_CODE = 4000;

  /** Discord's VIEW_CHANNEL permission bit: without it a member does not see the channel at all. */
  public static final long VIEW_CHANNEL = 1L << 10;

  private static final int INTENT_GUILDS = 1;
  private static final int INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10;

  private final DiscordState state = new DiscordState();
  private final FakeGateway gateway;
  private final FakeRestApi rest;

  /** Starts the gateway and REST servers on free loopback ports. */
  public FakeDiscord() {
    state.users.put(BOT_USER_ID, new UserEntry(BOT_USER_ID, "chorus", "Chorus", true));
    gateway = new FakeGateway(state);
    gateway.startAndWait();
    state.gatewayUrl = "ws://127.0.0.1:" + gateway.getPort();
    try {
      rest = new FakeRestApi(state, gateway);
    } catch (IOException e) {
      closeGateway();
      throw new UncheckedIOException(e);
    }
    rest.start();
    state.baseUrl = "http://127.0.0.1:" + rest.port() + "/api/v10/";
  }

  // ---- where it listens ---------------------------------------------------------------------

  /** The REST base, {@code http://127.0.0.1:PORT/api/v10/}, for {@code RestConfig#setBaseUrl}. */
  public String apiUrl() {
    return state.baseUrl;
  }

  /** The gateway, {@code ws://127.0.0.1:PORT}; any query (JDA adds {@code ?encoding=json&v=10}) is accepted. */
  public String gatewayUrl() {
    return state.gatewayUrl;
  }

  // ---- setting the scene ---------------------------------------------------------------------

  /** How many shards the fake expects; IDENTIFY with another total is closed with 4010. Default 1. */
  public void shards(int total) {
    if (total < 1) {
      throw new IllegalArgumentException("shard total must be positive");
    }
    state.shardTotal = total;
  }

  /**
   * Registers a guild with the given text channels (one named {@code general} is made up if none
   * are given). If the owning shard is already connected it receives GUILD_CREATE, as when a bot
   * joins a guild.
   */
  public FakeGuild guild(String name, long... textChannelIds) {
    return addGuild(state.nextId(), name, textChannelIds);
  }

  /** Like {@link #guild(String, long...)}, with an id that lands on {@code shardId} under the current {@link #shards(int)}. */
  public FakeGuild guildOnShard(int shardId, String name, long... textChannelIds) {
    int total = state.shardTotal;
    if (shardId < 0 || shardId >= total) {
      throw new IllegalArgumentException("shard " + shardId + " outside 0.." + (total - 1));
    }
    return addGuild(state.nextIdOnShard(shardId, total), name, textChannelIds);
  }

  private FakeGuild addGuild(long guildId, String name, long[] textChannelIds) {
    FakeGuild guild;
    synchronized (state) {
      GuildEntry entry = new GuildEntry(guildId, name, state.nextId(), Instant.now());
      List<Long> channelIds = new ArrayList<>();
      for (long id : textChannelIds) {
        channelIds.add(id);
      }
      if (channelIds.isEmpty()) {
        channelIds.add(state.nextId());
      }
      for (int i = 0; i < channelIds.size(); i++) {
        long channelId = channelIds.get(i);
        if (state.channels.containsKey(channelId)) {
          throw new IllegalArgumentException("channel " + channelId + " already exists");
        }
        String channelName = i == 0 && textChannelIds.length == 0 ? "general" : "channel-" + (i + 1);
        state.channels.put(
            channelId,
            new ChannelEntry(channelId, ChannelKind.TEXT, guildId, channelName, 0, 0, 0, Instant.now()));
        entry.textChannels.add(channelId);
      }
      state.guilds.put(guildId, entry);
      guild = new FakeGuild(guildId, name, entry.textChannels);
    }
    if (gateway.connected(shardOf(guildId))) {
      gateway.dispatch(shardOf(guildId), "GUILD_CREATE", state.guildCreateJson(guildId), 0);
    }
    return guild;
  }

  /**
   * Makes a text channel in the guild with permission overwrites, as a member with Manage Channels
   * can; its id is returned. A connected shard receives CHANNEL_CREATE, overwrites and all. Discord
   * refuses overwrites for a role or member the guild does not have.
   */
  public long textChannel(long guildId, String name, PermissionOverwrite... overwrites) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a channel needs a name");
    }
    long channelId;
    DataObject event;
    synchronized (state) {
      GuildEntry guild = state.guild(guildId);
      state.checkOverwrites(guildId, List.of(overwrites));
      channelId = state.nextId();
      ChannelEntry channel =
          new ChannelEntry(channelId, ChannelKind.TEXT, guildId, name, 0, 0, 0, Instant.now());
      channel.overwrites = List.of(overwrites);
      state.channels.put(channelId, channel);
      guild.textChannels.add(channelId);
      event = state.channelJson(channelId, true);
    }
    gateway.dispatch(shardOf(guildId), "CHANNEL_CREATE", event, INTENT_GUILDS);
    return channelId;
  }

  /**
   * A private channel as Discord's "Private Channel" switch makes it: @everyone denied VIEW_CHANNEL,
   * the given roles and members (and Chorus, so it can post there) allowed it.
   */
  public long privateChannel(long guildId, String name, List<FakeRole> roles, List<FakeMember> members) {
    List<PermissionOverwrite> overwrites = new ArrayList<>();
    overwrites.add(PermissionOverwrite.everyone(guildId, 0, VIEW_CHANNEL));
    roles.forEach(role -> overwrites.add(PermissionOverwrite.role(role, VIEW_CHANNEL, 0)));
    members.forEach(member -> overwrites.add(PermissionOverwrite.member(member.userId(), VIEW_CHANNEL, 0)));
    overwrites.add(PermissionOverwrite.member(BOT_USER_ID, VIEW_CHANNEL, 0));
    return textChannel(guildId, name, overwrites.toArray(PermissionOverwrite[]::new));
  }

  /** Replaces a text channel's overwrites, as a member with Manage Roles can; CHANNEL_UPDATE tells the bot. */
  public void permissionOverwrites(long channelId, PermissionOverwrite... overwrites) {
    long guildId;
    DataObject event;
    synchronized (state) {
      ChannelEntry channel = state.channel(channelId);
      if (channel == null || channel.kind != ChannelKind.TEXT) {
        throw new IllegalArgumentException("no text channel " + channelId);
      }
      state.checkOverwrites(channel.guildId, List.of(overwrites));
      channel.overwrites = List.of(overwrites);
      guildId = channel.guildId;
      event = state.channelJson(channelId, true);
    }
    gateway.dispatch(shardOf(guildId), "CHANNEL_UPDATE", event, INTENT_GUILDS);
  }

  /** Whether the member could see the channel on Discord now, by its roles and the channel's overwrites. */
  public boolean canView(long userId, long channelId) {
    return state.canView(userId, channelId);
  }

  /** The shard a guild belongs to: {@code (guildId >> 22) % shards}. */
  public int shardOf(long guildId) {
    return DiscordState.shardOf(guildId, state.shardTotal);
  }

  /** Adds a new user as a plain member of the guild (username {@code name}, display name capitalised). */
  public FakeMember member(long guildId, String name) {
    return addMember(guildId, name, false);
  }

  /** Adds a new user as a member with the ADMINISTRATOR permission (through an "Admins" role). */
  public FakeMember admin(long guildId, String name) {
    return addMember(guildId, name, true);
  }

  private FakeMember addMember(long guildId, String name, boolean admin) {
    synchronized (state) {
      GuildEntry guild = state.guild(guildId);
      long userId = state.nextId();
      String globalName = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
      state.users.put(userId, new UserEntry(userId, name, globalName, false));
      guild.members.put(userId, admin);
      return new FakeMember(guildId, userId, name, globalName, admin);
    }
  }

  /**
   * Makes a role in the guild, as any member with Manage Roles can: a fresh id and any name, even one
   * another role bears already (Discord lets names repeat). A connected shard receives
   * GUILD_ROLE_CREATE, as the bot would.
   */
  public FakeRole role(long guildId, String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a role needs a name");
    }
    long roleId;
    DataObject event;
    synchronized (state) {
      GuildEntry guild = state.guild(guildId);
      roleId = state.nextId();
      guild.roles.put(roleId, name);
      event =
          DataObject.empty()
              .put("guild_id", Long.toUnsignedString(guildId))
              .put("role", state.madeRoleJson(guildId, roleId));
    }
    gateway.dispatch(shardOf(guildId), "GUILD_ROLE_CREATE", event, INTENT_GUILDS);
    return new FakeRole(guildId, roleId, name);
  }

  /**
   * Gives a member a role of their guild: the member objects of later interactions and reactions list
   * it. No event tells the bot, which lacks the privileged GUILD_MEMBERS intent.
   */
  public void grantRole(FakeMember member, FakeRole role) {
    synchronized (state) {
      GuildEntry guild = state.guild(member.guildId());
      if (role.guildId() != member.guildId() || !guild.roles.containsKey(role.id())) {
        throw new IllegalArgumentException("role " + role.id() + " is not a role of guild " + member.guildId());
      }
      if (!guild.members.containsKey(member.userId())) {
        throw new IllegalArgumentException("user " + member.userId() + " is not a member of guild " + member.guildId());
      }
      guild.memberRoles.computeIfAbsent(member.userId(), u -> new java.util.LinkedHashSet<>()).add(role.id());
    }
  }

  /** From now on, messages to this user's DM channel fail with 403, code 50007. */
  public void closeDirectMessages(long userId) {
    synchronized (state) {
      state.user(userId);
      state.closedDms.add(userId);
    }
  }

  /**
   * Archives a thread, as Discord does after a quiet week: THREAD_UPDATE tells the bot (JDA then
   * forgets the thread), and posting or editing there is refused (50083) until it is unarchived.
   */
  public void archiveThread(long threadId) {
    DataObject json;
    long guildId;
    synchronized (state) {
      var thread = state.channel(threadId);
      if (thread == null) {
        throw new IllegalArgumentException("no thread " + threadId);
      }
      thread.archived = true;
      json = state.channelJson(threadId, true);
      guildId = thread.guildId;
    }
    dispatch(guildId, "THREAD_UPDATE", json);
  }

  /** Whether a thread is archived now. */
  public boolean archived(long threadId) {
    synchronized (state) {
      var thread = state.channel(threadId);
      return thread != null && thread.archived;
    }
  }

  /** From now on the bot may not post in (or start threads from) this channel: 403, code 50013. */
  public void denyPermissions(long channelId) {
    synchronized (state) {
      state.deniedChannels.add(channelId);
    }
  }

  /** Undoes {@link #denyPermissions(long)}. */
  public void allowPermissions(long channelId) {
    synchronized (state) {
      state.deniedChannels.remove(channelId);
    }
  }

  /**
   * The next REST call whose {@code "METHOD path"} (path below {@code /api/v10/}, no query, e.g.
   * {@code POST channels/123/messages}) fully matches {@code routeRegex} is answered 429.
   * {@code Retry-After} is the seconds rounded up, as Discord sends it; the body carries the exact value.
   */
  public void rateLimitNext(String routeRegex, double retryAfterSeconds) {
    rest.rateLimitNext(routeRegex, retryAfterSeconds);
  }

  /**
   * The next REST call whose {@code "METHOD path"} fully matches {@code routeRegex} fails as in an
   * outage at Discord: 500 Internal Server Error, nothing done. (JDA retries only 502 to 529.)
   */
  public void failNext(String routeRegex) {
    rest.failNext(routeRegex);
  }

  /**
   * Each REST call is answered after a latency drawn between {@code min} and {@code max} (from a
   * seeded random sequence), counted from its arrival; the call itself is served on arrival, so
   * calls are served in the order they were sent. Default 30 to 150 ms; {@code ZERO, ZERO} answers
   * at once.
   */
  public void latency(Duration min, Duration max) {
    rest.latency(min, max);
  }

  /**
   * Switches Discord's rate limits on (the default) or off. On, every answer carries its bucket's
   * {@code X-RateLimit-*} headers and a call past a limit gets a 429: per channel, 5 message
   * creates per 5 s, 5 edits per 5 s, one reaction added or removed per 0.25 s, 5 reaction reads
   * per second, 5 threads per 5 s; per interaction token, 5 webhook calls (follow-ups, edits) per
   * second and a callback never in practice; 50 per second for any other route and major
   * parameter; and 50 calls per second in all, interaction routes aside. Off, nothing is counted
   * and no rate-limit header is sent, as for a route Discord does not limit.
   */
  public void rateLimits(boolean enabled) {
    rest.limits.enabled(enabled);
  }

  /**
   * How many 429s a spent bucket or the global limit caused (those forced by {@link
   * #rateLimitNext} aside). JDA reads the headers and waits, so this stays at zero unless JDA could
   * not know: the first calls to a route whose bucket it has not learnt yet.
   */
  public int rateLimited() {
    return rest.limits.refused();
  }

  /**
   * Calls {@code listener} for every message the bot creates (channel messages, interaction
   * replies, follow-ups), on a thread of its own, once the message is stored and before the
   * create's answer is sent; the answer waits for the listener (at most 5 s) as well as for its
   * latency. So a listener can make a member react the moment a message appears, with a
   * MESSAGE_REACTION_ADD that reaches the bot before it learns its message's id. Exceptions are
   * logged.
   */
  public void onMessageCreated(Consumer<FakeMessage> listener) {
    rest.onMessageCreated(listener);
  }

  // ---- events --------------------------------------------------------------------------------

  /**
   * Dispatches a slash command (INTERACTION_CREATE, type 2).
   *
   * @param subcommand the subcommand's name, or {@code null} for a command without subcommands
   * @param options option values: String (type 3), Integer/Long (4), Boolean (5), Double (10)
   */
  public FakeInteraction slashCommand(
      long guildId,
      long channelId,
      long userId,
      String command,
      @Nullable String subcommand,
      Map<String, ?> options) {
    return commandInteraction(2, guildId, channelId, userId, command, subcommand, options, null);
  }

  /**
   * A member picks a message command (a command of type 3, "Apps" in a message's menu) on a message a
   * member wrote in the channel or thread: INTERACTION_CREATE of type 2 with the message in the
   * resolved data, content included (an interaction carries it without the message content intent).
   * The command must have been registered, as Discord shows only registered ones.
   */
  public FakeInteraction messageCommand(long guildId, long channelId, long userId, String command, long authorId,
      String content) {
    DataObject data;
    synchronized (state) {
      String commandId = state.commandId(guildId, command, 3)
          .orElseThrow(() -> new IllegalArgumentException("no message command " + command + " is registered"));
      DataObject target = state.memberMessageJson(channelId, authorId, content);
      String targetId = target.getString("id");
      data = DataObject.empty()
          .put("id", commandId)
          .put("name", command)
          .put("type", 3)
          .put("target_id", targetId)
          .put("resolved", DataObject.empty().put("messages", DataObject.empty().put(targetId, target)));
    }
    return interaction(2, guildId, channelId, userId, data, command, 0, null);
  }

  /** Dispatches an autocomplete request (type 4); {@code focusedOption} is marked {@code focused}. */
  public FakeInteraction autocomplete(
      long guildId,
      long channelId,
      long userId,
      String command,
      @Nullable String subcommand,
      Map<String, ?> options,
      String focusedOption) {
    if (!options.containsKey(focusedOption)) {
      throw new IllegalArgumentException("the focused option needs a value in options");
    }
    return commandInteraction(4, guildId, channelId, userId, command, subcommand, options, focusedOption);
  }

  private FakeInteraction commandInteraction(
      int type,
      long guildId,
      long channelId,
      long userId,
      String command,
      @Nullable String subcommand,
      Map<String, ?> options,
      @Nullable String focused) {
    DataArray values = DataArray.empty();
    options.forEach(
        (name, value) -> {
          DataObject option = option(name, value);
          if (name.equals(focused)) {
            option.put("focused", true);
          }
          values.add(option);
        });
    DataArray topLevel = values;
    if (subcommand != null) {
      topLevel =
          DataArray.empty()
              .add(DataObject.empty().put("type", 1).put("name", subcommand).put("options", values));
    }
    DataObject data;
    synchronized (state) {
      String commandId =
          state.commandId(guildId, command).orElseGet(() -> Long.toUnsignedString(state.nextId()));
      data =
          DataObject.empty()
              .put("id", commandId)
              .put("name", command)
              .put("type", 1)
              .put("options", topLevel);
    }
    return interaction(type, guildId, channelId, userId, data, command, 0, null);
  }

  private static DataObject option(String name, Object value) {
    int type;
    if (value instanceof String) {
      type = 3;
    } else if (value instanceof Integer || value instanceof Long) {
      type = 4;
    } else if (value instanceof Boolean) {
      type = 5;
    } else if (value instanceof Double || value instanceof Float) {
      type = 10;
    } else {
      throw new IllegalArgumentException("unsupported option value " + value.getClass());
    }
    return DataObject.empty().put("name", name).put("type", type).put("value", value);
  }

  /**
   * Dispatches a modal submission (type 5) in JDA 6's layout: each field is a Label (type 18)
   * wrapping a text input (type 4) with its {@code custom_id} and {@code value}.
   */
  public FakeInteraction modalSubmit(
      long guildId, long channelId, long userId, String customId, Map<String, String> fieldValues) {
    DataArray components = DataArray.empty();
    int uniqueId = 1;
    for (Map.Entry<String, String> field : fieldValues.entrySet()) {
      DataObject input =
          DataObject.empty()
              .put("type", 4)
              .put("id", uniqueId + 1)
              .put("custom_id", field.getKey())
              .put("value", field.getValue());
      components.add(DataObject.empty().put("type", 18).put("id", uniqueId).put("component", input));
      uniqueId += 2;
    }
    DataObject data = DataObject.empty().put("custom_id", customId).put("components", components);
    return interaction(5, guildId, channelId, userId, data, "", 0, null);
  }

  /** Dispatches a click (type 3) on a button of a message the bot posted earlier. */
  public FakeInteraction button(
      long guildId, long channelId, long userId, long messageId, String customId) {
    DataObject message;
    DataObject data;
    synchronized (state) {
      StoredMessage stored =
          state.message(messageId).orElseThrow(() -> new IllegalArgumentException("unknown message " + messageId));
      message = DiscordState.copy(stored.json);
      DataObject button = findComponent(message.getArray("components"), customId);
      if (button == null) {
        throw new IllegalArgumentException("message " + messageId + " has no component " + customId);
      }
      data =
          DataObject.empty()
              .put("custom_id", customId)
              .put("component_type", button.getInt("type"))
              .put("id", button.getInt("id", 0));
    }
    return interaction(3, guildId, channelId, userId, data, "", messageId, message);
  }

  private static @Nullable DataObject findComponent(DataArray components, String customId) {
    for (int i = 0; i < components.length(); i++) {
      if (!components.isType(i, DataType.OBJECT)) {
        continue;
      }
      DataObject component = components.getObject(i);
      if (customId.equals(component.getString("custom_id", null))) {
        return component;
      }
      if (component.isType("components", DataType.ARRAY)) {
        DataObject inner = findComponent(component.getArray("components"), customId);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private FakeInteraction interaction(
      int type,
      long guildId,
      long channelId,
      long userId,
      DataObject data,
      String commandName,
      long componentMessageId,
      @Nullable DataObject message) {
    DataObject payload;
    FakeInteraction info;
    synchronized (state) {
      GuildEntry guild = state.guild(guildId);
      ChannelEntry channel = state.channel(channelId);
      if (channel == null || channel.guildId != guildId) {
        throw new IllegalArgumentException("channel " + channelId + " is not in guild " + guildId);
      }
      if (!guild.members.containsKey(userId)) {
        throw new IllegalArgumentException("user " + userId + " is not a member of guild " + guildId);
      }
      if (!state.canView(userId, channelId)) {
        // Discord shows a member no channel they cannot view, so nothing can come from there.
        throw new IllegalArgumentException("user " + userId + " cannot see channel " + channelId);
      }
      long id = state.nextId();
      String token = "fake-interaction-" + UUID.randomUUID() + "-" + UUID.randomUUID();
      // The deadline counts from now, the moment the snowflake was minted.
      info = new FakeInteraction(id, token, type, guildId, channelId, userId, Instant.now());
      DataObject member = state.memberJson(guildId, userId, true);
      String guildIdText = Long.toUnsignedString(guildId);
      payload =
          DataObject.empty()
              .put("id", Long.toUnsignedString(id))
              .put("application_id", Long.toUnsignedString(APPLICATION_ID))
              .put("type", type)
              .put("token", token)
              .put("version", 1)
              .put("guild_id", guildIdText)
              .put("channel_id", Long.toUnsignedString(channelId))
              .put(
                  "channel",
                  state.channelJson(channelId, true).put("permissions", member.getString("permissions")))
              .put(
                  "guild",
                  DataObject.empty()
                      .put("id", guildIdText)
                      .put("locale", "en-US")
                      .put("features", DataArray.empty()))
              .put("member", member)
              .put("data", data)
              .put("locale", "en-US")
              .put("guild_locale", "en-US")
              .put("app_permissions", Long.toString(DiscordState.EVERYONE_PERMISSIONS))
              .put("entitlements", DataArray.empty())
              .put("authorizing_integration_owners", DataObject.empty().put("0", guildIdText))
              .put("context", 0)
              .put("attachment_size_limit", 10 * 1024 * 1024);
      if (message != null) {
        payload.put("message", message);
      }
      state.interactions.put(id, new InteractionEntry(info, commandName, componentMessageId));
    }
    gateway.dispatch(shardOf(guildId), "INTERACTION_CREATE", payload, 0);
    return info;
  }

  /**
   * A member reacts: the reaction is added to the message (if it is one of the bot's) and
   * MESSAGE_REACTION_ADD dispatched (needs the GUILD_MESSAGE_REACTIONS intent). While the shard has
   * no session (the bot is down) the reaction still counts but the event reaches nobody: it is
   * listed in {@link #undeliveredEvents()} and empty is returned.
   */
  public Optional<Dispatch> reactionAdd(
      long guildId, long channelId, long messageId, long userId, String emoji) {
    return reaction(guildId, channelId, messageId, userId, emoji, true);
  }

  /** A member takes a reaction back: as {@link #reactionAdd}, with MESSAGE_REACTION_REMOVE. */
  public Optional<Dispatch> reactionRemove(
      long guildId, long channelId, long messageId, long userId, String emoji) {
    return reaction(guildId, channelId, messageId, userId, emoji, false);
  }

  /**
   * Adds a member's reaction to one of the bot's messages without any gateway event, as if the
   * event had been lost while the bot was down: only reading the message's reactions shows it.
   */
  public void reactSilently(long messageId, long userId, String emoji) {
    changeSilently(messageId, userId, emoji, true);
  }

  /** Takes a member's reaction off one of the bot's messages without any gateway event. */
  public void unreactSilently(long messageId, long userId, String emoji) {
    changeSilently(messageId, userId, emoji, false);
  }

  private void changeSilently(long messageId, long userId, String emoji, boolean add) {
    if (emoji.isBlank()) {
      throw new IllegalArgumentException("no emoji");
    }
    synchronized (state) {
      StoredMessage message =
          state.message(messageId).orElseThrow(() -> new IllegalArgumentException("unknown message " + messageId));
      state.user(userId);
      state.react(message, userId, emoji, add);
    }
  }

  private Optional<Dispatch> reaction(
      long guildId, long channelId, long messageId, long userId, String emoji, boolean add) {
    DataObject event;
    synchronized (state) {
      event = reactionEvent(state, guildId, channelId, messageId, userId, emoji, add);
      state.message(messageId).ifPresent(message -> state.react(message, userId, emoji, add));
    }
    return gateway.dispatch(
        shardOf(guildId),
        add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE",
        event,
        INTENT_GUILD_MESSAGE_REACTIONS);
  }

  /** The MESSAGE_REACTION_ADD/REMOVE payload; {@code emoji} is unicode or {@code name:id}. */
  static DataObject reactionEvent(
      DiscordState state, long guildId, long channelId, long messageId, long userId, String emoji, boolean add) {
    synchronized (state) {
      DataObject emojiJson;
      int colon = emoji.lastIndexOf(':');
      if (colon > 0 && emoji.substring(colon + 1).chars().allMatch(Character::isDigit)) {
        emojiJson =
            DataObject.empty()
                .put("id", emoji.substring(colon + 1))
                .put("name", emoji.substring(0, colon))
                .put("animated", false);
      } else {
        emojiJson = DataObject.empty().put("id", null).put("name", emoji);
      }
      DataObject event =
          DataObject.empty()
              .put("user_id", Long.toUnsignedString(userId))
              .put("channel_id", Long.toUnsignedString(channelId))
              .put("message_id", Long.toUnsignedString(messageId))
              .put("guild_id", Long.toUnsignedString(guildId))
              .put("emoji", emojiJson)
              .put("burst", false)
              .put("type", 0);
      if (add) {
        event
            .put("member", state.memberJson(guildId, userId, false))
            .put("burst_colors", DataArray.empty());
        if (state.message(messageId).isPresent()) {
          event.put("message_author_id", Long.toUnsignedString(BOT_USER_ID));
        }
      }
      return event;
    }
  }

  /** Dispatches any event to the shard owning {@code guildId}, for cases the helpers do not cover. */
  public Optional<Dispatch> dispatch(long guildId, String type, DataObject d) {
    return gateway.dispatch(shardOf(guildId), type, d, 0);
  }

  // ---- gateway control and inspection ----------------------------------------------------------

  /**
   * Closes the shard's connection with {@link #RESUMABLE_CLOSE_CODE}; events wait for its RESUME,
   * and are lost if the client identifies anew instead.
   */
  public void disconnect(int shardId) {
    disconnect(shardId, RESUMABLE_CLOSE_CODE);
  }

  /**
   * Closes the shard's connection with the given code (4000-4009 except 4004, 1001 and 4900 make
   * JDA resume; 4004 and 4010-4014 make it give up); the session stays resumable.
   */
  public void disconnect(int shardId, int closeCode) {
    gateway.disconnect(shardId, closeCode);
  }

  /**
   * Closes the shard's connection (resumable) and runs {@code whileDown} before the client can resume,
   * however fast it reconnects: what it dispatches is missed for certain.
   */
  public void disconnect(int shardId, Runnable whileDown) {
    gateway.disconnect(shardId, RESUMABLE_CLOSE_CODE, whileDown);
  }

  /** Whether the shard currently has a connected session. */
  public boolean connected(int shardId) {
    return gateway.connected(shardId);
  }

  /** How many RESUMEs (op 6) the shard's sessions accepted. */
  public int resumes(int shardId) {
    return gateway.resumes(shardId);
  }

  /** Every IDENTIFY received, in order. */
  public List<Identify> identifies() {
    return List.copyOf(gateway.identifies);
  }

  /** The opcodes of every frame clients sent, in order. */
  public List<Integer> opcodesReceived() {
    return gateway.received.stream().map(FakeGateway.ReceivedFrame::op).toList();
  }

  /** The dispatches of the shard's current session, in sequence order. */
  public List<Dispatch> dispatches(int shardId) {
    return gateway.dispatches(shardId);
  }

  /**
   * Events that never reached the bot, as {@code "TYPE for shard N (why)"}: the shard had no
   * session (the bot was down), the intent was not requested, or the event waited for a RESUME
   * that never came because the client identified anew.
   */
  public List<String> undeliveredEvents() {
    return List.copyOf(gateway.undelivered);
  }

  // ---- REST inspection -----------------------------------------------------------------------

  /** Every REST call, in arrival order. */
  public List<Call> calls() {
    return List.copyOf(rest.calls);
  }

  /** REST calls with this method whose path fully matches {@code pathRegex}. */
  public List<Call> calls(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return rest.calls.stream()
        .filter(c -> c.method().equals(method) && pattern.matcher(c.path()).matches())
        .toList();
  }

  /** Waits until at least {@code count} calls match, and returns the matching calls. */
  public List<Call> awaitCalls(Predicate<Call> predicate, int count, Duration timeout) {
    await(
        count + " matching REST calls",
        () -> rest.calls.stream().filter(predicate).count() >= count,
        timeout);
    return rest.calls.stream().filter(predicate).toList();
  }

  /** Message creates and edits that broke the mention policy, as {@code "METHOD path: reason"}. */
  public List<String> violations() {
    return List.copyOf(rest.violations);
  }

  /** {@code "METHOD path"} of calls to routes the fake does not implement. */
  public List<String> unknownRoutes() {
    return List.copyOf(rest.unknownRoutes);
  }

  /** The global commands last registered. */
  public List<DataObject> globalCommands() {
    return state.commandList("global");
  }

  /** The guild's commands last registered. */
  public List<DataObject> guildCommands(long guildId) {
    return state.commandList(Long.toUnsignedString(guildId));
  }

  /** The bot's messages in a channel (interaction replies included, even ephemeral ones), oldest first. */
  public List<FakeMessage> messages(long channelId) {
    synchronized (state) {
      return state.messages.values().stream()
          .filter(m -> m.channelId == channelId && !m.deleted)
          .map(StoredMessage::snapshot)
          .toList();
    }
  }

  /** Every message the bot posted anywhere and did not delete, interaction replies included, oldest first. */
  public List<FakeMessage> allMessages() {
    synchronized (state) {
      return state.messages.values().stream().filter(m -> !m.deleted).map(StoredMessage::snapshot)
          .sorted(java.util.Comparator.comparingLong(FakeMessage::id)).toList();
    }
  }

  /** One of the bot's messages, if it exists and was not deleted. */
  public Optional<FakeMessage> message(long messageId) {
    synchronized (state) {
      return state.message(messageId).map(StoredMessage::snapshot);
    }
  }

  /** The reactions on one of the bot's messages. */
  public List<FakeReaction> reactionsOf(long messageId) {
    return message(messageId).map(FakeMessage::reactions).orElse(List.of());
  }

  /** Every interaction dispatched, oldest first. */
  public List<FakeInteraction> interactions() {
    synchronized (state) {
      return state.interactions.values().stream().map(e -> e.info).toList();
    }
  }

  /** The callbacks received for an interaction, accepted or not, in order. */
  public List<InteractionCallback> callbacks(long interactionId) {
    synchronized (state) {
      InteractionEntry entry = state.interactions.get(interactionId);
      return entry == null ? List.of() : List.copyOf(entry.callbacks);
    }
  }

  /** Time from dispatch to the first callback request, whatever its outcome; empty if none came. */
  public Optional<Duration> firstResponse(long interactionId) {
    return callbacks(interactionId).stream().findFirst().map(InteractionCallback::sinceDispatch);
  }

  /** {@link #firstResponse(long)} of every interaction that got a callback, by interaction id. */
  public Map<Long, Duration> firstResponses() {
    Map<Long, Duration> result = new LinkedHashMap<>();
    synchronized (state) {
      for (InteractionEntry entry : state.interactions.values()) {
        if (!entry.callbacks.isEmpty()) {
          result.put(entry.info.id(), entry.callbacks.get(0).sinceDispatch());
        }
      }
    }
    return result;
  }

  /** Interactions nobody acknowledged successfully (yet). */
  public List<FakeInteraction> unacknowledged() {
    synchronized (state) {
      return state.interactions.values().stream()
          .filter(e -> !e.acknowledged)
          .map(e -> e.info)
          .toList();
    }
  }

  /**
   * The messages answering an interaction: the original response (once it has content; a deferred
   * reply still "thinking" is left out) and the follow-ups, oldest first.
   */
  public List<FakeMessage> repliesTo(long interactionId) {
    synchronized (state) {
      InteractionEntry entry = state.interactions.get(interactionId);
      if (entry == null) {
        return List.of();
      }
      return entry.replyMessageIds.stream()
          .map(state::message)
          .flatMap(Optional::stream)
          .filter(m -> !m.loading)
          .map(StoredMessage::snapshot)
          .toList();
    }
  }

  /** Waits for the interaction's first callback and returns it. */
  public InteractionCallback awaitCallback(long interactionId, Duration timeout) {
    await(
        "a callback for interaction " + interactionId,
        () -> !callbacks(interactionId).isEmpty(),
        timeout);
    return callbacks(interactionId).get(0);
  }

  /** Polls {@code condition} until it holds, or fails with an {@link AssertionError} naming {@code what}. */
  public void await(String what, BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; REST calls so far: " + calls());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Stops both servers. */
  @Override
  public void close() {
    rest.stop();
    closeGateway();
  }

  private void closeGateway() {
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
