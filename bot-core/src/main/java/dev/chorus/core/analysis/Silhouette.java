package dev.chorus.core.analysis;

import org.jspecify.annotations.Nullable;

/**
 * The weighted mean silhouette of a clustering: how much closer points are to their own cluster than
 * to the next. Public for the benchmarks' naive baseline, which scores its clusterings with it.
 */
public final class Silhouette {
  private Silhouette() {}

  public static double of(double[][] points, double @Nullable [] weights, int[] assignment, int k) {
    int n = points.length;
    if (k < 2 || n < 2) {
      return 0;
    }
    double total = 0;
    double mass = 0;
    var distanceTo = new double[k];
    var clusterMass = new double[k];
    for (int i = 0; i < n; i++) {
      clusterMass[assignment[i]] += weights == null ? 1 : weights[i];
    }
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(distanceTo, 0);
      for (int j = 0; j < n; j++) {
        if (i != j) {
          distanceTo[assignment[j]] += (weights == null ? 1 : weights[j]) * Math.sqrt(KMeans.squared(points[i], points[j]));
        }
      }
      int own = assignment[i];
      double selfWeight = weights == null ? 1 : weights[i];
      // Within its own cluster a point (or base cluster) weighs its other members only.
      double ownMass = clusterMass[own] - selfWeight;
      double a = ownMass > 0 ? distanceTo[own] / ownMass : 0;
      double b = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        if (c != own && clusterMass[c] > 0) {
          b = Math.min(b, distanceTo[c] / clusterMass[c]);
        }
      }
      double s = ownMass <= 0 || b == Double.MAX_VALUE ? 0 : (b - a) / Math.max(a, b);
      if (Double.isNaN(s)) {
        s = 0;
      }
      total += selfWeight * s;
      mass += selfWeight;
    }
    return mass == 0 ? 0 : total / mass;
  }
}
