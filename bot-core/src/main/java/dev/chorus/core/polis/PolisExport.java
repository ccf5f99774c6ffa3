package dev.chorus.core.polis;

import dev.chorus.core.analysis.DraftComposer;
import dev.chorus.core.analysis.VoteMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Polis export as Chorus reads it: the statements that were not moderated out, every participant,
 * and the vote cells. Columns are found by their header names, so exports with more columns read
 * the same. Polis's own group ids are kept apart, only for comparing against.
 *
 * @param statementIds Polis comment ids, in the order of the matrix's columns
 * @param texts the statements' words
 * @param participants Polis participant ids, in the order of the matrix's rows
 * @param polisGroups Polis's group per participant, −1 where it placed none or the column is empty
 */
public record PolisExport(
    List<String> statementIds, List<String> texts, List<String> participants, int[] polisGroups, VoteMatrix votes) {

  public static PolisExport read(Path folder) throws IOException {
    var comments = csv(folder.resolve("comments.csv"));
    var header = index(comments.get(0), "comments.csv", "comment-id", "comment-body", "moderated");
    var kept = new ArrayList<String[]>();
    for (var row : comments.subList(1, comments.size())) {
      if (row.size() < comments.get(0).size() || row.get(columnOf(header, "comment-id")).isBlank()) {
        continue;
      }
      if (!"-1".equals(row.get(columnOf(header, "moderated")).strip())) {
        kept.add(new String[] {row.get(columnOf(header, "comment-id")).strip(), row.get(columnOf(header, "comment-body"))});
      }
    }
    kept.sort((a, b) -> compareIds(a[0], b[0]));
    var statementIds = kept.stream().map(k -> k[0]).toList();
    var texts = kept.stream().map(k -> k[1]).toList();
    var column = new HashMap<String, Integer>();
    for (int j = 0; j < statementIds.size(); j++) {
      column.put(statementIds.get(j), j);
    }

    var votesCsv = csv(folder.resolve("participants-votes.csv"));
    var names = votesCsv.get(0);
    var voteHeader = index(names, "participants-votes.csv", "participant");
    int participantColumn = columnOf(voteHeader, "participant");
    int groupColumn = names.indexOf("group-id");
    var statementOfColumn = new int[names.size()];
    Arrays.fill(statementOfColumn, -1);
    for (int c = 0; c < names.size(); c++) {
      var j = column.get(names.get(c).strip());
      if (j != null) {
        statementOfColumn[c] = j;
      }
    }
    var rows = votesCsv.subList(1, votesCsv.size()).stream().filter(r -> r.size() > participantColumn
        && !r.get(participantColumn).isBlank()).toList();
    var participants = new ArrayList<String>();
    var polisGroups = new int[rows.size()];
    var builder = VoteMatrix.builder(rows.size(), statementIds.size());
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      participants.add(row.get(participantColumn).strip());
      polisGroups[i] = groupColumn >= 0 && groupColumn < row.size() ? group(row.get(groupColumn)) : -1;
      for (int c = 0; c < row.size() && c < statementOfColumn.length; c++) {
        if (statementOfColumn[c] < 0) {
          continue;
        }
        var cell = row.get(c).strip();
        if (!cell.isEmpty()) {
          builder.add(i, statementOfColumn[c], vote(cell));
        }
      }
    }
    return new PolisExport(statementIds, texts, List.copyOf(participants), polisGroups, builder.build());
  }

  private static List<List<String>> csv(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("missing " + file.getFileName() + " in " + file.getParent());
    }
    try (var reader = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      var rows = Csv.read(reader);
      if (rows.isEmpty()) {
        throw new IOException(file.getFileName() + " is empty");
      }
      return rows;
    }
  }

  private static Map<String, Integer> index(List<String> header, String file, String... required) throws IOException {
    var found = new HashMap<String, Integer>();
    for (var name : required) {
      int at = header.stream().map(String::strip).toList().indexOf(name);
      if (at < 0) {
        throw new IOException(file + " has no column \"" + name + "\"");
      }
      found.put(name, at);
    }
    return found;
  }

  /** Where a column is, in what {@link #index} found: it names every required column or throws. */
  private static int columnOf(Map<String, Integer> header, String name) {
    return Objects.requireNonNull(header.get(name), name);
  }

  private static int vote(String cell) throws IOException {
    try {
      var value = (int) Math.round(Double.parseDouble(cell));
      return Integer.signum(value);
    } catch (NumberFormatException e) {
      throw new IOException("a vote cell holds \"" + cell + "\"; expected 1, -1, 0 or nothing");
    }
  }

  private static int group(String cell) {
    var text = cell.strip();
    if (text.isEmpty()) {
      return -1;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int compareIds(String a, String b) {
    try {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  /**
   * The statements as the draft composer reads them: labelled by Polis comment id ({@code #12}), with
   * no author, since Polis's vote cells name none, and coverage about the members who agreed with any
   * statement.
   *
   * @param texts the words to quote, in the matrix's column order: the export's own, or cleaned
   */
  public DraftComposer.Statements draftStatements(List<String> texts) {
    var authors = new int[votes.statements()];
    Arrays.fill(authors, -1);
    var counted = new BitSet();
    for (int i = 0; i < votes.members(); i++) {
      for (int r = votes.rowFrom(i); r < votes.rowTo(i); r++) {
        if (votes.valueAt(r) > 0) {
          counted.set(i);
          break;
        }
      }
    }
    var labels = statementIds.stream().map(id -> "#" + id).toList();
    return new DraftComposer.Statements(texts, labels, authors, new boolean[votes.statements()], counted,
        "the members who agreed with any statement");
  }
}
