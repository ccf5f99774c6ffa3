package dev.chorus.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fonts a PDF report embeds, tried in order for each character: DejaVu Sans for Latin, Greek and
 * Cyrillic, Droid Sans Fallback for Chinese, Japanese and Korean, Symbola for symbols and emoji.
 * Only the characters used are embedded (subsets), so a short report stays small. The page's PDF
 * stylesheet names these families in this order.
 */
final class PdfFonts {
  private PdfFonts() {}

  private record Face(String file, String family, int weight) {}

  private static final List<Face> FACES = List.of(
      new Face("DejaVuSans.ttf", "DejaVu Sans", 400),
      new Face("DejaVuSans-Bold.ttf", "DejaVu Sans", 700),
      new Face("DroidSansFallback.ttf", "Droid Sans Fallback", 400),
      new Face("Symbola.ttf", "Symbola", 400));

  static void addTo(PdfRendererBuilder builder) {
    for (var face : FACES) {
      builder.useFont(() -> open(face.file()), face.family(), face.weight(), FontStyle.NORMAL, true);
    }
  }

  /** A font file shipped in the jar. */
  static InputStream open(String file) {
    var stream = PdfFonts.class.getResourceAsStream("fonts/" + file);
    if (stream == null) {
      throw new UncheckedIOException(new java.io.FileNotFoundException("font " + file + " is missing from the jar"));
    }
    return stream;
  }
}
