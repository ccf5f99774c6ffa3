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
      return "open";
    }
  }

  record ShareView(String text) implements Command {
    public String keyword() {
      return "view";
    }
  }

  record Open(String title, String context, String forBody, @Nullable DeadlineSpec deadline, boolean anonymous)
      implements Command {
    public String keyword() {
      return "open";
    }
  }

  /** Without text: Chorus writes the draft from the analysis. */
  record PostDraft(String text) implements Command {
    public String keyword() {
      return "draft";
    }
  }

  record Amend(String text) implements Command {
    public String keyword() {
      return "amend";
    }
  }

  record VoteOnStatement(StatementId statement, StatementChoice choice) implements Command {
    public String keyword() {
      return "vote";
    }
  }

  record VoteOnDraft(DraftVersion draft, DraftChoice choice) implements Command {
    public String keyword() {
      return "vote";
    }
  }

  record GiveReason(String text) implements Command {
    public String keyword() {
      return "reason";
    }
  }

  record Status() implements Command {
    public String keyword() {
      return "status";
    }
  }

  record ListQuestions(boolean wholeCommunity) implements Command {
    public String keyword() {
      return "list";
    }
  }

  /** Only the fields given change. */
  record Edit(
      Optional<String> title, Optional<String> context, Optional<String> forBody, Optional<DeadlineSpec> deadline)
      implements Command {
    public String keyword() {
      return "edit";
    }
  }

  record Hide(StatementId statement, String reason) implements Command {
    public String keyword() {
      return "hide";
    }
  }

  record Close(@Nullable DraftVersion draft) implements Command {
    public String keyword() {
      return "close";
    }
  }

  record Reopen() implements Command {
    public String keyword() {
      return "reopen";
    }
  }

  record Export(ExportFormat format) implements Command {
    public String keyword() {
      return "export";
    }
  }

  /** The channel's digest schedule; {@code cadence} OFF stops it. */
  record ChannelDigest(Cadence cadence, @Nullable DayOfWeek weekday, @Nullable LocalTime at, @Nullable ZoneId zone)
      implements Command {
    public String keyword() {
      return "digest";
    }
  }

  record PersonalDigest(Cadence cadence) implements Command {
    public String keyword() {
      return "digest";
    }
  }

  record Remind(boolean on) implements Command {
    public String keyword() {
      return "remind";
    }
  }

  record Forget() implements Command {
    public String keyword() {
      return "forget";
    }
  }

  record ForgetMe() implements Command {
    public String keyword() {
      return "forget";
    }
  }

  record Help() implements Command {
    public String keyword() {
      return "help";
    }
  }

  /** How often a digest comes. */
  enum Cadence {
    DAILY,
    WEEKLY,
    OFF
  }
}
