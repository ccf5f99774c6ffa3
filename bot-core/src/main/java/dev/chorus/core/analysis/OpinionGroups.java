package dev.chorus.core.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Opinion groups: two principal components of the mean-filled, centred vote matrix by
 * power iteration on the sparse votes, members projected and scaled for how much they voted, then
 * k-means for k = 2 … 5 keeping the k with the best silhouette — or one group when no split is
 * clear. Above {@link #BASE_CLUSTER_THRESHOLD} members the members are first gathered into 100 base
 * clusters and the base clusters are grouped, so the cost stays linear in the votes.
 */
public final class OpinionGroups {
  public static final int BASE_CLUSTER_THRESHOLD = 1000;
  static final int BASE_CLUSTERS = 100;
  static final int BASE_CLUSTER_ROUNDS = 20;
  static final double MIN_SILHOUETTE = 0.25;
  static final int MIN_MEMBERS_TO_SPLIT = 6;
  private static final int POWER_ITERATIONS = 200;
  /** Power iteration stops when the direction moves less than this (sum of absolute changes). */
  private static final double CONVERGED = 1e-6;
  private static final long SEED = 20_151_122L;

  /**
   * Groups found.
   *
   * @param groupOf each member's group, or −1 for members not in the analysis (too few votes)
   * @param groups how many groups
   * @param projection each member's coordinates on the two components (0 for members not in)
   * @param silhouette the silhouette of the chosen split (0 with one group)
   */
  public record Result(int[] groupOf, int groups, double[][] projection, double silhouette) {
    public int size(int group) {
      int n = 0;
      for (int g : groupOf) {
        if (g == group) {
          n++;
        }
      }
      return n;
    }
  }

  /** Members "in" the analysis: at least min(3, statements) votes. */
  public static boolean[] inAnalysis(VoteMatrix votes) {
    var in = new boolean[votes.members()];
    int needed = Math.min(3, votes.statements());
    for (int i = 0; i < votes.members(); i++) {
      in[i] = votes.votesOf(i) >= Math.max(needed, 1);
    }
    return in;
  }

  public Result find(VoteMatrix votes) {
    var in = inAnalysis(votes);
    int inCount = 0;
    for (boolean b : in) {
      if (b) {
        inCount++;
      }
    }
    var groupOf = new int[votes.members()];
    Arrays.fill(groupOf, -1);
    var projection = project(votes, in);
    if (inCount == 0) {
      return new Result(groupOf, 0, projection, 0);
    }
    var members = new int[inCount];
    for (int i = 0, k = 0; i < votes.members(); i++) {
      if (in[i]) {
        members[k++] = i;
      }
    }
    var points = new double[inCount][];
    for (int k = 0; k < inCount; k++) {
      points[k] = projection[members[k]];
    }
    // Above the threshold, cluster base clusters (weighted by size) instead of members.
    double[][] units;
    double[] weights;
    int[] unitOf;
    if (inCount > BASE_CLUSTER_THRESHOLD) {
      // Base clusters only need to gather near neighbours, not to be optimal: one start, few rounds.
      var base = KMeans.cluster(points, null, BASE_CLUSTERS, SEED, 1, BASE_CLUSTER_ROUNDS);
      units = base.centres();
      weights = new double[units.length];
      unitOf = base.assignment();
      for (int u : unitOf) {
        weights[u]++;
      }
    } else {
      units = points;
      weights = null;
      unitOf = null;
    }
    int maxK = Math.min(5, inCount / 3);
    KMeans.Clustering best = null;
    double bestSilhouette = -1;
    if (inCount >= MIN_MEMBERS_TO_SPLIT) {
      for (int k = 2; k <= maxK && k <= units.length; k++) {
        var clustering = KMeans.cluster(units, weights, k, SEED + k);
        var silhouette = Silhouette.of(units, weights, clustering.assignment(), k);
        if (silhouette > bestSilhouette + 1e-12) {
          bestSilhouette = silhouette;
          best = clustering;
        }
      }
    }
    if (best == null || bestSilhouette < MIN_SILHOUETTE) {
      for (int member : members) {
        groupOf[member] = 0;
      }
      return new Result(groupOf, 1, projection, 0);
    }
    var order = orderBySize(best.assignment(), weights, best.centres().length);
    for (int k = 0; k < inCount; k++) {
      int unit = unitOf == null ? k : unitOf[k];
      groupOf[members[k]] = order[best.assignment()[unit]];
    }
    return new Result(groupOf, best.centres().length, projection, bestSilhouette);
  }

  /** Renumbers groups largest first, so group 0 is always the largest (ties by first member). */
  private static int[] orderBySize(int[] assignment, double @Nullable [] weights, int k) {
    var size = new double[k];
    var first = new int[k];
    Arrays.fill(first, Integer.MAX_VALUE);
    for (int u = 0; u < assignment.length; u++) {
      size[assignment[u]] += weights == null ? 1 : weights[u];
      first[assignment[u]] = Math.min(first[assignment[u]], u);
    }
    var ids = new Integer[k];
    for (int g = 0; g < k; g++) {
      ids[g] = g;
    }
    Arrays.sort(ids, (a, b) -> size[a] != size[b] ? Double.compare(size[b], size[a]) : Integer.compare(first[a], first[b]));
    var rank = new int[k];
    for (int r = 0; r < k; r++) {
      rank[ids[r]] = r;
    }
    return rank;
  }

  /** The first steps of finding groups: column means, two components, members' scaled projections. */
  static double[][] project(VoteMatrix votes, boolean[] in) {
    int m = votes.statements();
    var mean = new double[m];
    var seen = new int[m];
    for (int j = 0; j < m; j++) {
      for (int c = votes.columnFrom(j); c < votes.columnTo(j); c++) {
        if (in[votes.memberAt(c)]) {
          mean[j] += votes.columnValueAt(c);
          seen[j]++;
        }
      }
      mean[j] = seen[j] == 0 ? 0 : mean[j] / seen[j];
    }
    // The centred votes, row by row (members not in the analysis contribute nothing): mean-filled
    // unseen cells centre to 0, so only the votes themselves are ever touched.
    var centred = new double[votes.votes()];
    for (int i = 0; i < votes.members(); i++) {
      if (in[i]) {
        for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
          centred[r] = votes.valueAt(r) - mean[votes.statementAt(r)];
        }
      }
    }
    var first = component(votes, centred, null);
    var second = component(votes, centred, first);
    var projection = new double[votes.members()][2];
    for (int i = 0; i < votes.members(); i++) {
      if (!in[i]) {
        continue;
      }
      double x = 0;
      double y = 0;
      for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
        int j = votes.statementAt(r);
        x += centred[r] * first[j];
        y += centred[r] * second[j];
      }
      double scale = Math.sqrt((double) m / Math.max(votes.votesOf(i), 1));
      projection[i][0] = x * scale;
      projection[i][1] = y * scale;
    }
    return projection;
  }

  /** A principal component by power iteration on XᵀX, orthogonal to {@code previous} when given. */
  private static double[] component(VoteMatrix votes, double[] centred, double @Nullable [] previous) {
    int m = votes.statements();
    var v = new double[m];
    var random = new SplittableRandom(SEED);
    for (int j = 0; j < m; j++) {
      v[j] = random.nextDouble() - 0.5;
    }
    orthonormalise(v, previous);
    var next = new double[m];
    for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
      Arrays.fill(next, 0);
      for (int i = 0; i < votes.members(); i++) {
        int from = votes.rowFrom(i);
        int to = votes.rowTo(i);
        double y = 0;
        for (int r = from; r < to; r++) {
          y += centred[r] * v[votes.statementAt(r)];
        }
        if (y != 0) {
          for (int r = from; r < to; r++) {
            next[votes.statementAt(r)] += centred[r] * y;
          }
        }
      }
      if (!orthonormalise(next, previous)) {
        // No variation left: every member stands in the same place on this axis.
        return new double[m];
      }
      double change = 0;
      for (int j = 0; j < m; j++) {
        change += Math.abs(next[j] - v[j]);
      }
      System.arraycopy(next, 0, v, 0, m);
      if (change < CONVERGED) {
        break;
      }
    }
    // A fixed sign, so the same votes always give the same picture.
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    if (sum < 0) {
      for (int j = 0; j < m; j++) {
        v[j] = -v[j];
      }
    }
    return v;
  }

  /** Removes the part along {@code previous} and scales to length 1; false when nothing is left. */
  private static boolean orthonormalise(double[] v, double @Nullable [] previous) {
    if (previous != null) {
      double dot = 0;
      for (int j = 0; j < v.length; j++) {
        dot += v[j] * previous[j];
      }
      for (int j = 0; j < v.length; j++) {
        v[j] -= dot * previous[j];
      }
    }
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm < 1e-12 || Double.isNaN(norm)) {
      Arrays.fill(v, 0);
      return false;
    }
    for (int j = 0; j < v.length; j++) {
      v[j] /= norm;
    }
    return true;
  }
}
