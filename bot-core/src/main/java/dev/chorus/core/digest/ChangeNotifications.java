package dev.chorus.core.digest;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command;
import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code digest} and {@code remind}: a facilitator sets the channel's digest; each member chooses
 * a personal digest and whether to be reminded.
 */
public final class ChangeNotifications {
  private static final String PERSONAL_DIGEST_HINT = StandardCommands.DIGEST.with(StandardCommands.ME, Cadence.DAILY.word())
      + " for a personal digest by direct message";

  private final ChannelDigests channelDigests;
  private final MemberPreferences preferences;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;

  public ChangeNotifications(ChannelDigests channelDigests, MemberPreferences preferences, Pseudonyms pseudonyms,
      Clock clock, Settings settings) {
    this.channelDigests = channelDigests;
    this.preferences = preferences;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * @param inChannel the channel's questions: their facilitators may set its digest
   */
  public Decision channelDigest(Request request, Command.ChannelDigest command, List<Question> inChannel) {
    var actor = request.actor();
    var community = request.community();
    var channel = request.channel();
    var existing = channelDigests.find(community, channel);
    boolean byRole = actor.admin() || actor.facilitatorRole();
    if (existing.isPresent() && !byRole && !actor.id().equals(existing.get().setBy())) {
      // Opening a throwaway question must not be a way to change or silence what another facilitator set.
      return Decision.Rejected.because("This channel's digest was set by another facilitator: only they, holders of "
          + "the facilitator role, or an administrator can change it or turn it off.", PERSONAL_DIGEST_HINT);
    }
    boolean facilitator = byRole
        || inChannel.stream().anyMatch(q -> q.open() && Facilitators.facilitates(q, actor, pseudonyms));
    if (!facilitator) {
      return Decision.Rejected.because("Only a facilitator sets this channel's digest: the member who opened one of "
          + "its open questions, holders of the facilitator role, or an administrator.", PERSONAL_DIGEST_HINT);
    }
    if (command.cadence() == Cadence.OFF) {
      if (existing.isEmpty()) {
        return Decision.Accepted.saying(Effect.Reply.of("This channel has no digest, so there is nothing to turn off."));
      }
      return new Decision.Setting(() -> channelDigests.remove(community, channel), List.of(
          new Effect.Post(new Place.Channel(channel), Card.text(Text.builder().quoted(actor.displayName())
              .plain(" turned this channel's digest off.").build()), null),
          Effect.Reply.of("The digest of this channel is off.")));
    }
    var zone = command.zone() != null ? command.zone()
        : existing.map(d -> d.schedule().zone()).orElse(settings.defaultZone());
    var schedule = new DigestSchedule(command.cadence(),
        command.weekday() != null ? command.weekday() : DigestSchedule.DEFAULT_WEEKDAY,
        command.at() != null ? command.at() : DigestSchedule.DEFAULT_TIME, zone);
    var now = clock.instant();
    // A new schedule starts now: the digest due earlier today is not sent after the fact.
    var digest = new ChannelDigests.ChannelDigest(channel, schedule, now, existing.map(d -> d.lastSent()).orElse(null),
        existing.map(d -> d.shown()).orElse(Map.of()), actor.id());
    var next = schedule.nextAfter(now);
    return new Decision.Setting(() -> channelDigests.save(community, digest), List.of(
        new Effect.Post(new Place.Channel(channel), Card.text(Text.builder()
            .quoted(actor.displayName()).plain(" set this channel's digest: " + schedule.describe() + ". The first one: ")
            .moment(next).plain(". A digest lists the open questions and what is new since the last one; "
                + "it is skipped when nothing is.").build()), null),
        Effect.Reply.of(Text.builder().plain("The digest of this channel comes " + schedule.describe() + "; next: ")
            .moment(next).plain(".").build())));
  }

  public Decision personalDigest(Request request, Command.PersonalDigest command) {
    var community = request.community();
    var member = request.actor().id();
    var current = preferences.of(community, member);
    var now = clock.instant();
    var chosen = new MemberPreferences.Preferences(command.cadence(),
        command.cadence() == current.personalDigest() ? current.personalSince() : now, current.reminders());
    String confirmation;
    if (command.cadence() == Cadence.OFF) {
      confirmation = "Your personal digest is off.";
    } else {
      var schedule = personalSchedule(command.cadence(), settings);
      confirmation = "Your personal digest comes by direct message " + schedule.describe()
          + ": the open questions that still await your view or your vote, and their deadlines. "
          + StandardCommands.DIGEST.with(StandardCommands.ME, Cadence.OFF.word()) + " stops it.";
    }
    return new Decision.Setting(() -> preferences.save(community, member, chosen), List.of(Effect.Reply.of(confirmation)));
  }

  public Decision reminders(Request request, Command.Remind command) {
    var community = request.community();
    var member = request.actor().id();
    var current = preferences.of(community, member);
    var chosen = new MemberPreferences.Preferences(current.personalDigest(), current.personalSince(), command.on());
    return new Decision.Setting(() -> preferences.save(community, member, chosen), List.of(Effect.Reply.of(command.on()
        ? "Reminders are on: Chorus sends you one direct message before a deadline when your view is not in yet."
        : "Reminders are off: Chorus will not remind you of deadlines. "
            + StandardCommands.REMIND.with(StandardCommands.ON) + " turns them back on.")));
  }

  /** Personal digests come at the default time, in the community's zone. */
  static DigestSchedule personalSchedule(Cadence cadence, Settings settings) {
    return new DigestSchedule(cadence, DigestSchedule.DEFAULT_WEEKDAY, DigestSchedule.DEFAULT_TIME, settings.defaultZone());
  }
}
