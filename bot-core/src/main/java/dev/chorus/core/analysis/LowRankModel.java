package dev.chorus.core.analysis;

import java.util.SplittableRandom;

/**
 * A regularised low-rank model of the vote matrix, as Community Notes uses:
 * {@code vote ≈ μ + b_member + c_statement + u_member · v_statement}, fitted by alternating least
 * squares on the observed votes. Its sign predicts a vote; the statement terms alone predict for a
 * member with no votes.
 */
public final class LowRankModel implements VotePredictor {
  private final int rank;
  private final double lambda;
  private final int iterations;

  public LowRankModel(int rank, double lambda, int iterations) {
    this.rank = rank;
    this.lambda = lambda;
    this.iterations = iterations;
  }

  /** The settings Chorus uses. */
  public static LowRankModel standard() {
    return new LowRankModel(3, 4.0, 12);
  }

  @Override
  public Fitted fit(VoteMatrix votes) {
    int n = votes.members();
    int m = votes.statements();
    int k = rank;
    double mu = 0;
    for (int r = 0; r < votes.votes(); r++) {
      mu += votes.valueAt(r);
    }
    mu = votes.votes() == 0 ? 0 : mu / votes.votes();
    // [bias, factors...] per member and per statement.
    var member = new double[n][k + 1];
    var statement = new double[m][k + 1];
    var random = new SplittableRandom(7);
    randomFactors(statement, random);
    randomFactors(member, random);
    var a = new double[k + 1][k + 1];
    var b = new double[k + 1];
    var x = new double[k + 1];
    // Alternating least squares: each member's terms given the statements', then the other way round.
    for (int iteration = 0; iteration < iterations; iteration++) {
      for (int i = 0; i < n; i++) {
        clear(a, b);
        for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
          observe(a, b, x, statement[votes.statementAt(r)], votes.valueAt(r) - mu);
        }
        solveInto(a, b, member[i]);
      }
      for (int j = 0; j < m; j++) {
        clear(a, b);
        for (int c = votes.columnFrom(j); c < votes.columnTo(j); c++) {
          observe(a, b, x, member[votes.memberAt(c)], votes.columnValueAt(c) - mu);
        }
        solveInto(a, b, statement[j]);
      }
    }
    final double mean = mu;
    return (i, j) -> {
      var u = member[i];
      var v = statement[j];
      double score = mean + u[0] + v[0];
      for (int d = 1; d <= k; d++) {
        score += u[d] * v[d];
      }
      return score >= 0 ? 1 : -1;
    };
  }

  private static void randomFactors(double[][] rows, SplittableRandom random) {
    for (var row : rows) {
      for (int d = 1; d < row.length; d++) {
        row[d] = (random.nextDouble() - 0.5) * 0.1;
      }
    }
  }

  /**
   * Adds one vote to the normal equations of the side being solved: its own bias pairs with a
   * constant 1, the other side's bias is a known offset, the other side's factors are the inputs.
   */
  private static void observe(double[][] a, double[] b, double[] x, double[] other, double centredVote) {
    x[0] = 1;
    System.arraycopy(other, 1, x, 1, x.length - 1);
    accumulate(a, b, x, centredVote - other[0]);
  }

  private static void clear(double[][] a, double[] b) {
    for (var row : a) {
      java.util.Arrays.fill(row, 0);
    }
    java.util.Arrays.fill(b, 0);
  }

  private static void accumulate(double[][] a, double[] b, double[] x, double target) {
    for (int p = 0; p < x.length; p++) {
      b[p] += x[p] * target;
      for (int q = 0; q <= p; q++) {
        a[p][q] += x[p] * x[q];
      }
    }
  }

  /** Solves (A + λI) w = b by Cholesky; A holds its lower triangle. */
  private void solveInto(double[][] a, double[] b, double[] w) {
    int size = b.length;
    for (int p = 0; p < size; p++) {
      a[p][p] += lambda;
      for (int q = 0; q < p; q++) {
        a[q][p] = a[p][q];
      }
    }
    var l = new double[size][size];
    for (int p = 0; p < size; p++) {
      for (int q = 0; q <= p; q++) {
        double sum = a[p][q];
        for (int s = 0; s < q; s++) {
          sum -= l[p][s] * l[q][s];
        }
        l[p][q] = p == q ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[q][q];
      }
    }
    var y = new double[size];
    for (int p = 0; p < size; p++) {
      double sum = b[p];
      for (int s = 0; s < p; s++) {
        sum -= l[p][s] * y[s];
      }
      y[p] = sum / l[p][p];
    }
    for (int p = size - 1; p >= 0; p--) {
      double sum = y[p];
      for (int s = p + 1; s < size; s++) {
        sum -= l[s][p] * w[s];
      }
      w[p] = sum / l[p][p];
    }
  }
}
