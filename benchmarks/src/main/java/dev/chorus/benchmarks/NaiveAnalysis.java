package dev.chorus.benchmarks;

import dev.chorus.core.analysis.KMeans;
import dev.chorus.core.analysis.OpinionGroups;
import dev.chorus.core.analysis.Silhouette;
import dev.chorus.core.analysis.VoteMatrix;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The baseline the benchmark compares against: the same steps as {@link dev.chorus.core.analysis.Landscape}, done the
 * straightforward way — a dense members × statements matrix, mean-filled; components by dense
 * matrix products; every member clustered directly (silhouette over all pairs); per-statement
 * counts by scanning the whole matrix once per group.
 */
final class NaiveAnalysis {
  private NaiveAnalysis() {}

  static Object run(VoteMatrix votes) {
    int n = votes.members();
    int m = votes.statements();
    var dense = new double[n][m];
    var seen = new boolean[n][m];
    for (int i = 0; i < n; i++) {
      for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
        dense[i][votes.statementAt(r)] = votes.valueAt(r);
        seen[i][votes.statementAt(r)] = true;
      }
    }
    var in = OpinionGroups.inAnalysis(votes);
    var mean = new double[m];
    for (int j = 0; j < m; j++) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (in[i] && seen[i][j]) {
          mean[j] += dense[i][j];
          count++;
        }
      }
      mean[j] = count == 0 ? 0 : mean[j] / count;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        dense[i][j] = in[i] && seen[i][j] ? dense[i][j] - mean[j] : 0;
      }
    }
    var first = component(dense, null);
    var second = component(dense, first);
    int inCount = 0;
    for (boolean b : in) {
      if (b) {
        inCount++;
      }
    }
    var points = new double[inCount][2];
    var members = new int[inCount];
    for (int i = 0, k = 0; i < n; i++) {
      if (in[i]) {
        int votesOf = 0;
        for (int j = 0; j < m; j++) {
          if (seen[i][j]) {
            votesOf++;
          }
        }
        double scale = Math.sqrt((double) m / Math.max(votesOf, 1));
        for (int j = 0; j < m; j++) {
          points[k][0] += dense[i][j] * first[j] * scale;
          points[k][1] += dense[i][j] * second[j] * scale;
        }
        members[k++] = i;
      }
    }
    KMeans.Clustering best = null;
    double bestSilhouette = -1;
    for (int k = 2; k <= Math.min(5, inCount / 3); k++) {
      var clustering = KMeans.cluster(points, null, k, k);
      var silhouette = Silhouette.of(points, null, clustering.assignment(), k);
      if (silhouette > bestSilhouette) {
        bestSilhouette = silhouette;
        best = clustering;
      }
    }
    var groupOf = new int[n];
    Arrays.fill(groupOf, -1);
    int groups = best == null ? 1 : best.centres().length;
    for (int k = 0; k < inCount; k++) {
      groupOf[members[k]] = best == null ? 0 : best.assignment()[k];
    }
    var agree = new int[groups + 1][m];
    var disagree = new int[groups + 1][m];
    for (int g = 0; g <= groups; g++) {
      for (int i = 0; i < n; i++) {
        if (g < groups && groupOf[i] != g) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          if (seen[i][j]) {
            double value = dense[i][j] + (in[i] ? mean[j] : 0);
            if (value > 0.5) {
              agree[g][j]++;
            } else if (value < -0.5) {
              disagree[g][j]++;
            }
          }
        }
      }
    }
    return new Object[] {groupOf, agree, disagree};
  }

  private static double[] component(double[][] x, double @Nullable [] previous) {
    int n = x.length;
    int m = n == 0 ? 0 : x[0].length;
    var v = new double[m];
    Arrays.fill(v, 1 / Math.sqrt(Math.max(m, 1)));
    var y = new double[n];
    for (int iteration = 0; iteration < 200; iteration++) {
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += x[i][j] * v[j];
        }
        y[i] = sum;
      }
      var next = new double[m];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          next[j] += x[i][j] * y[i];
        }
      }
      if (previous != null) {
        double dot = 0;
        for (int j = 0; j < m; j++) {
          dot += next[j] * previous[j];
        }
        for (int j = 0; j < m; j++) {
          next[j] -= dot * previous[j];
        }
      }
      double norm = 0;
      for (double value : next) {
        norm += value * value;
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        return next;
      }
      double change = 0;
      for (int j = 0; j < m; j++) {
        next[j] /= norm;
        change += Math.abs(next[j] - v[j]);
      }
      v = next;
      if (change < 1e-10) {
        break;
      }
    }
    return v;
  }
}
