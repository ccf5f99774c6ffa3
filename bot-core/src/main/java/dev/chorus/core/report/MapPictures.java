package dev.chorus.core.report;

import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Picture;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The opinion map in the question's thread, when Chorus writes a draft and when an outcome is
 * published: members see where they stand at the moments that matter. Only once enough members
 * have voted for a map to say something, and never with a name.
 */
public final class MapPictures {
  /** Fewer voters make a map of a handful of dots that says little and points at people. */
  public static final int MINIMUM_VOTERS = 6;
  private static final System.Logger LOG = System.getLogger(MapPictures.class.getName());

  private final Reports reports;
  private final Clock clock;

  public MapPictures(Reports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  /** The decision with the map posted after its other effects, when its question now has one to show. */
  public Decision after(Decision decision, String occasion) {
    if (!(decision instanceof Decision.Accepted accepted) || accepted.writes().isEmpty()) {
      return decision;
    }
    return post(accepted.writes().get(0), occasion).<Decision>map(post -> {
      var effects = new ArrayList<Effect>(accepted.effects());
      effects.add(post);
      return new Decision.Accepted(accepted.writes(), effects, accepted.erasesWords());
    }).orElse(decision);
  }

  /** The same for a decision known to be accepted. */
  public Decision.Accepted after(Decision.Accepted decision, String occasion) {
    return (Decision.Accepted) after((Decision) decision, occasion);
  }

  /**
   * The map of the question as it now stands, as a post in its thread.
   *
   * @param occasion what just happened, to open the caption: "Draft v3 is written"
   */
  public Optional<Effect.Post> post(Question question, String occasion) {
    // Counted before any analysis: most drafts and closes come before six members have voted.
    int voters = ReportContent.voters(question);
    if (voters < MINIMUM_VOTERS) {
      return Optional.empty();
    }
    Optional<Reports.Picture> map;
    try {
      map = reports.map(ReportContent.forMap(question, clock.instant()));
    } catch (RuntimeException e) {
      // The draft or outcome matters; its picture never holds it up, whatever went wrong with the picture.
      Failures.log(LOG, System.Logger.Level.WARNING, "the opinion map of " + question.id() + " could not be drawn", e);
      return Optional.empty();
    }
    return map.map(picture -> new Effect.Post(new Place.QuestionThread(question.channel(), question.id()),
        Card.of(new Block.Paragraph(Text.of(occasion + ": the opinion map of " + question.id() + ", from "
            + voters + " members' votes. Each dot is a member, unnamed.")))
            .with(new Picture("chorus-" + question.id() + "-map.png", picture.png(), picture.altText())),
        null));
  }
}
