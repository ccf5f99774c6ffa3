package dev.chorus.core.draft;

import dev.chorus.core.analysis.OpinionGroups;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.Question;
import java.util.ArrayList;
import java.util.Optional;

/** The group-weighted support estimate of a draft, from the groups the statement votes show. */
public final class DraftSupport {
  private DraftSupport() {}

  public static Optional<Outcome.SupportEstimate> estimate(Question question, Draft draft) {
    if (draft.ballots().isEmpty() || question.activeStatements().isEmpty()) {
      return Optional.empty();
    }
    var input = QuestionVotes.of(question);
    var groups = new OpinionGroups().find(input.votes());
    int g = groups.groups();
    var agree = new int[g];
    var voted = new int[g];
    draft.ballots().forEach((member, ballot) -> {
      var row = input.members().get(member);
      int group = row == null ? -1 : groups.groupOf()[row];
      if (group >= 0 && ballot.choice() != DraftChoice.ABSTAIN) {
        voted[group]++;
        if (ballot.choice() == DraftChoice.AGREE) {
          agree[group]++;
        }
      }
    });
    var perGroup = new ArrayList<Double>();
    double weighted = 0;
    double weight = 0;
    for (int group = 0; group < g; group++) {
      if (voted[group] == 0) {
        perGroup.add(Double.NaN);
        continue;
      }
      double share = (double) agree[group] / voted[group];
      perGroup.add(share);
      weighted += groups.size(group) * share;
      weight += groups.size(group);
    }
    return weight == 0 ? Optional.empty() : Optional.of(new Outcome.SupportEstimate(perGroup, weighted / weight));
  }
}
