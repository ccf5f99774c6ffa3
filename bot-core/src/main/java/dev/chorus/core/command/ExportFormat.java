package dev.chorus.core.command;

import java.util.Locale;
import java.util.Optional;

/** The file formats of {@code /respond export}. */
public enum ExportFormat {
  MARKDOWN("md", "text/markdown"),
  JSON("json", "application/json"),
  CSV("csv", "text/csv"),
  /** The report as one self-contained page. */
  HTML("html", "text/html"),
  /** The report as an A4 PDF. */
  PDF("pdf", "application/pdf");

  private final String extension;
  private final String mediaType;

  ExportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /** As a member writes it after {@code export}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether it is the report (page or PDF) rather than the record as data. */
  public boolean report() {
    return this == HTML || this == PDF;
  }

  /** Every format's word, in order. */
  public static java.util.List<String> words() {
    return java.util.Arrays.stream(values()).map(ExportFormat::word).toList();
  }

  public static Optional<ExportFormat> parse(String word) {
    var lower = word.toLowerCase(Locale.ROOT);
    for (var format : values()) {
      if (format.word().equals(lower) || format.extension.equals(lower)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
