package dev.chorus.core.conversation;

import dev.chorus.core.question.Outcome;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The rules a deployment may tune, and their defaults.
 *
 * @param thresholds the shares of agreement an outcome needs for broad support and for a majority
 * @param openedBy who may open questions
 * @param defaultZone the zone dates without one are read in, when the community's is unknown
 * @param recentlyClosed how long a closed question still shows in {@code list}
 * @param caps how much one question may hold
 * @param publicUrl where people reach this deployment's shared report pages ({@code CHORUS_PUBLIC_URL}),
 *     without a trailing slash; empty when reports cannot be shared
 */
public record Settings(
    Limits limits, Outcome.Thresholds thresholds, OpenedBy openedBy, ZoneId defaultZone, Duration recentlyClosed,
    QuestionCaps caps, String publicUrl) {

  public static final Settings DEFAULTS = new Settings(
      Limits.DEFAULTS, Outcome.Thresholds.DEFAULTS, OpenedBy.ANYONE, ZoneId.of("UTC"), Duration.ofDays(14),
      QuestionCaps.DEFAULTS, "");

  public Settings(Limits limits, Outcome.Thresholds thresholds, OpenedBy openedBy, ZoneId defaultZone,
      Duration recentlyClosed, QuestionCaps caps) {
    this(limits, thresholds, openedBy, defaultZone, recentlyClosed, caps, "");
  }

  public Settings(
      Limits limits, Outcome.Thresholds thresholds, OpenedBy openedBy, ZoneId defaultZone, Duration recentlyClosed) {
    this(limits, thresholds, openedBy, defaultZone, recentlyClosed, QuestionCaps.DEFAULTS);
  }

  public Settings {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(openedBy, "openedBy");
    Objects.requireNonNull(defaultZone, "defaultZone");
    Objects.requireNonNull(recentlyClosed, "recentlyClosed");
    Objects.requireNonNull(caps, "caps");
    publicUrl = publicUrl.strip();
    while (publicUrl.endsWith("/")) {
      publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }
  }

  /** The same settings with reports shared under this base URL. */
  public Settings sharingAt(String url) {
    return new Settings(limits, thresholds, openedBy, defaultZone, recentlyClosed, caps, url);
  }

  /** Who may open a question. */
  public enum OpenedBy {
    ANYONE,
    FACILITATORS
  }

  /** Length limits, in characters. */
  public record Limits(
      int view, int title, int draft, int context, int forBody, int reason, int hideReason, Duration longestDeadline) {
    public static final Limits DEFAULTS = new Limits(1500, 200, 3500, 1500, 200, 1000, 300, Duration.ofDays(366));
  }
}
