package dev.chorus.core.analysis;

import java.util.HashMap;

/** Agreement between two groupings, corrected for chance: 1 identical, about 0 random. */
public final class AdjustedRandIndex {
  private AdjustedRandIndex() {}

  /** The index and how many members both groupings placed (a group ≥ 0 in both). */
  public record Comparison(double ari, int members) {}

  public static Comparison of(int[] a, int[] b) {
    var table = new HashMap<Long, Integer>();
    var rows = new HashMap<Integer, Integer>();
    var columns = new HashMap<Integer, Integer>();
    int n = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] < 0 || b[i] < 0) {
        continue;
      }
      n++;
      table.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
      rows.merge(a[i], 1, Integer::sum);
      columns.merge(b[i], 1, Integer::sum);
    }
    if (n < 2) {
      return new Comparison(Double.NaN, n);
    }
    double index = 0;
    for (int count : table.values()) {
      index += pairs(count);
    }
    double rowPairs = 0;
    for (int count : rows.values()) {
      rowPairs += pairs(count);
    }
    double columnPairs = 0;
    for (int count : columns.values()) {
      columnPairs += pairs(count);
    }
    double expected = rowPairs * columnPairs / pairs(n);
    double max = (rowPairs + columnPairs) / 2;
    if (max == expected) {
      return new Comparison(1.0, n);
    }
    return new Comparison((index - expected) / (max - expected), n);
  }

  private static double pairs(int count) {
    return count * (count - 1) / 2.0;
  }
}
