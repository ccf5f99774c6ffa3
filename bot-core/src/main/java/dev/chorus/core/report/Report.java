package dev.chorus.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a report shows, in the words and numbers it shows them. Each statement quoted anywhere
 * carries its id and its votes, so a reader can check every sentence against the votes behind it.
 * Names appear only where the audience allows them: never in an anonymous question, never on a
 * shared page.
 *
 * @param language the page's language (BCP 47)
 * @param generatedAt when the report was made; the question may change after
 */
public record Report(
    String language,
    Subject subject,
    List<Moment> timeline,
    Optional<Result> result,
    Dissent dissent,
    List<DraftEntry> drafts,
    List<AmendmentEntry> amendments,
    Participation participation,
    Landscape landscape,
    Instant generatedAt) {

  public Report {
    timeline = List.copyOf(timeline);
    drafts = List.copyOf(drafts);
    amendments = List.copyOf(amendments);
  }

  /**
   * What the report is about.
   *
   * @param reference how to find it again: "Q3 in #policy", or the Polis conversation's name
   * @param state "open", "closed", or "" where it has none (a Polis conversation)
   */
  public record Subject(String title, String context, String forBody, String reference, String state,
      boolean anonymous) {}

  /** Something that happened, in order. */
  public record Moment(Instant at, String what) {}

  /**
   * A statement as quoted: its id, words and votes.
   *
   * @param author the author's name where the audience may see it, else null
   */
  public record Quoted(String id, String text, int agree, int disagree, int pass, @Nullable String author) {
    public int votes() {
      return agree + disagree + pass;
    }
  }

  /**
   * The outcome of a closed question.
   *
   * @param level "consensus", "broad support", "majority" or "no consensus"
   * @param rule the exact rule that gave this level, with the numbers that met it
   * @param adoptedVersion the draft it closed on ("v3"), or "" when it closed without one
   * @param closedBy who closed it, where the audience may see it
   */
  public record Result(String level, String rule, Tally tally, String adoptedVersion, String adoptedText,
      int membersWithView, int quorum, Instant closedAt, @Nullable String closedBy) {}

  /** Votes on a draft. */
  public record Tally(int agree, int abstain, int disagree, int block) {
    public int voters() {
      return agree + abstain + disagree + block;
    }
  }

  /**
   * The dissent annex: nothing a member objected with is left out of the deliverable.
   *
   * @param blocks each block of the adopted draft, with its reason
   * @param disagreements each member who disagreed with the adopted draft, with their own view
   * @param unquotedDisagreements disagreements counted but not quoted: an anonymous question's
   * @param minority the views few members share, or that a small group holds
   */
  public record Dissent(List<Objection> blocks, List<Objection> disagreements, int unquotedDisagreements,
      List<Quoted> minority) {
    public Dissent {
      blocks = List.copyOf(blocks);
      disagreements = List.copyOf(disagreements);
      minority = List.copyOf(minority);
    }

    public boolean empty() {
      return blocks.isEmpty() && disagreements.isEmpty() && unquotedDisagreements == 0 && minority.isEmpty();
    }
  }

  /**
   * One objection.
   *
   * @param who a name, or "a member" where names are not shown
   */
  public record Objection(String who, String words) {}

  /**
   * A draft and what became of it.
   *
   * @param writtenBy "Chorus", a name, or "a facilitator" where names are not shown
   * @param fate "adopted", "replaced by v3", "the latest draft", …
   * @param blocks each block of this draft, with its reason: a block on an earlier draft is often
   *     what the next one answers
   */
  public record DraftEntry(String version, String text, String writtenBy, Instant postedAt, Tally tally,
      String fate, List<Objection> blocks) {
    public DraftEntry {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * An amendment and what became of it.
   *
   * @param amends the draft it proposed to change ("v2")
   */
  public record AmendmentEntry(Quoted amendment, String amends, String fate) {}

  /**
   * Who could take part and who did.
   *
   * @param whoCould in words: "the members of #policy"
   * @param participants members who shared a view or voted
   * @param sharedView members with a view
   * @param voted members who voted on a view, an amendment or a draft
   */
  public record Participation(String whoCould, int participants, int sharedView, int voted) {}

  /**
   * The opinion landscape.
   *
   * @param map empty when no one has enough votes to be placed
   * @param commonGround what every group agrees on, with each group's shares
   * @param divisive where the groups part, with each group's shares
   * @param coverage the share of {@code coverageOf} whose views the latest Chorus-written draft uses,
   *     or empty without one
   */
  public record Landscape(Optional<OpinionMap> map, List<StatementBars> commonGround, List<StatementBars> divisive,
      Optional<Double> coverage, String coverageOf) {
    public Landscape {
      commonGround = List.copyOf(commonGround);
      divisive = List.copyOf(divisive);
    }
  }

  /**
   * Members as points in the analysis' two dimensions, by group. Nobody is named; a group below
   * {@code minimumGroupSize} is not drawn, since a point in a tiny group could point to a person.
   *
   * @param notDrawn members placed in a group too small to draw
   * @param notPlaced members with too few votes to be placed
   */
  public record OpinionMap(List<Group> groups, List<Point> points, int minimumGroupSize, int notDrawn,
      int notPlaced) {
    public OpinionMap {
      groups = List.copyOf(groups);
      points = List.copyOf(points);
    }

    /** The members it draws. */
    public int drawn() {
      return points.size();
    }

    /** The map in words: its text alternative wherever it is shown. */
    public String description() {
      var text = new StringBuilder(points.isEmpty() ? "The opinion map has no one to draw yet."
          : "Opinion map: each dot is a member, placed by how they voted; members who vote alike are near each "
              + "other. No one is named.");
      for (var group : groups) {
        if (group.drawn()) {
          text.append(' ').append(group.label()).append(": ").append(group.size())
              .append(group.size() == 1 ? " member." : " members.");
        }
      }
      if (notDrawn > 0) {
        text.append(' ').append(notDrawn).append(notDrawn == 1 ? " member is" : " members are")
            .append(" in groups of fewer than ").append(minimumGroupSize).append(" members, counted but not drawn.");
      }
      if (notPlaced > 0) {
        text.append(' ').append(notPlaced).append(notPlaced == 1 ? " member has" : " members have")
            .append(" too few votes to be placed.");
      }
      return text.toString();
    }
  }

  /**
   * An opinion group.
   *
   * @param index its place among the groups: its colour and shape
   * @param label "Group A"
   * @param drawn whether it is large enough to draw
   */
  public record Group(int index, String label, int size, boolean drawn) {}

  /** One member, unnamed, at coordinates scaled to [−1, 1]. */
  public record Point(double x, double y, int group) {}

  /** A statement with each drawn group's shares of agree, disagree and pass among its votes there. */
  public record StatementBars(Quoted statement, List<GroupShares> groups) {
    public StatementBars {
      groups = List.copyOf(groups);
    }
  }

  /**
   * One group's votes on one statement.
   *
   * @param seen how many of the group voted on it
   */
  public record GroupShares(int group, String label, double agree, double disagree, double pass, int seen) {}
}
