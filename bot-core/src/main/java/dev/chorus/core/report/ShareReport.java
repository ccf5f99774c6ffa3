package dev.chorus.core.report;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.ExportFormat;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Facilitators;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import java.util.random.RandomGenerator;

/**
 * {@code /respond share on|off}: a facilitator puts the question's report on a page anyone with the
 * link can read, or takes it down. The page names no member, in any question; the link is told only
 * to the facilitator who asked, and a new one ends the old.
 */
public final class ShareReport {
  /** Where shared pages live under the public URL. */
  public static final String PATH = "/reports/";

  private final SharedReports shared;
  private final Pseudonyms pseudonyms;
  private final Settings settings;
  private final RandomGenerator random;

  public ShareReport(SharedReports shared, Pseudonyms pseudonyms, Settings settings, RandomGenerator random) {
    this.shared = shared;
    this.pseudonyms = pseudonyms;
    this.settings = settings;
    this.random = random;
  }

  public Decision decide(Request request, Question question, boolean on) {
    if (!Facilitators.facilitates(question, request.actor(), pseudonyms)) {
      return Facilitators.onlyFacilitators(on ? "share its report" : "stop sharing its report", question);
    }
    if (!on) {
      var had = shared.unshare(question.community(), question.id());
      return Decision.Accepted.saying(Effect.Reply.of(had
          ? "The link to " + question.id() + "'s report no longer works. " + StandardCommands.SHARE.on(question.id(), StandardCommands.ON)
              + " gives a new one."
          : question.id() + "'s report was not shared, so there was no link to end."));
    }
    var token = ShareTokens.newToken(random);
    var link = settings.publicUrl() + PATH + token;
    if (settings.publicUrl().isEmpty() || !Text.Span.Address.allowed(link)) {
      return Decision.Rejected.because("Reports cannot be shared here yet: this Chorus has no public web address.",
          "ask the operator to set CHORUS_PUBLIC_URL (https://…); meanwhile "
              + StandardCommands.EXPORT.on(question.id(), ExportFormat.HTML.word()) + " gives the same report as a file");
    }
    shared.share(question.community(), question.id(), ShareTokens.hash(token));
    return Decision.Accepted.saying(Effect.Reply.of(Text.builder()
        .plain("Anyone with this link can now read " + question.id() + "'s report, as it stands whenever they open it, "
            + "with no member named: ")
        .address(link)
        .plain(" — only you were sent it; an earlier link, if any, no longer works. "
            + StandardCommands.SHARE.on(question.id(), StandardCommands.OFF) + " ends it.")
        .build()));
  }
}
