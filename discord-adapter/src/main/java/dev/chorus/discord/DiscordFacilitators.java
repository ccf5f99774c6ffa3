package dev.chorus.discord;

import dev.chorus.core.community.PinnedRoles;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.question.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Member;
import org.jspecify.annotations.Nullable;

/**
 * Who holds the facilitator role of a server, as {@code CHORUS_FACILITATOR_ROLE} names it. An id (a
 * snowflake, all digits) is certain. A name is not: anyone with Manage Roles can make another role of
 * that name. So a name is resolved to its role once per server, when first needed, and that role is
 * pinned in the store: a role made later with the same name never counts, not even after a restart.
 * A name that several roles bear is refused until the operator gives the id. Asked on a worker, never
 * on the gateway's thread: the pin may have to be read from the store.
 */
final class DiscordFacilitators {
  private static final System.Logger LOG = System.getLogger(DiscordFacilitators.class.getName());

  /** What a member bearing an ambiguous role name is told, privately, after Chorus's answer. */
  static final Effect.Reply AMBIGUOUS = Effect.Reply.of("Chorus cannot tell which role is the facilitator role "
      + "here: several roles bear its name, so none of them counts. Ask whoever runs Chorus to set "
      + "CHORUS_FACILITATOR_ROLE to the role's id (with Developer Mode on: Server Settings, Roles, Copy Role ID).");

  /** Where a member stands with the facilitator role. */
  enum Standing {
    HOLDS,
    LACKS,
    /** The member bears a role of the configured name, but so do other roles: which one is meant is unknown. */
    AMBIGUOUS
  }

  private final @Nullable String name;
  private final @Nullable String id;
  private final PinnedRoles pins;
  /** The role each server's name was pinned to, by guild: a pin never changes, so it is kept for good. */
  private final Map<Long, String> pinned = new ConcurrentHashMap<>();
  /** Servers whose ambiguous name was logged already: once is enough for the operator. */
  private final Set<Long> ambiguityLogged = ConcurrentHashMap.newKeySet();

  /**
   * @param setting the role's id or name; null for none
   * @param pins where a name's role is pinned, per server
   */
  DiscordFacilitators(@Nullable String setting, PinnedRoles pins) {
    var role = setting == null || setting.isBlank() ? null : setting.strip();
    boolean byId = role != null && role.chars().allMatch(c -> c >= '0' && c <= '9');
    this.id = byId ? role : null;
    this.name = byId ? null : role;
    this.pins = pins;
  }

  Standing of(Member member) {
    if (id != null) {
      return holds(member, id);
    }
    if (name == null) {
      return Standing.LACKS;
    }
    var guild = member.getGuild();
    var role = pinned.get(guild.getIdLong());
    if (role == null) {
      var community = DiscordIds.community(guild.getIdLong());
      // Names are matched as Discord users read them, whatever the case: pinned by the lower-case name.
      var key = name.toLowerCase(Locale.ROOT);
      try {
        role = pins.pinned(community, key).orElse(null);
        if (role == null) {
          var named = guild.getRolesByName(name, true);
          if (named.size() > 1) {
            if (ambiguityLogged.add(guild.getIdLong())) {
              LOG.log(Level.WARNING, "{0} roles of server {1} are named as CHORUS_FACILITATOR_ROLE says, so none "
                  + "counts: set CHORUS_FACILITATOR_ROLE to the role''s id", named.size(), guild.getId());
            }
            var ids = named.stream().map(ISnowflake::getIdLong).toList();
            return member.getRoles().stream().anyMatch(r -> ids.contains(r.getIdLong())) ? Standing.AMBIGUOUS
                : Standing.LACKS;
          }
          if (named.isEmpty()) {
            return Standing.LACKS;
          }
          role = pins.pin(community, key, named.get(0).getId());
          LOG.log(Level.INFO, "the facilitator role of server {0} is pinned to role {1}", guild.getId(), role);
        }
      } catch (StoreUnavailableException e) {
        // Without the pin a newer role of the same name could pass: nobody holds the role until the store answers.
        Failures.log(LOG, Level.WARNING, "the facilitator role of server " + guild.getId()
            + " could not be read from the store", e);
        return Standing.LACKS;
      }
      pinned.put(guild.getIdLong(), role);
    }
    return holds(member, role);
  }

  private static Standing holds(Member member, String role) {
    return member.getRoles().stream().anyMatch(r -> r.getId().equals(role)) ? Standing.HOLDS : Standing.LACKS;
  }
}
