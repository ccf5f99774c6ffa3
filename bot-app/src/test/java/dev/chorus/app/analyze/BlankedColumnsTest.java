package dev.chorus.app.analyze;

import dev.chorus.testkit.PolisData;
import dev.chorus.core.polis.PolisExport;
import dev.chorus.core.polis.Csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysis reads only the vote cells (docs/analysis.md): blanking the columns Polis computed from
 * every vote ({@code group-id}, {@code n-agree}, {@code n-disagree}, {@code agrees}, {@code disagrees})
 * leaves every figure of Chorus's unchanged.
 */
class BlankedColumnsTest {
  private static final Set<String> PARTICIPANT_COLUMNS = Set.of("group-id", "n-comments", "n-votes", "n-agree", "n-disagree");
  private static final Set<String> COMMENT_COLUMNS = Set.of("agrees", "disagrees");

  @TempDir
  Path blanked;

  @ParameterizedTest
  @ValueSource(strings = {"15-per-hour-seattle", "scoop-hivemind.ubi"})
  void blankingTheComputedColumnsChangesNoFigureOfChoruss(String name) throws IOException {
    var original = PolisData.conversation(name);
    blank(original.resolve("participants-votes.csv"), blanked.resolve("participants-votes.csv"), PARTICIPANT_COLUMNS);
    blank(original.resolve("comments.csv"), blanked.resolve("comments.csv"), COMMENT_COLUMNS);

    var before = AnalyzeCommand.analyze(PolisExport.read(original));
    var after = AnalyzeCommand.analyze(PolisExport.read(blanked));

    assertThat(after.export().polisGroups()).as("the blanked export really has no Polis groups").containsOnly(-1);
    assertThat(after.landscape().groups().groupOf()).isEqualTo(before.landscape().groups().groupOf());
    assertThat(after.landscape().commonGround()).isEqualTo(before.landscape().commonGround());
    assertThat(after.landscape().divisive()).isEqualTo(before.landscape().divisive());
    assertThat(after.landscape().representative()).isEqualTo(before.landscape().representative());
    assertThat(after.landscape().minority()).isEqualTo(before.landscape().minority());
    assertThat(after.draft()).isEqualTo(before.draft());
    assertThat(after.chorus().perSeed()).isEqualTo(before.chorus().perSeed());
    assertThat(after.statementMajority().perSeed()).isEqualTo(before.statementMajority().perSeed());
  }

  /** Copies a CSV file with the named columns emptied in every row. */
  private static void blank(Path from, Path to, Set<String> columns) throws IOException {
    var rows = Csv.read(new StringReader(Files.readString(from, StandardCharsets.UTF_8)));
    var header = rows.get(0);
    var out = new StringBuilder();
    for (var row : rows) {
      var cells = new java.util.ArrayList<String>();
      for (int c = 0; c < row.size(); c++) {
        boolean emptied = row != header && c < header.size() && columns.contains(header.get(c).strip());
        cells.add(emptied ? "" : quote(row.get(c)));
      }
      out.append(cells.stream().collect(Collectors.joining(","))).append('\n');
    }
    Files.writeString(to, out.toString(), StandardCharsets.UTF_8);
  }

  private static String quote(String cell) {
    return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }
}
