package dev.chorus.core.lifecycle;

import dev.chorus.core.command.DeadlineSpec;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.MemberWords;
import dev.chorus.core.conversation.Settings;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Resolves a written deadline and checks it lies ahead, within the longest allowed. */
final class Deadlines {
  private Deadlines() {}

  sealed interface Resolved {
    record At(@Nullable Instant instant) implements Resolved {}

    record Refused(Decision.Rejected rejection) implements Resolved {}
  }

  static Resolved resolve(@Nullable DeadlineSpec spec, Clock clock, Settings settings, String usage) {
    if (spec == null || spec instanceof DeadlineSpec.None) {
      return new Resolved.At(null);
    }
    var at = spec.resolve(clock, settings.defaultZone());
    var now = clock.instant();
    if (!at.isAfter(now.plusSeconds(60))) {
      return new Resolved.Refused(new Decision.Rejected(
          MemberWords.quote("The deadline \"", spec.written(), "\" is not in the future (dates are read in "
              + settings.defaultZone().getId() + ")."), usage));
    }
    if (at.isAfter(now.plus(settings.limits().longestDeadline()))) {
      return new Resolved.Refused(new Decision.Rejected(
          MemberWords.quote("The deadline \"", spec.written(), "\" is more than "
              + settings.limits().longestDeadline().toDays() + " days away."), usage));
    }
    return new Resolved.At(at);
  }
}
