package dev.chorus.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.ChannelAccess;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

/**
 * Whether a member can see a Discord channel, as JDA computes it from the member's roles and the
 * channel's permission overwrites (which arrive with GUILD_CREATE and CHANNEL_CREATE/UPDATE, so a
 * change to the channel counts at once). Chorus runs without the privileged members intent, so a
 * member is seldom cached by JDA: they are asked of Discord ({@code GET /guilds/{guild}/members/{user}},
 * which needs no intent), within {@link #LONGEST_LOOKUP}, and kept {@link #KEEP}; a failure is never
 * kept. Asked on Chorus's workers and the schedule's thread, never on JDA's: it waits for Discord.
 */
final class DiscordChannelAccess {
  private static final System.Logger LOG = System.getLogger(DiscordChannelAccess.class.getName());
  /** A member's new or lost roles count within this long. */
  static final Duration KEEP = Duration.ofMinutes(2);
  /** Members kept at most, across servers; the least used go first. */
  static final long MOST_KEPT = 10_000;
  /** A member's answer waits at most this long for Discord; after it, the channel is not named. */
  static final Duration LONGEST_LOOKUP = Duration.ofSeconds(5);

  /** What Discord said of a user in a server. */
  private sealed interface Membership {
    /** In the server, with their roles. */
    record In(Member member) implements Membership {}

    /** Not in the server (Discord's Unknown Member): no channel of it is theirs to see. */
    record Out() implements Membership {}
  }

  private final Supplier<ShardManager> manager;
  private final Duration longestLookup;
  private final Cache<String, Membership> memberships;

  DiscordChannelAccess(Supplier<ShardManager> manager, Clock clock, Duration longestLookup) {
    this.manager = manager;
    this.longestLookup = longestLookup;
    this.memberships = Caffeine.newBuilder().maximumSize(MOST_KEPT).expireAfterWrite(KEEP)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
  }

  /** Never throws: whatever Discord or JDA cannot tell is {@link ChannelAccess#UNKNOWN}. */
  ChannelAccess of(CommunityId community, MemberId member, ChannelId channelId) {
    try {
      var guildId = DiscordIds.guildOf(community);
      if (guildId.isEmpty()) {
        return ChannelAccess.UNKNOWN;
      }
      var channel = manager.get().getGuildChannelById(Long.parseUnsignedLong(channelId.value()));
      if (channel == null || channel.getGuild().getIdLong() != guildId.getAsLong()) {
        return ChannelAccess.UNKNOWN;
      }
      var membership = membership(channel.getGuild(), Long.parseUnsignedLong(member.value()));
      if (membership == null) {
        return ChannelAccess.UNKNOWN;
      }
      if (!(membership instanceof Membership.In in)) {
        return ChannelAccess.CLOSED;
      }
      if (!in.member().hasAccess(channel)) {
        return ChannelAccess.CLOSED;
      }
      if (channel instanceof ThreadChannel thread && !thread.isPublic()
          && !in.member().hasPermission(thread, Permission.MANAGE_THREADS)) {
        // A private thread shows itself only to those in it, which JDA does not know without asking.
        return ChannelAccess.UNKNOWN;
      }
      return ChannelAccess.SEES;
    } catch (RuntimeException e) {
      Failures.log(LOG, Level.DEBUG, "whether a member sees a channel is unknown", e);
      return ChannelAccess.UNKNOWN;
    }
  }

  /** The user in the server, as JDA has them or as Discord answers; null when neither could tell. */
  private @Nullable Membership membership(Guild guild, long user) {
    var key = guild.getId() + "/" + Long.toUnsignedString(user);
    var kept = memberships.getIfPresent(key);
    if (kept != null) {
      return kept;
    }
    var cached = guild.getMemberById(user);
    if (cached != null) {
      // JDA keeps a cached member current itself.
      return new Membership.In(cached);
    }
    // Asked outside the cache, so a slow answer holds up nobody else's.
    var asked = guild.retrieveMemberById(user).submit();
    try {
      Membership found = new Membership.In(asked.get(longestLookup.toMillis(), TimeUnit.MILLISECONDS));
      memberships.put(key, found);
      return found;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ErrorResponseException error && (error.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER
          || error.getErrorResponse() == ErrorResponse.UNKNOWN_USER)) {
        Membership out = new Membership.Out();
        memberships.put(key, out);
        return out;
      }
      Failures.log(LOG, Level.DEBUG, "Discord did not describe a member",
          e.getCause() == null ? e : e.getCause());
      return null;
    } catch (TimeoutException e) {
      asked.cancel(true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      asked.cancel(true);
      return null;
    }
  }
}
