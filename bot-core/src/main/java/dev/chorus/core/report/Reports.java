package dev.chorus.core.report;

import dev.chorus.core.conversation.FileContent;
import java.util.Optional;

/**
 * Turns a report into what people read: one self-contained page, the same page as a PDF, and the
 * opinion map as a picture for chat. Implemented outside core, with templates and a PDF renderer.
 */
public interface Reports {
  /** One XHTML page that makes no request elsewhere: styles, pictures and fonts are inside it. */
  FileContent page(Report report);

  /** The page as an A4 PDF, with its fonts embedded. */
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
