package dev.chorus.core.message;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import java.util.Optional;

/** What a button does, written into its action id and read back when it is pressed. */
public sealed interface ButtonAction {
  QuestionId question();

  record StatementVote(QuestionId question, StatementId statement, StatementChoice choice) implements ButtonAction {}

  record DraftVote(QuestionId question, DraftVersion draft, DraftChoice choice) implements ButtonAction {}

  static String statementVote(QuestionId question, StatementId statement, StatementChoice choice) {
    return "sv:" + question + ":" + statement + ":" + choice.word();
  }

  static String draftVote(QuestionId question, DraftVersion draft, DraftChoice choice) {
    return "dv:" + question + ":" + draft + ":" + choice.word();
  }

  /** Reads an action id; anything not written by Chorus is empty. */
  static Optional<ButtonAction> parse(String action) {
    var parts = action.split(":", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    var question = QuestionId.parse(parts[1]);
    if (question.isEmpty()) {
      return Optional.empty();
    }
    if (parts[0].equals("sv")) {
      var statement = StatementId.parse(parts[2]);
      var choice = StatementChoice.parse(parts[3]);
      if (statement.isPresent() && choice.isPresent()) {
        return Optional.of(new StatementVote(question.get(), statement.get(), choice.get()));
      }
    } else if (parts[0].equals("dv")) {
      var draft = DraftVersion.parse(parts[2]);
      var choice = DraftChoice.parse(parts[3]);
      if (draft.isPresent() && choice.isPresent()) {
        return Optional.of(new DraftVote(question.get(), draft.get(), choice.get()));
      }
    }
    return Optional.empty();
  }
}
