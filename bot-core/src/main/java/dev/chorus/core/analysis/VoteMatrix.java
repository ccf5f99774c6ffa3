package dev.chorus.core.analysis;

import java.util.Arrays;

/**
 * Members × statements, holding +1 (agree), −1 (disagree), 0 (pass) or nothing (unseen). Stored
 * sparse twice, by member and by statement, so every pass over the votes costs what the votes cost.
 */
public final class VoteMatrix {
  private final int members;
  private final int statements;
  private final int[] rowStart;
  private final int[] rowStatement;
  private final byte[] rowValue;
  private final int[] columnStart;
  private final int[] columnMember;
  private final byte[] columnValue;

  private VoteMatrix(int members, int statements, int[] member, int[] statement, byte[] value, int count) {
    this.members = members;
    this.statements = statements;
    rowStart = new int[members + 1];
    columnStart = new int[statements + 1];
    for (int k = 0; k < count; k++) {
      rowStart[member[k] + 1]++;
      columnStart[statement[k] + 1]++;
    }
    for (int i = 0; i < members; i++) {
      rowStart[i + 1] += rowStart[i];
    }
    for (int j = 0; j < statements; j++) {
      columnStart[j + 1] += columnStart[j];
    }
    rowStatement = new int[count];
    rowValue = new byte[count];
    columnMember = new int[count];
    columnValue = new byte[count];
    var rowFill = Arrays.copyOf(rowStart, members);
    var columnFill = Arrays.copyOf(columnStart, statements);
    // Votes arrive in any order; filling by member then statement keeps each row sorted by statement
    // when the input is sorted, and the analysis never depends on the order within a row.
    for (int k = 0; k < count; k++) {
      int r = rowFill[member[k]]++;
      rowStatement[r] = statement[k];
      rowValue[r] = value[k];
      int c = columnFill[statement[k]]++;
      columnMember[c] = member[k];
      columnValue[c] = value[k];
    }
  }

  public static Builder builder(int members, int statements) {
    return new Builder(members, statements);
  }

  public int members() {
    return members;
  }

  public int statements() {
    return statements;
  }

  public int votes() {
    return rowStatement.length;
  }

  public int votesOf(int member) {
    return rowStart[member + 1] - rowStart[member];
  }

  /** Index range of a member's votes, for {@link #statementAt} and {@link #valueAt}. */
  public int rowFrom(int member) {
    return rowStart[member];
  }

  public int rowTo(int member) {
    return rowStart[member + 1];
  }

  public int statementAt(int rowIndex) {
    return rowStatement[rowIndex];
  }

  public int valueAt(int rowIndex) {
    return rowValue[rowIndex];
  }

  public int columnFrom(int statement) {
    return columnStart[statement];
  }

  public int columnTo(int statement) {
    return columnStart[statement + 1];
  }

  public int memberAt(int columnIndex) {
    return columnMember[columnIndex];
  }

  public int columnValueAt(int columnIndex) {
    return columnValue[columnIndex];
  }

  /** Collects votes; a later vote of a member on a statement replaces the earlier one. */
  public static final class Builder {
    private final int members;
    private final int statements;
    private int[] member = new int[64];
    private int[] statement = new int[64];
    private byte[] value = new byte[64];
    private int count;

    private Builder(int members, int statements) {
      if (members < 0 || statements < 0) {
        throw new IllegalArgumentException("sizes cannot be negative");
      }
      this.members = members;
      this.statements = statements;
    }

    public Builder add(int memberIndex, int statementIndex, int vote) {
      if (memberIndex < 0 || memberIndex >= members || statementIndex < 0 || statementIndex >= statements) {
        throw new IllegalArgumentException("vote outside the matrix: " + memberIndex + ", " + statementIndex);
      }
      if (vote < -1 || vote > 1) {
        throw new IllegalArgumentException("a vote is -1, 0 or 1, not " + vote);
      }
      if (count == member.length) {
        member = Arrays.copyOf(member, count * 2);
        statement = Arrays.copyOf(statement, count * 2);
        value = Arrays.copyOf(value, count * 2);
      }
      member[count] = memberIndex;
      statement[count] = statementIndex;
      value[count] = (byte) vote;
      count++;
      return this;
    }

    public VoteMatrix build() {
      // Keep the last vote per cell: sort indices by (member, statement, arrival) and drop earlier ones.
      if ((long) members * statements > Long.MAX_VALUE / Integer.MAX_VALUE) {
        throw new IllegalArgumentException("matrix too large");
      }
      var order = new long[count];
      for (int k = 0; k < count; k++) {
        order[k] = ((long) member[k] * statements + statement[k]) * Integer.MAX_VALUE + k;
      }
      Arrays.sort(order);
      var m = new int[count];
      var s = new int[count];
      var v = new byte[count];
      int kept = 0;
      for (int k = 0; k < count; k++) {
        long cell = order[k] / Integer.MAX_VALUE;
        boolean lastOfCell = k + 1 == count || order[k + 1] / Integer.MAX_VALUE != cell;
        if (lastOfCell) {
          int arrival = (int) (order[k] % Integer.MAX_VALUE);
          m[kept] = member[arrival];
          s[kept] = statement[arrival];
          v[kept] = value[arrival];
          kept++;
        }
      }
      return new VoteMatrix(members, statements, m, s, v, kept);
    }
  }
}
