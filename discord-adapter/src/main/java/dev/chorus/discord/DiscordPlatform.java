package dev.chorus.discord;

import dev.chorus.core.Chorus;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.PinnedRoles;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.CoalescedEdits;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Chorus in Discord: the shards this replica runs (through JDA's shard manager, at
 * {@code CHORUS_DISCORD_API_URL} and {@code CHORUS_DISCORD_GATEWAY_URL} when set), the listeners, the
 * {@code /respond} command registered once ready, and the {@link Chat} Chorus posts through.
 *
 * <p>Gateway intents, the least Chorus can work with: {@code GUILDS} (the channels, threads and roles
 * of a server, so Chorus can post by id, knows the threads it starts, and can tell facilitators by
 * role, which it knows by id, and by Manage Server) and {@code GUILD_MESSAGE_REACTIONS} (votes). Commands, modals and buttons
 * arrive as interactions, which need no intent; Chorus never reads message content or member lists.
 * Whether a member can see a channel comes from their roles, asked of Discord one member at a time
 * ({@code GET /guilds/{guild}/members/{user}}, which needs no intent), and the channel's overwrites.
 */
public final class DiscordPlatform implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DiscordPlatform.class.getName());
  /** A tally is edited at most every two seconds, well inside Discord's per-channel limits. */
  static final Duration EDIT_WINDOW = Duration.ofSeconds(2);
  /** JDA always asks for {@code GUILDS} itself; this is the one intent added to it. */
  static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGE_REACTIONS);

  private final ShardManager shards;
  private final CoalescedEdits chat;
  private final ScheduledExecutorService timer;
  private final ScheduledExecutorService editTimer;
  private final ExecutorService workers;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
  /** Threads sending coalesced edits: edits of different channels need not wait for each other. */
  static final int EDIT_THREADS = 4;

  /**
   * @param chorus builds Chorus around the chat it is given
   * @param workers where events are handled once acknowledged
   * @param pinnedRoles where the role a facilitator role name means is pinned, per server
   */
  public DiscordPlatform(DiscordSettings settings, Function<Chat, Chorus> chorus, ExecutorService workers,
      PinnedRoles pinnedRoles) {
    // Every message create and edit, whoever builds it, carries allowed_mentions {parse: []} and never
    // pings the author of a message it answers: member words can never reach anyone's notifications.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
    this.workers = workers;
    // Coalesced edits wait for Discord on these threads; the deadline of a first response must never
    // wait behind them, so it has a timer of its own.
    this.editTimer = Executors.newScheduledThreadPool(EDIT_THREADS, daemon("chorus-discord-edits"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("chorus-discord-timer"));
    var late = new ShardManager[1];
    var discordChat = new DiscordChat(() -> late[0]);
    this.chat = new CoalescedEdits(discordChat, editTimer, EDIT_WINDOW);
    var events = new DiscordEvents(chorus.apply(chat), discordChat, workers, timer,
        new DiscordFacilitators(settings.facilitatorRole(), pinnedRoles));
    var builder = DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
        .setShardsTotal(settings.shardsTotal())
        .setShards(settings.shards())
        .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
        .setMemberCachePolicy(MemberCachePolicy.NONE)
        .setChunkingFilter(ChunkingFilter.NONE)
        // Channel overrides, so that JDA's own permission checks match Discord's.
        .enableCache(CacheFlag.MEMBER_OVERRIDES)
        .setEnableShutdownHook(false)
        .addEventListeners(events, new CommandRegistration(settings.guildIds()));
    if (settings.gatewayUrl() != null) {
      // A gateway of one's own (a proxy, the tests' fake) speaks plain JSON.
      builder.setSessionController(new GatewayAt(settings.gatewayUrl())).setCompression(Compression.NONE);
    }
    try {
      this.shards = builder.build();
    } catch (RuntimeException e) {
      timer.shutdownNow();
      editTimer.shutdownNow();
      throw new IllegalStateException(e instanceof net.dv8tion.jda.api.exceptions.InvalidTokenException
          ? "Discord refused the bot token: check DISCORD_TOKEN (the Bot tab of the application)"
          : "Discord could not be reached at CHORUS_DISCORD_API_URL (" + settings.apiUrl() + "): check the address "
              + "and the network (" + e.getClass().getSimpleName() + ")", e);
    }
    late[0] = shards;
  }

  public Chat chat() {
    return chat;
  }

  /** The shards, for tests that build a chat of their own on them. */
  ShardManager shards() {
    return shards;
  }

  /** Waits until every shard of this replica is connected; false when the time ran out first. */
  public boolean awaitReady(Duration within) throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < until) {
      var all = shards.getShards();
      if (!all.isEmpty() && shards.getShardsQueued() == 0
          && all.stream().allMatch(shard -> shard.getStatus() == JDA.Status.CONNECTED)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /**
   * Whether the community is a server whose events reach this replica: its shard, {@code (guild id >> 22)
   * % shards}, is one this replica runs. Scheduled work for other servers is left to their replicas.
   */
  public boolean serves(CommunityId community) {
    var guild = DiscordIds.guildOf(community);
    if (guild.isEmpty()) {
      return false;
    }
    int total = Math.max(1, shards.getShardsTotal());
    int shard = (int) ((guild.getAsLong() >>> 22) % total);
    return runningShards().contains(shard);
  }

  /** The shards this replica runs, as Discord numbers them. */
  public List<Integer> runningShards() {
    return shards.getShards().stream().map(shard -> shard.getShardInfo().getShardId()).sorted().toList();
  }

  @Override
  public void close() {
    // Closed by whoever stops it first (the run command, or Spring at shutdown); the second does nothing.
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Tallies waiting for their window go out while Discord can still take them.
    chat.flush();
    shards.shutdown();
    workers.shutdown();
    timer.shutdown();
    editTimer.shutdown();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      var thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The gateway of one's own, for every shard: the address {@code GET gateway/bot} answers is not used.
   * Public for the load benchmark's baseline, which points its own JDA at the fake the same way.
   */
  public static final class GatewayAt extends SessionControllerAdapter {
    private final String url;

    public GatewayAt(String url) {
      this.url = url;
    }

    @Override
    public String getGateway() {
      return url;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
      var asked = super.getShardedGateway(api);
      return new ShardedGateway(url, asked.getShardTotal(), asked.getConcurrency());
    }
  }

  /**
   * Registers {@code /respond} once a shard is ready: in the configured guilds it holds (instant, for
   * development), or globally by shard 0 alone. Either replaces the whole list, so a second replica
   * registering the same command changes nothing.
   */
  private static final class CommandRegistration extends ListenerAdapter {
    private final List<Long> guilds;

    CommandRegistration(List<Long> guilds) {
      this.guilds = guilds;
    }

    @Override
    public void onReady(ReadyEvent event) {
      var jda = event.getJDA();
      if (!guilds.isEmpty()) {
        for (var id : guilds) {
          var guild = jda.getGuildById(id);
          if (guild != null) {
            guild.updateCommands().addCommands(DiscordCommands.all()).queue(null,
                failure -> Failures.log(LOG, Level.WARNING, CommandCatalog.SLASH_COMMAND + " was not registered in a guild",
                    failure));
          }
        }
      } else if (jda.getShardInfo().getShardId() == 0) {
        jda.updateCommands().addCommands(DiscordCommands.all()).queue(null,
            failure -> Failures.log(LOG, Level.WARNING, CommandCatalog.SLASH_COMMAND + " was not registered", failure));
      }
    }
  }
}
