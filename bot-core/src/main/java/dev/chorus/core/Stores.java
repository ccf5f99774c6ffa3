package dev.chorus.core;

import dev.chorus.core.digest.Agenda;
import dev.chorus.core.digest.ChannelDigests;
import dev.chorus.core.digest.Claims;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.core.digest.ScheduleStores;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.SeenReactions;
import dev.chorus.core.report.SharedReports;
import java.util.Objects;

/** Everything Chorus keeps, one port each; a deployment backs them all with the same store. */
public record Stores(
    Questions questions, Ballots ballots, MessageLinks links, ChannelDigests channelDigests,
    MemberPreferences memberPreferences, Claims claims, SeenReactions seenReactions, SharedReports sharedReports,
    Agenda agenda)
    implements ScheduleStores {

  /** Stores that keep no agenda: every pass looks at every community ({@link Agenda#everyCommunity}). */
  public Stores(Questions questions, Ballots ballots, MessageLinks links, ChannelDigests channelDigests,
      MemberPreferences memberPreferences, Claims claims, SeenReactions seenReactions, SharedReports sharedReports) {
    this(questions, ballots, links, channelDigests, memberPreferences, claims, seenReactions, sharedReports,
        Agenda.everyCommunity(questions));
  }

  public Stores {
    Objects.requireNonNull(questions, "questions");
    Objects.requireNonNull(ballots, "ballots");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(channelDigests, "channelDigests");
    Objects.requireNonNull(memberPreferences, "memberPreferences");
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(seenReactions, "seenReactions");
    Objects.requireNonNull(sharedReports, "sharedReports");
    Objects.requireNonNull(agenda, "agenda");
  }
}
