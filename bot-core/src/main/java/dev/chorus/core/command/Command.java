package dev.chorus.core.command;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One parsed {@code /respond} command. */
public sealed interface Command {

  /** The keyword a member types, for messages about the command. */
  String keyword();

  /** Bare {@code /respond}: a form, or a choice of questions. */
  record OpenForm() implements Command {
    public String keyword() {
      return "";
    }
  }

  /** {@code /respond open} without a title: the open-a-question form. */
  record OpenQuestionForm() implements Command {
    public String keyword() {
      return StandardCommands.OPEN.keyword();
    }
  }

  record ShareView(String text) implements Command {
    public String keyword() {
      return StandardCommands.VIEW.keyword();
    }
  }

  record Open(String title, String context, String forBody, @Nullable DeadlineSpec deadline, boolean anonymous)
      implements Command {
    public String keyword() {
      return StandardCommands.OPEN.keyword();
    }
  }

  /** Without text: Chorus writes the draft from the analysis. */
  record PostDraft(String text) implements Command {
    public String keyword() {
      return StandardCommands.DRAFT_COMMAND.keyword();
    }
  }

  record Amend(String text) implements Command {
    public String keyword() {
      return StandardCommands.AMEND.keyword();
    }
  }

  record VoteOnStatement(StatementId statement, StatementChoice choice) implements Command {
    public String keyword() {
      return StandardCommands.VOTE.keyword();
    }
  }

  record VoteOnDraft(DraftVersion draft, DraftChoice choice) implements Command {
    public String keyword() {
      return StandardCommands.VOTE.keyword();
    }
  }

  record GiveReason(String text) implements Command {
    public String keyword() {
      return StandardCommands.REASON_COMMAND.keyword();
    }
  }

  record Status() implements Command {
    public String keyword() {
      return StandardCommands.STATUS.keyword();
    }
  }

  record ListQuestions(boolean wholeCommunity) implements Command {
    public String keyword() {
      return StandardCommands.LIST.keyword();
    }
  }

  /** Only the fields given change. */
  record Edit(
      Optional<String> title, Optional<String> context, Optional<String> forBody, Optional<DeadlineSpec> deadline)
      implements Command {
    public String keyword() {
      return StandardCommands.EDIT.keyword();
    }
  }

  record Hide(StatementId statement, String reason) implements Command {
    public String keyword() {
      return StandardCommands.HIDE.keyword();
    }
  }

  record Close(@Nullable DraftVersion draft) implements Command {
    public String keyword() {
      return StandardCommands.CLOSE.keyword();
    }
  }

  record Reopen() implements Command {
    public String keyword() {
      return StandardCommands.REOPEN.keyword();
    }
  }

  record Export(ExportFormat format) implements Command {
    public String keyword() {
      return StandardCommands.EXPORT.keyword();
    }
  }

  /** The channel's digest schedule; {@code cadence} OFF stops it. */
  record ChannelDigest(Cadence cadence, @Nullable DayOfWeek weekday, @Nullable LocalTime at, @Nullable ZoneId zone)
      implements Command {
    public String keyword() {
      return StandardCommands.DIGEST.keyword();
    }
  }

  record PersonalDigest(Cadence cadence) implements Command {
    public String keyword() {
      return StandardCommands.DIGEST.keyword();
    }
  }

  record Remind(boolean on) implements Command {
    public String keyword() {
      return StandardCommands.REMIND.keyword();
    }
  }

  record Forget() implements Command {
    public String keyword() {
      return StandardCommands.FORGET.keyword();
    }
  }

  record ForgetMe() implements Command {
    public String keyword() {
      return StandardCommands.FORGET.keyword();
    }
  }

  record Help() implements Command {
    public String keyword() {
      return StandardCommands.HELP.keyword();
    }
  }

  /** How often a digest comes. */
  enum Cadence {
    DAILY,
    WEEKLY,
    OFF
  }
}
