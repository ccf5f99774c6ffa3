package dev.chorus.app.analyze;

import dev.chorus.core.polis.PolisExport;

import dev.chorus.core.analysis.AdjustedRandIndex;
import dev.chorus.core.analysis.DraftComposer;
import dev.chorus.core.analysis.HeldOut;
import dev.chorus.core.analysis.Landscape;
import dev.chorus.core.analysis.LowRankModel;
import dev.chorus.core.analysis.VotePredictor;
import dev.chorus.core.export.Json;
import dev.chorus.core.report.ReportContent;
import dev.chorus.report.TemplateReports;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code analyze --polis <folder> [--json] [--report <file.html|file.pdf>]}: Chorus's analysis of a
 * Polis conversation, and how well it does; with {@code --report}, also its report as a page or PDF. The analysis and the fit read only the vote cells; Polis's own groups are
 * used only for the comparisons.
 */
public final class AnalyzeCommand {
  static final int FIRST_SEED = 1;
  static final int LAST_SEED = 20;
  static final int DRAFT_LIMIT = 3500;
  private static final String USAGE = "analyze --polis <folder> [--json] [--report <file.html|file.pdf>]";
  private static final int WARM_UP = 3;
  private static final int TIMED = 5;

  /** Everything the command reports. */
  public record Report(
      PolisExport export, Landscape landscape, DraftComposer.Composed draft, AdjustedRandIndex.Comparison ari,
      HeldOut.Accuracy chorus, HeldOut.Accuracy statementMajority, HeldOut.Accuracy polisGroups, long millis) {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    var folder = (String) null;
    var file = (String) null;
    boolean json = false;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--polis" -> folder = i + 1 < args.size() ? args.get(++i) : null;
        case "--json" -> json = true;
        case "--report" -> file = i + 1 < args.size() ? args.get(++i) : "";
        default -> {
          err.println("analyze: unknown argument \"" + args.get(i) + "\". Usage: " + USAGE);
          return 2;
        }
      }
    }
    if (folder == null) {
      err.println("analyze: say which export to read. Usage: " + USAGE);
      return 2;
    }
    if (file != null && !file.endsWith(".html") && !file.endsWith(".pdf")) {
      err.println("analyze: the report is written as .html or .pdf; \"" + file + "\" is neither. Usage: " + USAGE);
      return 2;
    }
    try {
      var export = PolisExport.read(Path.of(folder));
      var report = analyze(export);
      out.print(json ? Json.write(asJson(report)) : asText(report));
      if (file != null) {
        var name = Path.of(folder).toAbsolutePath().normalize().getFileName();
        var content = ReportContent.of(export, name == null ? folder : name.toString(), DRAFT_LIMIT, Instant.now());
        var reports = new TemplateReports();
        var written = Path.of(file);
        Files.write(written, (file.endsWith(".pdf") ? reports.pdf(content) : reports.page(content)).bytes());
        err.println("analyze: the report is in " + written.toAbsolutePath());
      }
      return 0;
    } catch (IOException e) {
      err.println("analyze: cannot read the Polis export in " + folder + ": " + e.getMessage());
      return 1;
    }
  }

  public static Report analyze(PolisExport export) {
    var votes = export.votes();
    var statements = export.draftStatements(export.texts());
    for (int i = 0; i < WARM_UP; i++) {
      compose(export, statements);
    }
    var times = new long[TIMED];
    Result result = null;
    for (int i = 0; i < TIMED; i++) {
      long start = System.nanoTime();
      result = compose(export, statements);
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    long millis = Math.round(times[TIMED / 2] / 1e6);
    // TIMED is above zero, so the loop set result.
    Objects.requireNonNull(result);
    var ari = AdjustedRandIndex.of(result.landscape().groups().groupOf(), export.polisGroups());
    var accuracy = HeldOut.evaluate(votes, List.of(
        LowRankModel.standard(),
        VotePredictor.statementMajority(),
        VotePredictor.groupMajority(export.polisGroups(), maxGroup(export.polisGroups()) + 1)), FIRST_SEED, LAST_SEED);
    return new Report(export, result.landscape(), result.draft(), ari, accuracy.get(0), accuracy.get(1), accuracy.get(2),
        millis);
  }

  private record Result(Landscape landscape, DraftComposer.Composed draft) {}

  private static Result compose(PolisExport export, DraftComposer.Statements statements) {
    var votes = export.votes();
    var landscape = Landscape.of(votes, statements.authorOf());
    var header = String.format(Locale.ROOT, "Draft written by Chorus from %,d members' %,d votes on %,d statements.",
        votes.members(), votes.votes(), votes.statements());
    var draft = new DraftComposer().compose(votes, landscape, statements, header, DRAFT_LIMIT);
    return new Result(landscape, draft);
  }

  private static int maxGroup(int[] groups) {
    int max = -1;
    for (int g : groups) {
      max = Math.max(max, g);
    }
    return max;
  }

  static Map<String, Object> asJson(Report report) {
    var export = report.export();
    var landscape = report.landscape();
    var ids = export.statementIds();
    var json = new LinkedHashMap<String, Object>();
    json.put("members", export.votes().members());
    json.put("statements", export.votes().statements());
    json.put("votes", export.votes().votes());
    var groups = new ArrayList<Object>();
    for (int g = 0; g < landscape.groups().groups(); g++) {
      var group = new LinkedHashMap<String, Object>();
      group.put("id", g);
      group.put("size", landscape.groups().size(g));
      group.put("representative", landscape.representative().get(g).stream().map(r -> ids.get(r.statement())).toList());
      groups.add(group);
    }
    json.put("groups", groups);
    json.put("commonGround", landscape.commonGround().stream().map(ids::get).toList());
    json.put("divisive", landscape.divisive().stream().map(ids::get).toList());
    json.put("minority", landscape.minority().stream().map(ids::get).toList());
    json.put("coverage", round(report.draft().coverage()));
    json.put("ari", Double.isNaN(report.ari().ari()) ? null : round(report.ari().ari()));
    json.put("ariMembers", report.ari().members());
    var heldout = new LinkedHashMap<String, Object>();
    heldout.put("accuracy", round(report.chorus().mean()));
    heldout.put("accuracyStd", round(report.chorus().std()));
    heldout.put("baselineStatementMajority", round(report.statementMajority().mean()));
    heldout.put("baselinePolisGroups", round(report.polisGroups().mean()));
    heldout.put("seeds", List.of(FIRST_SEED, LAST_SEED));
    heldout.put("model", "low-rank (rank 3, λ 4, 12 rounds of alternating least squares)");
    json.put("heldout", heldout);
    json.put("millis", report.millis());
    json.put("draft", report.draft().text());
    return json;
  }

  static String asText(Report report) {
    var export = report.export();
    var landscape = report.landscape();
    var votes = export.votes();
    var out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%,d members, %,d statements, %,d votes%n%n", votes.members(),
        votes.statements(), votes.votes()));
    out.append(String.format(Locale.ROOT, "Opinion groups: %d (silhouette %.2f)%n", landscape.groups().groups(),
        landscape.groups().silhouette()));
    for (int g = 0; g < landscape.groups().groups(); g++) {
      out.append(String.format(Locale.ROOT, "  %s, %d members, stands out for:%n", DraftComposer.groupName(g),
          landscape.groups().size(g)));
      for (var r : landscape.representative().get(g)) {
        out.append("    ").append(r.agreeing() ? "agrees:    " : "disagrees: ").append(line(export, r.statement()))
            .append('\n');
      }
    }
    out.append("\nCommon ground:\n");
    landscape.commonGround().forEach(j -> out.append("  ").append(line(export, j)).append('\n'));
    out.append("\nDivisive:\n");
    landscape.divisive().forEach(j -> out.append("  ").append(line(export, j)).append('\n'));
    out.append("\nThe draft Chorus would write:\n\n").append(report.draft().text()).append("\n\n");
    out.append("Evaluation\n");
    out.append(String.format(Locale.ROOT, "  groups vs Polis's: ARI %.3f over %,d members both placed%n",
        report.ari().ari(), report.ari().members()));
    out.append(String.format(Locale.ROOT, "  held-out votes, seeds %d–%d: Chorus %.4f ± %.4f; statement majority %.4f; "
            + "Polis groups %.4f%n", FIRST_SEED, LAST_SEED, report.chorus().mean(), report.chorus().std(),
        report.statementMajority().mean(), report.polisGroups().mean()));
    out.append(String.format(Locale.ROOT, "  analysis time: %d ms (median of %d runs after %d warm-up runs)%n",
        report.millis(), TIMED, WARM_UP));
    return out.toString();
  }

  private static String line(PolisExport export, int statement) {
    var text = export.texts().get(statement).replace('\n', ' ');
    if (text.length() > 110) {
      text = text.substring(0, 109) + "…";
    }
    return "#" + export.statementIds().get(statement) + " " + text;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
