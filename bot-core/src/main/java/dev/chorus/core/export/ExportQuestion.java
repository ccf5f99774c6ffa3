package dev.chorus.core.export;

import dev.chorus.core.command.ExportFormat;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.FileContent;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.Question;
import dev.chorus.core.report.ReportContent;
import dev.chorus.core.report.ReportException;
import dev.chorus.core.report.Reports;
import java.time.Clock;
import dev.chorus.core.logging.Failures;

/**
 * {@code /respond export}: the whole record as a file for the member who asked: data (Markdown,
 * JSON, CSV) or the report (a page or a PDF). Every format follows the same rules: an anonymous
 * question names no one.
 */
public final class ExportQuestion {
  private static final System.Logger LOG = System.getLogger(ExportQuestion.class.getName());

  private final Reports reports;
  private final Settings settings;
  private final Clock clock;

  public ExportQuestion(Reports reports, Settings settings, Clock clock) {
    this.reports = reports;
    this.settings = settings;
    this.clock = clock;
  }

  public Decision decide(Question stored, ExportFormat format) {
    var question = Redaction.forExport(stored);
    FileContent content;
    try {
      content = switch (format) {
        case MARKDOWN -> FileContent.text(MarkdownExport.of(question));
        case JSON -> FileContent.text(Json.write(Record.of(question)));
        case CSV -> FileContent.text(CsvExport.of(question));
        case HTML -> reports.page(report(question));
        case PDF -> reports.pdf(report(question));
      };
    } catch (ReportException e) {
      Failures.log(LOG, System.Logger.Level.WARNING, "the report of " + question.id() + " could not be made", e);
      return Decision.Rejected.because("The " + format.word() + " report of " + question.id()
          + " could not be made (" + e.getMessage() + "); nothing was changed.",
          "try again in a moment; the other formats work meanwhile");
    }
    var name = "chorus-" + question.id() + "." + format.extension();
    return Decision.Accepted.saying(
        new Effect.Attachment(name, format.mediaType(), content),
        Effect.Reply.of("Here is " + question.id() + " as " + format.word()
            + (question.anonymous() ? " (anonymous: counts and words, no names)." : ".")));
  }

  private dev.chorus.core.report.Report report(Question question) {
    return ReportContent.of(question, ReportContent.Audience.MEMBERS, settings.limits().draft(),
        clock.instant());
  }
}
