package dev.chorus.core.export;

import dev.chorus.core.command.ExportFormat;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.FileContent;
import dev.chorus.core.question.Question;

/** {@code /respond export}: the whole record as a file for the member who asked. */
public final class ExportQuestion {

  public Decision decide(Question stored, ExportFormat format) {
    var question = Redaction.forExport(stored);
    var content = switch (format) {
      case MARKDOWN -> MarkdownExport.of(question);
      case JSON -> Json.write(Record.of(question));
      case CSV -> CsvExport.of(question);
    };
    var name = "chorus-" + question.id() + "." + format.extension();
    return Decision.Accepted.saying(
        new Effect.Attachment(name, format.mediaType(), FileContent.text(content)),
        Effect.Reply.of("Here is " + question.id() + " as " + format.name().toLowerCase(java.util.Locale.ROOT)
            + (question.anonymous() ? " (anonymous: counts and words, no names)." : ".")));
  }
}
