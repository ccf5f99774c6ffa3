package dev.chorus.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Held-out vote prediction: for each seed, hide a random 10 % of the agree and
 * disagree votes, fit on the rest, and count how many hidden votes' signs each model predicts.
 * Every model sees the same splits.
 */
public final class HeldOut {
  public static final double HIDDEN_SHARE = 0.1;

  private HeldOut() {}

  /** Mean accuracy over the seeds and its (population) standard deviation, per model in order. */
  public record Accuracy(double mean, double std, double[] perSeed) {}

  public static List<Accuracy> evaluate(VoteMatrix votes, List<VotePredictor> models, int firstSeed, int lastSeed) {
    int seeds = lastSeed - firstSeed + 1;
    var perModel = new double[models.size()][seeds];
    for (int seed = firstSeed; seed <= lastSeed; seed++) {
      var split = split(votes, seed);
      for (int model = 0; model < models.size(); model++) {
        var fitted = models.get(model).fit(split.training());
        int right = 0;
        for (int h = 0; h < split.hiddenMember().length; h++) {
          if (fitted.predict(split.hiddenMember()[h], split.hiddenStatement()[h]) == split.hiddenValue()[h]) {
            right++;
          }
        }
        perModel[model][seed - firstSeed] = split.hiddenMember().length == 0 ? 0 : (double) right / split.hiddenMember().length;
      }
    }
    var results = new ArrayList<Accuracy>();
    for (var accuracies : perModel) {
      double mean = 0;
      for (double a : accuracies) {
        mean += a;
      }
      mean /= seeds;
      double variance = 0;
      for (double a : accuracies) {
        variance += (a - mean) * (a - mean);
      }
      results.add(new Accuracy(mean, Math.sqrt(variance / seeds), accuracies));
    }
    return results;
  }

  /** The training votes and the hidden ones of one seed. */
  record Split(VoteMatrix training, int[] hiddenMember, int[] hiddenStatement, int[] hiddenValue) {}

  static Split split(VoteMatrix votes, long seed) {
    // Row indexes of the agree and disagree votes; passes are never hidden.
    var candidates = new int[votes.votes()];
    int count = 0;
    for (int r = 0; r < votes.votes(); r++) {
      if (votes.valueAt(r) != 0) {
        candidates[count++] = r;
      }
    }
    // Partial Fisher–Yates: the first `hide` positions are the hidden votes.
    var random = new SplittableRandom(seed);
    int hide = (int) Math.round(count * HIDDEN_SHARE);
    var hidden = new boolean[votes.votes()];
    for (int h = 0; h < hide; h++) {
      int pick = h + random.nextInt(count - h);
      int swap = candidates[pick];
      candidates[pick] = candidates[h];
      candidates[h] = swap;
      hidden[swap] = true;
    }
    var training = VoteMatrix.builder(votes.members(), votes.statements());
    var hiddenMember = new int[hide];
    var hiddenStatement = new int[hide];
    var hiddenValue = new int[hide];
    int h = 0;
    for (int i = 0; i < votes.members(); i++) {
      for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
        if (hidden[r]) {
          hiddenMember[h] = i;
          hiddenStatement[h] = votes.statementAt(r);
          hiddenValue[h] = votes.valueAt(r);
          h++;
        } else {
          training.add(i, votes.statementAt(r), votes.valueAt(r));
        }
      }
    }
    return new Split(training.build(), hiddenMember, hiddenStatement, hiddenValue);
  }
}
