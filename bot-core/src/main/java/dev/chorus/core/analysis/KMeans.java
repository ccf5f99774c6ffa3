package dev.chorus.core.analysis;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Weighted k-means on points of any dimension: k-means++ seeding from a fixed seed, Lloyd's
 * iterations, the best of a few seeded starts by within-cluster sum of squares. Deterministic.
 * Public for the benchmarks' naive baseline, which clusters every member with it directly.
 */
public final class KMeans {
  static final int STARTS = 4;
  static final int MAX_ITERATIONS = 100;

  private KMeans() {}

  /** Centres, and each point's cluster. */
  public record Clustering(double[][] centres, int[] assignment, double inertia) {}

  public static Clustering cluster(double[][] points, double @Nullable [] weights, int k, long seed) {
    return cluster(points, weights, k, seed, STARTS, MAX_ITERATIONS);
  }

  /** As {@link #cluster(double[][], double[], int, long)}, with the number of starts and iterations given. */
  static Clustering cluster(
      double[][] points, double @Nullable [] weights, int k, long seed, int starts, int maxIterations) {
    int clusters = Math.min(k, points.length);
    Clustering best = null;
    for (int start = 0; start < starts; start++) {
      var random = new SplittableRandom(seed * 31 + start);
      var run = lloyd(points, weights, seeds(points, weights, clusters, random), maxIterations);
      if (best == null || run.inertia() < best.inertia() - 1e-12) {
        best = run;
      }
    }
    // starts is at least 1 (STARTS, or 1 for the base clustering), so the loop set best.
    return Objects.requireNonNull(best);
  }

  private static double[][] seeds(double[][] points, double @Nullable [] weights, int k, SplittableRandom random) {
    int n = points.length;
    var centres = new double[k][];
    var distance = new double[n];
    centres[0] = points[pick(weightsOr1(weights, n), random)].clone();
    Arrays.fill(distance, Double.MAX_VALUE);
    for (int c = 1; c < k; c++) {
      var chance = new double[n];
      for (int i = 0; i < n; i++) {
        distance[i] = Math.min(distance[i], squared(points[i], centres[c - 1]));
        chance[i] = distance[i] * (weights == null ? 1 : weights[i]);
      }
      centres[c] = points[pick(chance, random)].clone();
    }
    return centres;
  }

  private static double[] weightsOr1(double @Nullable [] weights, int n) {
    if (weights != null) {
      return weights;
    }
    var ones = new double[n];
    Arrays.fill(ones, 1);
    return ones;
  }

  /** An index drawn with probability proportional to its weight (uniform when all are 0). */
  private static int pick(double[] weight, SplittableRandom random) {
    double total = 0;
    for (double w : weight) {
      total += w;
    }
    if (total <= 0) {
      return random.nextInt(weight.length);
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < weight.length; i++) {
      target -= weight[i];
      if (target < 0) {
        return i;
      }
    }
    return weight.length - 1;
  }

  private static Clustering lloyd(double[][] points, double @Nullable [] weights, double[][] centres, int maxIterations) {
    int n = points.length;
    int k = centres.length;
    int dimensions = points.length == 0 ? 0 : points[0].length;
    var assignment = new int[n];
    Arrays.fill(assignment, -1);
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      boolean moved = false;
      for (int i = 0; i < n; i++) {
        int nearest = nearest(points[i], centres);
        if (nearest != assignment[i]) {
          assignment[i] = nearest;
          moved = true;
        }
      }
      if (!moved) {
        break;
      }
      var sum = new double[k][dimensions];
      var mass = new double[k];
      for (int i = 0; i < n; i++) {
        double w = weights == null ? 1 : weights[i];
        mass[assignment[i]] += w;
        for (int d = 0; d < dimensions; d++) {
          sum[assignment[i]][d] += w * points[i][d];
        }
      }
      for (int c = 0; c < k; c++) {
        if (mass[c] > 0) {
          for (int d = 0; d < dimensions; d++) {
            centres[c][d] = sum[c][d] / mass[c];
          }
        }
      }
    }
    // Drop clusters that ended up empty, keeping the numbering dense.
    var used = new boolean[k];
    for (int a : assignment) {
      used[a] = true;
    }
    var renumber = new int[k];
    int kept = 0;
    for (int c = 0; c < k; c++) {
      renumber[c] = used[c] ? kept++ : -1;
    }
    var keptCentres = new double[kept][];
    for (int c = 0; c < k; c++) {
      if (used[c]) {
        keptCentres[renumber[c]] = centres[c];
      }
    }
    double inertia = 0;
    for (int i = 0; i < n; i++) {
      assignment[i] = renumber[assignment[i]];
      inertia += (weights == null ? 1 : weights[i]) * squared(points[i], keptCentres[assignment[i]]);
    }
    return new Clustering(keptCentres, assignment, inertia);
  }

  static int nearest(double[] point, double[][] centres) {
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int c = 0; c < centres.length; c++) {
      double d = squared(point, centres[c]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  static double squared(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double diff = a[d] - b[d];
      sum += diff * diff;
    }
    return sum;
  }
}
