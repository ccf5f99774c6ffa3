package dev.chorus.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten members in two clear camps share views and react in the shell; the draft Chorus writes holds
 * what both camps agreed with, shows the camps' split, and leaves nobody out (coverage 100 %).
 */
class ChorusWrittenDraftTest {
  private static final List<String> CAMP_A = List.of("ana", "ben", "cy", "dan", "eve");
  private static final List<String> CAMP_B = List.of("fay", "gus", "hal", "ivy", "jon");
  private static final List<String> VIEWS = List.of(
      "Adopt the certification scheme now",
      "Certification proves our quality to clients",
      "A common standard makes hiring easier",
      "Newcomers need mentoring whatever we decide",
      "The scheme's fee is a fair price for the recognition",
      "The scheme is too expensive for small practices",
      "Certification adds paperwork without value",
      "Our reputation already shows our quality",
      "Any decision must be reviewed after one year",
      "We should wait for the national standard");
  private static final int SHARED_BY_BOTH_A = 3;
  private static final int SHARED_BY_BOTH_B = 8;

  @Test
  void theDraftHoldsTheCommonGroundShowsTheSplitAndHearsEveryone() throws Exception {
    var shell = new ShellHarness();
    shell.run(twoCamps() + ":as ana\n/respond draft\n");
    var draft = shell.question(1).latestDraft().orElseThrow();
    assertThat(draft.byChorus()).isTrue();
    var text = draft.text();
    var agree = section(text, "Where we agree");
    assertThat(agree).contains(VIEWS.get(SHARED_BY_BOTH_A)).contains(VIEWS.get(SHARED_BY_BOTH_B));
    for (int v = 0; v < VIEWS.size(); v++) {
      if (v != SHARED_BY_BOTH_A && v != SHARED_BY_BOTH_B) {
        assertThat(agree).as("a camp's own view is no common ground").doesNotContain(VIEWS.get(v));
      }
    }
    var differ = section(text, "Where we differ");
    assertThat(differ).contains("Group A").contains("Group B").containsPattern("Group A (100|[89]\\d)% agree")
        .containsPattern("Group B ([0-9]|1\\d)% agree|Group B (100|[89]\\d)% agree");
    assertThat(differ).contains("(5 members)");
    assertThat(text).contains("Coverage: 100%");
    assertThat(shell.output()).contains("Written by Chorus from the members' views.");
  }

  @Test
  void theOutcomeShowsTheGroupWeightedEstimateBesideTheMembersOwnVotes() throws Exception {
    var shell = new ShellHarness();
    var script = new StringBuilder(twoCamps());
    script.append(":as ana\n/respond draft We adopt the scheme for a trial year.\n");
    // Camp A is one member short of the other but weighs the same per member: 4 of A agree, all 5 of B disagree.
    for (var member : members()) {
      if (member.equals("eve")) {
        continue;
      }
      script.append(":as ").append(member).append("\n/respond vote v1 ")
          .append(CAMP_A.contains(member) ? "agree" : "disagree").append('\n');
    }
    script.append(":as ana\n/respond close\n");
    var output = shell.run(script.toString());

    var outcome = shell.question(1).latestOutcome().orElseThrow();
    assertThat(outcome.tally().agree()).isEqualTo(4);
    assertThat(outcome.tally().disagree()).isEqualTo(5);
    var estimate = outcome.estimate();
    assertThat(estimate).isNotNull();
    assertThat(estimate.perGroup()).containsExactlyInAnyOrder(1.0, 0.0);
    assertThat(estimate.whole()).isEqualTo(0.5);
    assertThat(output).contains("Support across the opinion groups, each weighted by its size: 50%");
  }

  private static List<String> members() {
    var members = new java.util.ArrayList<String>(CAMP_A);
    members.addAll(CAMP_B);
    return members;
  }

  /** Ten members, two camps: views, then reactions agreeing with their camp and with the two shared views. */
  private static String twoCamps() {
    var script = new StringBuilder(":as ana\n/respond open Should our guild adopt the new certification scheme?\n");
    for (int v = 0; v < VIEWS.size(); v++) {
      script.append(":as ").append(members().get(v)).append('\n').append("/respond ").append(VIEWS.get(v)).append('\n');
    }
    // View V(k+1) is message k+2: the card is message 1.
    for (var member : members()) {
      boolean inA = CAMP_A.contains(member);
      script.append(":as ").append(member).append('\n');
      for (int v = 0; v < VIEWS.size(); v++) {
        boolean shared = v == SHARED_BY_BOTH_A || v == SHARED_BY_BOTH_B;
        boolean ownCamp = (v < 5) == inA;
        script.append(":react ").append(v + 2).append(' ').append(shared || ownCamp ? "👍" : "👎").append('\n');
      }
    }
    return script.toString();
  }

  /** The lines of a draft section, up to the next blank line. */
  private static String section(String text, String heading) {
    int start = text.indexOf(heading + "\n");
    assertThat(start).as("section " + heading + " in:\n" + text).isNotNegative();
    int end = text.indexOf("\n\n", start);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
