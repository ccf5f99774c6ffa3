package dev.chorus.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
      var bytes = Loaded.BYTES.get(face.file());
      builder.useFont(() -> new ByteArrayInputStream(bytes), face.family(), face.weight(), FontStyle.NORMAL, true);
    }
  }

  /**
   * The font files, read from the jar once, when the first PDF is drawn: 8 MB that every PDF would
   * otherwise read and inflate again.
   */
  private static final class Loaded {
    static final Map<String, byte[]> BYTES = read();

    private static Map<String, byte[]> read() {
      var bytes = new HashMap<String, byte[]>();
      for (var face : FACES) {
        try (var stream = PdfFonts.class.getResourceAsStream("fonts/" + face.file())) {
          if (stream == null) {
            throw new UncheckedIOException(new FileNotFoundException("font " + face.file() + " is missing from the jar"));
          }
          bytes.put(face.file(), stream.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException("font " + face.file() + " could not be read", e);
        }
      }
      return Map.copyOf(bytes);
    }
  }
}
