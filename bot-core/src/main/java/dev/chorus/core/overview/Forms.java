package dev.chorus.core.overview;

import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.message.Form;
import dev.chorus.core.question.QuestionId;
import java.util.List;
import java.util.Optional;

/** The forms Chorus opens, and how their ids read back when submitted. */
public final class Forms {
  private Forms() {}

  public static final String OPEN = StandardCommands.OPEN.keyword();
  private static final String VIEW_PREFIX = "view:";
  private static final String AMENDMENT_PREFIX = "amend:";
  /** The field of the amendment form that holds the change. */
  public static final String CHANGE = "change";

  public static Form view(QuestionId question, String title, String prefill, int limit) {
    var shortTitle = "Your view on " + question;
    return new Form(VIEW_PREFIX + question, shortTitle, List.of(
        new Form.FormField("view", shorten(title, 45), prefill, limit, true, true)));
  }

  public static Form open(int titleLimit, int contextLimit) {
    return new Form(OPEN, "Open a question", List.of(
        new Form.FormField(StandardCommands.TITLE, "Title", "", titleLimit, false, true),
        new Form.FormField(StandardCommands.CONTEXT, "Context", "", contextLimit, true, false),
        new Form.FormField(StandardCommands.FOR, "For an outside body", "", 200, false, false),
        new Form.FormField(StandardCommands.DEADLINE, "Deadline, like 7d or 2026-12-31", "", 40, false, false)));
  }

  /** A form for an amendment to the question's latest draft, filled with {@code prefill}. */
  public static Form amendment(QuestionId question, String draft, String prefill, int limit) {
    return new Form(AMENDMENT_PREFIX + question, "Amend " + question + "'s draft " + draft, List.of(
        new Form.FormField(CHANGE, "Your change to draft " + draft, prefill, limit, true, true)));
  }

  /** The question an amendment form is for; empty for any other form id. */
  public static Optional<QuestionId> amendmentFormQuestion(String formId) {
    return formId.startsWith(AMENDMENT_PREFIX) ? QuestionId.parse(formId.substring(AMENDMENT_PREFIX.length()))
        : Optional.empty();
  }

  /** The question a view form is for; empty for any other form id. */
  public static Optional<QuestionId> viewFormQuestion(String formId) {
    return formId.startsWith(VIEW_PREFIX) ? QuestionId.parse(formId.substring(VIEW_PREFIX.length())) : Optional.empty();
  }

  private static String shorten(String text, int max) {
    var flat = text.replace('\n', ' ');
    return flat.codePointCount(0, flat.length()) <= max ? flat : flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
  }
}
