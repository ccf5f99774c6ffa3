package dev.chorus.core.command;

import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One parsed {@code /respond} command. */
public sealed interface Command {

  /** The keyword a member types, for messages about the command. */
  String keyword();

  /** Hands the command to the visitor's method for its kind. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per command: routing implements it, so a command without a route does not compile.
   */
  interface Visitor<R> {
    R openForm(OpenForm command);

    R openQuestionForm(OpenQuestionForm command);

    R shareView(ShareView command);

    R open(Open command);

    R postDraft(PostDraft command);

    R amend(Amend command);

    R voteOnStatement(VoteOnStatement command);

    R voteOnDraft(VoteOnDraft command);

    R giveReason(GiveReason command);

    R status(Status command);

    R listQuestions(ListQuestions command);

    R edit(Edit command);

    R hide(Hide command);

    R close(Close command);

    R reopen(Reopen command);

    R export(Export command);

    R share(Share command);

    R channelDigest(ChannelDigest command);

    R personalDigest(PersonalDigest command);

    R remind(Remind command);

    R forget(Forget command);

    R forgetMe(ForgetMe command);

    R help(Help command);
  }

  /** Bare {@code /respond}: a form, or a choice of questions. */
  record OpenForm() implements Command {
    public String keyword() {
      return "";
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.openForm(this);
    }
  }

  /** {@code /respond open} without a title: the open-a-question form. */
  record OpenQuestionForm() implements Command {
    public String keyword() {
      return StandardCommands.OPEN.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.openQuestionForm(this);
    }
  }

  record ShareView(String text) implements Command {
    public String keyword() {
      return StandardCommands.VIEW.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.shareView(this);
    }
  }

  record Open(String title, String context, String forBody, @Nullable DeadlineSpec deadline, boolean anonymous)
      implements Command {
    public String keyword() {
      return StandardCommands.OPEN.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.open(this);
    }
  }

  /** Without text: Chorus writes the draft from the analysis. */
  record PostDraft(String text) implements Command {
    public String keyword() {
      return StandardCommands.DRAFT_COMMAND.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.postDraft(this);
    }
  }

  record Amend(String text) implements Command {
    public String keyword() {
      return StandardCommands.AMEND.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.amend(this);
    }
  }

  record VoteOnStatement(StatementId statement, StatementChoice choice) implements Command {
    public String keyword() {
      return StandardCommands.VOTE.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.voteOnStatement(this);
    }
  }

  record VoteOnDraft(DraftVersion draft, DraftChoice choice) implements Command {
    public String keyword() {
      return StandardCommands.VOTE.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.voteOnDraft(this);
    }
  }

  record GiveReason(String text) implements Command {
    public String keyword() {
      return StandardCommands.REASON_COMMAND.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.giveReason(this);
    }
  }

  record Status() implements Command {
    public String keyword() {
      return StandardCommands.STATUS.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.status(this);
    }
  }

  /**
   * @param page which page of a long list, from 1
   */
  record ListQuestions(boolean wholeCommunity, int page) implements Command {
    /** Past any list a channel could hold; a bound so a page number is never absurd. */
    public static final int MOST_PAGES = 10_000;

    public ListQuestions {
      if (page < 1 || page > MOST_PAGES) {
        throw new IllegalArgumentException("a page is from 1 to " + MOST_PAGES);
      }
    }

    public ListQuestions(boolean wholeCommunity) {
      this(wholeCommunity, 1);
    }

    public String keyword() {
      return StandardCommands.LIST.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.listQuestions(this);
    }
  }

  /** Only the fields given change. */
  record Edit(
      Optional<String> title, Optional<String> context, Optional<String> forBody, Optional<DeadlineSpec> deadline)
      implements Command {
    public String keyword() {
      return StandardCommands.EDIT.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.edit(this);
    }
  }

  record Hide(StatementId statement, String reason) implements Command {
    public String keyword() {
      return StandardCommands.HIDE.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.hide(this);
    }
  }

  record Close(@Nullable DraftVersion draft) implements Command {
    public String keyword() {
      return StandardCommands.CLOSE.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.close(this);
    }
  }

  record Reopen() implements Command {
    public String keyword() {
      return StandardCommands.REOPEN.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.reopen(this);
    }
  }

  record Export(ExportFormat format) implements Command {
    public String keyword() {
      return StandardCommands.EXPORT.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.export(this);
    }
  }

  /** The channel's digest schedule; {@code cadence} OFF stops it. */
  record ChannelDigest(Cadence cadence, @Nullable DayOfWeek weekday, @Nullable LocalTime at, @Nullable ZoneId zone)
      implements Command {
    public String keyword() {
      return StandardCommands.DIGEST.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.channelDigest(this);
    }
  }

  record PersonalDigest(Cadence cadence) implements Command {
    public String keyword() {
      return StandardCommands.DIGEST.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.personalDigest(this);
    }
  }

  record Remind(boolean on) implements Command {
    public String keyword() {
      return StandardCommands.REMIND.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.remind(this);
    }
  }

  /** {@code /respond share on|off}: the report at a link, or not. */
  record Share(boolean on) implements Command {
    public String keyword() {
      return StandardCommands.SHARE.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.share(this);
    }
  }

  record Forget() implements Command {
    public String keyword() {
      return StandardCommands.FORGET.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.forget(this);
    }
  }

  record ForgetMe() implements Command {
    public String keyword() {
      return StandardCommands.FORGET.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.forgetMe(this);
    }
  }

  record Help() implements Command {
    public String keyword() {
      return StandardCommands.HELP.keyword();
    }

    public <R> R accept(Visitor<R> visitor) {
      return visitor.help(this);
    }
  }

  /** How often a digest comes. */
  enum Cadence {
    DAILY,
    WEEKLY,
    OFF;

    /** As a member writes it after {@code digest}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
