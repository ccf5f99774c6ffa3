package dev.chorus.report;

import dev.chorus.core.report.Report;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report as the templates lay it out: every number formatted, every shape placed. Templates
 * only print what this gives them, so the page, the PDF and the picture cannot disagree.
 *
 * @param forPdf whether the page is rendered to PDF, whose renderer reads CSS 2.1 and the fonts
 *     embedded under the family names in {@link PdfFonts}
 */
public record ReportPage(Report report, boolean forPdf) {
  /** Okabe and Ito's palette, told apart with red–green colour blindness; groups also differ by shape. */
  static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9");
  static final List<String> SHAPES = List.of("circle", "square", "triangle", "diamond", "cross");
  static final String AGREE = "#0072B2";
  static final String DISAGREE = "#D55E00";
  static final String PASS = "#BBBBBB";

  /** The map's side, in CSS pixels; the picture for chat is drawn at twice this. */
  public static final int MAP_SIZE = 480;
  private static final int MAP_MARGIN = 28;
  private static final int LABEL_HALF_WIDTH = 40;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  public String time(Instant at) {
    return TIME.format(at);
  }

  /** "broad support" as the start of a sentence. */
  public static String sentence(String words) {
    return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  public static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  public String colour(int group) {
    return COLOURS.get(group % COLOURS.size());
  }

  public String shape(int group) {
    return SHAPES.get(group % SHAPES.size());
  }

  /** A dot on the map, in the SVG's pixels, with what to draw there. */
  public record Dot(double x, double y, String colour, String shape) {
    /** A square, triangle, diamond or cross as an SVG path around the centre; empty for a circle. */
    public String path() {
      double r = 5;
      return switch (shape) {
        case "square" -> String.format(Locale.ROOT, "M%.1f %.1fh%.1fv%.1fh%.1fz", x - r, y - r, 2 * r, 2 * r, -2 * r);
        case "triangle" -> String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1fL%.1f %.1fz", x, y - r - 1, x + r + 1, y + r,
            x - r - 1, y + r);
        case "diamond" -> String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fz", x, y - r - 1, x + r + 1,
            y, x, y + r + 1, x - r - 1, y);
        case "cross" -> String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f", x - r, y - r, x + r, y + r,
            x - r, y + r, x + r, y - r);
        default -> "";
      };
    }

    public String cx() {
      return String.format(Locale.ROOT, "%.1f", x);
    }

    public String cy() {
      return String.format(Locale.ROOT, "%.1f", y);
    }
  }

  /** A group's name on the map, at the centre of its members, with its colour and shape. */
  public record Label(String text, String x, String y, String colour) {}

  public List<Dot> dots() {
    var dots = new ArrayList<Dot>();
    report.landscape().map().ifPresent(map -> map.points().forEach(p -> dots.add(new Dot(px(p.x()), px(-p.y()),
        colour(p.group()), shape(p.group())))));
    return dots;
  }

  public List<Label> labels() {
    var labels = new ArrayList<Label>();
    report.landscape().map().ifPresent(map -> {
      for (var group : map.groups()) {
        double x = 0;
        double y = 0;
        int n = 0;
        for (var p : map.points()) {
          if (p.group() == group.index()) {
            x += p.x();
            y += p.y();
            n++;
          }
        }
        if (n > 0) {
          // Kept inside the frame: a label at the edge would be cut.
          double labelX = Math.max(LABEL_HALF_WIDTH, Math.min(MAP_SIZE - LABEL_HALF_WIDTH, px(x / n)));
          labels.add(new Label(group.label(), String.format(Locale.ROOT, "%.1f", labelX),
              String.format(Locale.ROOT, "%.1f", px(-y / n) - 10), colour(group.index())));
        }
      }
    });
    return labels;
  }

  private static double px(double unit) {
    return MAP_MARGIN + (unit + 1) / 2 * (MAP_SIZE - 2 * MAP_MARGIN);
  }

  /** One group's bar: the widths of agree, disagree and pass, in percent of the bar. */
  public record Bar(String label, String colour, String agree, String disagreeAt, String disagree, String passAt,
      String pass, String inWords) {}

  public List<Bar> bars(Report.StatementBars statement) {
    return statement.groups().stream().map(g -> new Bar(g.label(), colour(g.group()), width(g.agree()),
        width(g.agree()), width(g.disagree()), width(g.agree() + g.disagree()), width(g.pass()), percent(g.agree()) + " agree, " + percent(g.disagree()) + " disagree, "
            + percent(g.pass()) + " pass, of " + g.seen() + (g.seen() == 1 ? " vote" : " votes"))).toList();
  }

  private static String width(double share) {
    return String.format(Locale.ROOT, "%.1f", share * 100);
  }

  /** Votes on a statement, as quoted beside it. */
  public static String votes(Report.Quoted quoted) {
    return quoted.agree() + " agree · " + quoted.disagree() + " disagree · " + quoted.pass() + " pass";
  }

  public static String tally(Report.Tally tally) {
    return tally.agree() + " agree · " + tally.abstain() + " abstain · " + tally.disagree() + " disagree · "
        + tally.block() + " block";
  }
}
