package dev.chorus.core.report;

import dev.chorus.core.message.FileContent;
import java.util.Optional;

/**
 * Turns a report into what people read: one self-contained page, the same page as a PDF, and the
 * opinion map as a picture for chat. Implemented outside core, with templates and a PDF renderer.
 */
public interface Reports {
  /** For a Chorus started without a renderer: every report is refused, saying so. */
  Reports UNAVAILABLE = new Reports() {
    @Override
    public FileContent page(Report report) {
      throw new ReportException("this Chorus was started without its report renderer");
    }

    @Override
    public FileContent pdf(Report report) {
      throw new ReportException("this Chorus was started without its report renderer");
    }

    @Override
    public Optional<Picture> map(Report report) {
      return Optional.empty();
    }
  };

  /**
   * One XHTML page that makes no request elsewhere: styles, pictures and fonts are inside it.
   *
   * @throws ReportException when it cannot be made
   */
  FileContent page(Report report);

  /**
   * The page as an A4 PDF, with its fonts embedded.
   *
   * @throws ReportException when it cannot be made
   */
  FileContent pdf(Report report);

  /** The opinion map as a PNG; empty when there is no map to draw. */
  Optional<Picture> map(Report report);

  /**
   * A picture and its text alternative.
   *
   * @param altText what a screen reader says in its place
   */
  record Picture(FileContent png, String altText, int width, int height) {}
}
