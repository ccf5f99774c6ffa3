package dev.chorus.report;

import dev.chorus.core.message.FileContent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a PDF back as a reader would see it: its text, where each character sits, its pages as pictures. */
final class Pdfs {
  private Pdfs() {}

  static String text(FileContent pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf.bytes())) {
      var stripper = new PDFTextStripper();
      // In reading order on the page, whatever order the renderer drew the runs in.
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  /** The document's information and XMP metadata, as text. */
  static String metadata(FileContent pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf.bytes())) {
      var info = document.getDocumentInformation();
      var text = new StringBuilder();
      for (var key : info.getMetadataKeys()) {
        text.append(key).append('=').append(info.getCustomMetadataValue(key)).append('\n');
      }
      var xmp = document.getDocumentCatalog().getMetadata();
      if (xmp != null) {
        text.append(new String(xmp.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return text.toString();
    }
  }

  /** Characters drawn outside their page: a layout that did not hold. */
  static List<String> outsideThePage(FileContent pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf.bytes())) {
      var outside = new ArrayList<String>();
      var stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          var box = getCurrentPage().getMediaBox();
          for (var p : positions) {
            if (p.getXDirAdj() < 0 || p.getXDirAdj() + p.getWidthDirAdj() > box.getWidth() + 0.5
                || p.getYDirAdj() < 0 || p.getYDirAdj() > box.getHeight() + 0.5) {
              outside.add(p.getUnicode() + " at " + p.getXDirAdj() + "," + p.getYDirAdj());
            }
          }
        }
      };
      stripper.getText(document);
      return outside;
    }
  }

  static List<BufferedImage> pages(FileContent pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
      var renderer = new PDFRenderer(document);
      var pages = new ArrayList<BufferedImage>();
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        pages.add(renderer.renderImageWithDPI(i, 72));
      }
      return pages;
    }
  }

  static int pageCount(FileContent pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf.bytes())) {
      return document.getNumberOfPages();
    }
  }

  /** Pixels within a small distance of the colour (0xRRGGBB). */
  static int pixelsOf(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 24 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 24
            && Math.abs((p & 0xff) - (rgb & 0xff)) < 24) {
          count++;
        }
      }
    }
    return count;
  }
}
