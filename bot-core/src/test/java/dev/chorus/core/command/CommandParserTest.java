package dev.chorus.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.message.Text;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  private final CommandParser parser = new CommandParser();

  private ParsedCommand parsed(String line) {
    var result = parser.parse(line);
    assertThat(result).as("parse(%s)", line).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).command();
  }

  private Command command(String line) {
    return parsed(line).command();
  }

  /** Every refusal names a reason and, where the parser gives one, the command to use instead. */
  private ParseResult.Invalid invalid(String line) {
    var result = parser.parse(line);
    assertThat(result).as("parse(%s)", line).isInstanceOf(ParseResult.Invalid.class);
    var invalid = (ParseResult.Invalid) result;
    assertThat(invalid.reason().plainText()).as("reason for %s", line).isNotBlank();
    assertThat(invalid.hint()).as("hint for %s", line).contains("/respond");
    return invalid;
  }

  private static String reason(ParseResult.Invalid invalid) {
    return invalid.reason().plainText();
  }

  @Nested
  class BareCommandAndViews {

    @Test
    void bareRespondOpensTheForm() {
      // When
      var parsed = parsed("/respond");

      // Then
      assertThat(parsed.command()).isEqualTo(new Command.OpenForm());
      assertThat(parsed.question()).isNull();
    }

    @Test
    void freeTextIsAView() {
      // When
      var command = command("/respond I think we should wait for the final policy text");

      // Then
      assertThat(command).isEqualTo(new Command.ShareView("I think we should wait for the final policy text"));
    }

    @Test
    void viewKeywordWithoutTextOpensTheForm() {
      assertThat(command("/respond view")).isEqualTo(new Command.OpenForm());
    }

    @Test
    void aViewThatStartsWithAKeywordIsWrittenWithView() {
      // When
      var command = command("/respond view status is fine");

      // Then
      assertThat(command).isEqualTo(new Command.ShareView("status is fine"));
    }

    @Test
    void aLeadingKeywordIsAlwaysASubcommandNotAView() {
      // When
      var invalid = invalid("/respond status is fine");

      // Then: read as the status subcommand, which takes no arguments
      assertThat(reason(invalid)).contains("status");
    }

    @Test
    void keywordsAreReadCaseInsensitively() {
      assertThat(command("/respond STATUS")).isEqualTo(new Command.Status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/respond --deadline 3d", "/respond —deadline 3d", "/respond –deadline 3d"})
    void aLineStartingWithAnOptionInAnyDashFormIsRefused(String line) {
      // When
      var invalid = invalid(line);

      // Then
      assertThat(reason(invalid)).contains("option");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/respond — honestly, I am not sure yet", "/respond -- I disagree with all of it"})
    void aViewOpeningWithADashAndASpaceIsStillAView(String line) {
      // Given a view whose first word is a dash used as punctuation, not an option

      // When
      var command = command(line);

      // Then
      assertThat(command).isInstanceOf(Command.ShareView.class);
    }
  }

  @Nested
  class QuestionReference {

    @Test
    void hashQuestionIdNamesTheQuestionForTheCommandThatFollows() {
      // When
      var parsed = parsed("/respond #Q3 status");

      // Then
      assertThat(parsed.question()).isEqualTo(new QuestionId(3));
      assertThat(parsed.command()).isEqualTo(new Command.Status());
    }

    @Test
    void hashQuestionIdAloneOpensTheFormForThatQuestion() {
      // When
      var parsed = parsed("/respond #q12");

      // Then
      assertThat(parsed.question()).isEqualTo(new QuestionId(12));
      assertThat(parsed.command()).isEqualTo(new Command.OpenForm());
    }

    @Test
    void hashQuestionIdBeforeAViewKeepsTheWholeView() {
      // When
      var parsed = parsed("/respond #Q2 we need more time");

      // Then
      assertThat(parsed.question()).isEqualTo(new QuestionId(2));
      assertThat(parsed.command()).isEqualTo(new Command.ShareView("we need more time"));
    }

    @Test
    void hashWithSomethingOtherThanAQuestionIdIsInvalidWithAReason() {
      // When
      var invalid = invalid("/respond #foo status");

      // Then
      assertThat(reason(invalid)).contains("#foo").contains("Q3");
    }
  }

  @Nested
  class Open {

    @Test
    void openWithTitleAndEveryOption() {
      // When
      var command = command(
          "/respond open New assessment policy --context The board wants feedback --for Academic Board "
              + "--deadline 3d --anonymous");

      // Then
      assertThat(command).isEqualTo(new Command.Open(
          "New assessment policy",
          "The board wants feedback",
          "Academic Board",
          new DeadlineSpec.After(Duration.ofDays(3), "3d"),
          true));
    }

    @Test
    void openWithOnlyATitleHasNoOptions() {
      // When
      var command = command("/respond open Should we adopt the new tool?");

      // Then
      assertThat(command).isEqualTo(new Command.Open("Should we adopt the new tool?", "", "", null, false));
    }

    @Test
    void emDashIsAcceptedAsAnOptionPrefix() {
      // Given a phone turned "--for" into "—for"

      // When
      var command = command("/respond open Budget 2027 —for The Finance Committee");

      // Then
      assertThat(command).isInstanceOf(Command.Open.class);
      var open = (Command.Open) command;
      assertThat(open.title()).isEqualTo("Budget 2027");
      assertThat(open.forBody()).isEqualTo("The Finance Committee");
    }

    @Test
    void openWithoutATitleIsInvalid() {
      var invalid = invalid("/respond open --deadline 3d");

      assertThat(reason(invalid)).contains("title");
    }

    @Test
    void unknownOptionIsInvalidAndNamesTheKnownOptions() {
      // When
      var invalid = invalid("/respond open Budget --dealine 3d");

      // Then
      assertThat(reason(invalid))
          .contains("dealine")
          .contains("--context", "--for", "--deadline", "--anonymous");
    }

    @Test
    void unknownOptionNameIsEchoedAsQuotedMemberInput() {
      // When
      var invalid = invalid("/respond open Budget --dealine 3d");

      // Then: the option name is the member's own typing, so it is quoted, never plain bot words
      assertThat(invalid.reason().spans())
          .filteredOn(span -> span instanceof Text.Span.Quoted)
          .extracting(span -> ((Text.Span.Quoted) span).text())
          .anySatisfy(text -> assertThat(text).contains("dealine"));
      assertThat(invalid.reason().spans())
          .filteredOn(span -> span instanceof Text.Span.Plain)
          .extracting(span -> ((Text.Span.Plain) span).text())
          .noneSatisfy(text -> assertThat(text).contains("dealine"));
    }

    @Test
    void optionGivenTwiceIsInvalid() {
      // When
      var invalid = invalid("/respond open Budget --for The Board --for The Senate");

      // Then
      assertThat(reason(invalid)).contains("--for").contains("twice");
    }

    @Test
    void anonymousFlagWithAValueIsInvalid() {
      // When
      var invalid = invalid("/respond open Budget --anonymous yes");

      // Then
      assertThat(reason(invalid)).contains("--anonymous").contains("no value");
    }

    @Test
    void optionWithoutAValueIsInvalid() {
      var invalid = invalid("/respond open Budget --context");

      assertThat(reason(invalid)).contains("--context").contains("needs a value");
    }

    @Test
    void openRefusesDeadlineNone() {
      // When
      var invalid = invalid("/respond open Budget --deadline none");

      // Then
      assertThat(reason(invalid)).contains("none").contains("not a deadline");
    }
  }

  @Nested
  class Deadlines {

    static Stream<Arguments> writtenDeadlines() {
      return Stream.of(
          Arguments.of("3d", new DeadlineSpec.After(Duration.ofDays(3), "3d")),
          Arguments.of("1w2d", new DeadlineSpec.After(Duration.ofDays(9), "1w2d")),
          Arguments.of("12h", new DeadlineSpec.After(Duration.ofHours(12), "12h")),
          Arguments.of("90m", new DeadlineSpec.After(Duration.ofMinutes(90), "90m")),
          Arguments.of("2026-12-31", new DeadlineSpec.OnDay(LocalDate.of(2026, 12, 31), "2026-12-31")),
          Arguments.of("2026-12-31 17:00",
              new DeadlineSpec.At(LocalDateTime.of(2026, 12, 31, 17, 0), "2026-12-31 17:00")),
          Arguments.of("2026-12-31T17:00",
              new DeadlineSpec.At(LocalDateTime.of(2026, 12, 31, 17, 0), "2026-12-31T17:00")));
    }

    @ParameterizedTest(name = "--deadline {0}")
    @MethodSource("writtenDeadlines")
    void openReadsDurationsDatesAndDateTimes(String written, DeadlineSpec expected) {
      // When
      var command = command("/respond open Budget --deadline " + written);

      // Then
      assertThat(command).isInstanceOf(Command.Open.class);
      assertThat(((Command.Open) command).deadline()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "0d", "2026-02-30", "3 days", "2d1w"})
    void unreadableDeadlinesAreInvalidAndRepeatWhatWasWritten(String written) {
      // When
      var invalid = invalid("/respond open Budget --deadline " + written);

      // Then
      assertThat(reason(invalid)).contains(written).contains("not a deadline");
    }
  }

  @Nested
  class Edit {

    @Test
    void editDeadlineNoneRemovesTheDeadline() {
      // When
      var command = command("/respond edit --deadline none");

      // Then
      assertThat(command).isEqualTo(new Command.Edit(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new DeadlineSpec.None("none"))));
    }

    @Test
    void editChangesOnlyTheGivenFields() {
      // When
      var command = command("/respond edit --title A better title --deadline 1w");

      // Then
      assertThat(command).isEqualTo(new Command.Edit(
          Optional.of("A better title"), Optional.empty(), Optional.empty(),
          Optional.of(new DeadlineSpec.After(Duration.ofDays(7), "1w"))));
    }

    @Test
    void editWithoutAnyOptionIsInvalid() {
      var invalid = invalid("/respond edit");

      assertThat(reason(invalid)).contains("Nothing to change");
    }

    @Test
    void editWithTextBeforeTheOptionsIsInvalid() {
      var invalid = invalid("/respond edit A new title");

      assertThat(reason(invalid)).contains("option");
    }

    @Test
    void editDoesNotAcceptAnonymous() {
      var invalid = invalid("/respond edit --anonymous");

      assertThat(reason(invalid)).contains("anonymous").contains("--title");
    }
  }

  @Nested
  class Vote {

    @Test
    void capitalVIsAStatementVote() {
      assertThat(command("/respond vote V3 agree"))
          .isEqualTo(new Command.VoteOnStatement(new StatementId(3), StatementChoice.AGREE));
    }

    @Test
    void smallVIsADraftVote() {
      assertThat(command("/respond vote v2 block"))
          .isEqualTo(new Command.VoteOnDraft(new DraftVersion(2), DraftChoice.BLOCK));
    }

    @Test
    void choiceWordsAreCaseInsensitive() {
      assertThat(command("/respond vote v2 Abstain"))
          .isEqualTo(new Command.VoteOnDraft(new DraftVersion(2), DraftChoice.ABSTAIN));
    }

    @Test
    void blockIsNotAChoiceForAStatement() {
      // When
      var invalid = invalid("/respond vote V3 block");

      // Then
      assertThat(reason(invalid)).contains("block").contains("agree", "disagree", "pass");
      assertThat(invalid.hint()).contains("V3");
    }

    @Test
    void passIsNotAChoiceForADraft() {
      // When
      var invalid = invalid("/respond vote v2 pass");

      // Then
      assertThat(reason(invalid)).contains("pass").contains("abstain", "block");
      assertThat(invalid.hint()).contains("v2");
    }

    @Test
    void anItemThatIsNeitherStatementNorDraftIsInvalid() {
      var invalid = invalid("/respond vote x1 agree");

      assertThat(reason(invalid)).contains("x1").contains("V1").contains("v1");
    }

    @Test
    void aVoteWithoutAChoiceIsInvalid() {
      var invalid = invalid("/respond vote V3");

      assertThat(reason(invalid)).contains("item and a choice");
    }
  }

  @Nested
  class Hide {

    @Test
    void hideNamesTheStatementAndTheReason() {
      assertThat(command("/respond hide V3 personal attack on a member"))
          .isEqualTo(new Command.Hide(new StatementId(3), "personal attack on a member"));
    }

    @Test
    void hideWithoutAReasonIsInvalid() {
      var invalid = invalid("/respond hide V3");

      assertThat(reason(invalid)).contains("reason");
    }
  }

  @Nested
  class Close {

    @Test
    void closeWithoutADraftUsesTheLatest() {
      assertThat(command("/respond close")).isEqualTo(new Command.Close(null));
    }

    @Test
    void closeNamesADraft() {
      assertThat(command("/respond close v2")).isEqualTo(new Command.Close(new DraftVersion(2)));
    }

    @Test
    void closeWithSomethingOtherThanADraftIsInvalid() {
      var invalid = invalid("/respond close foo");

      assertThat(reason(invalid)).contains("foo").contains("draft");
    }
  }

  @Nested
  class Export {

    @Test
    void exportDefaultsToMarkdown() {
      assertThat(command("/respond export")).isEqualTo(new Command.Export(ExportFormat.MARKDOWN));
    }

    @Test
    void exportCsv() {
      assertThat(command("/respond export csv")).isEqualTo(new Command.Export(ExportFormat.CSV));
    }

    @Test
    void exportJsonByItsExtension() {
      assertThat(command("/respond export JSON")).isEqualTo(new Command.Export(ExportFormat.JSON));
    }

    @Test
    void exportDocxIsInvalid() {
      var invalid = invalid("/respond export docx");

      assertThat(reason(invalid)).contains("docx");
      assertThat(invalid.hint()).contains("markdown", "json", "csv", "html", "pdf");
    }
  }

  @Nested
  class MemberSettings {

    @Test
    void forgetWithdrawsOnThisQuestion() {
      assertThat(command("/respond forget")).isEqualTo(new Command.Forget());
    }

    @Test
    void forgetMeWithdrawsEverywhere() {
      assertThat(command("/respond forget me")).isEqualTo(new Command.ForgetMe());
    }

    @Test
    void forgetSomeoneElseIsInvalid() {
      var invalid = invalid("/respond forget you");

      assertThat(reason(invalid)).contains("\"me\"");
    }

    @Test
    void listIsThisChannelAndListAllIsTheCommunity() {
      assertThat(command("/respond list")).isEqualTo(new Command.ListQuestions(false));
      assertThat(command("/respond list all")).isEqualTo(new Command.ListQuestions(true));
      assertThat(command("/respond list all --page 2")).isEqualTo(new Command.ListQuestions(true, 2));
      assertThat(command("/respond list --page 3")).isEqualTo(new Command.ListQuestions(false, 3));
    }

    @Test
    void listWithSomethingElseIsInvalid() {
      invalid("/respond list mine");
    }

    @Test
    void remindOnAndOff() {
      assertThat(command("/respond remind on")).isEqualTo(new Command.Remind(true));
      assertThat(command("/respond remind off")).isEqualTo(new Command.Remind(false));
    }

    @Test
    void remindMaybeIsInvalid() {
      var invalid = invalid("/respond remind maybe");

      assertThat(reason(invalid)).contains("on or off");
    }
  }

  @Nested
  class Digest {

    @Test
    void weeklyChannelDigestWithDayTimeAndZone() {
      // When
      var command = command("/respond digest weekly monday 09:00 Europe/Berlin");

      // Then
      assertThat(command).isEqualTo(new Command.ChannelDigest(
          Command.Cadence.WEEKLY, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin")));
    }

    @Test
    void dailyChannelDigestWithASingleDigitHour() {
      assertThat(command("/respond digest daily 9:30"))
          .isEqualTo(new Command.ChannelDigest(Command.Cadence.DAILY, null, LocalTime.of(9, 30), null));
    }

    @Test
    void digestOffStopsTheChannelDigest() {
      assertThat(command("/respond digest off"))
          .isEqualTo(new Command.ChannelDigest(Command.Cadence.OFF, null, null, null));
    }

    @Test
    void digestMeIsThePersonalDigest() {
      assertThat(command("/respond digest me daily")).isEqualTo(new Command.PersonalDigest(Command.Cadence.DAILY));
    }

    @Test
    void hourlyIsNotACadence() {
      var invalid = invalid("/respond digest hourly");

      assertThat(reason(invalid)).contains("hourly").contains("daily", "weekly", "off");
    }

    @Test
    void aTimeOfDayThatDoesNotExistIsInvalid() {
      var invalid = invalid("/respond digest daily 25:00");

      assertThat(reason(invalid)).contains("25:00");
    }

    @Test
    void anUnknownTimeZoneIsInvalid() {
      var invalid = invalid("/respond digest daily 09:00 Mars/Olympus");

      assertThat(reason(invalid)).contains("Mars/Olympus").contains("time zone");
    }
  }

  @Nested
  class EchoedInput {

    @ParameterizedTest
    @ValueSource(strings = {
        "/respond #@everyone status",
        "/respond vote V3 @everyone",
        "/respond vote v2 @everyone",
        "/respond vote @everyone agree",
        "/respond close @everyone",
        "/respond export @everyone",
        "/respond digest @everyone",
        "/respond digest me @everyone",
        "/respond digest daily @everyone",
        "/respond open Budget --deadline @everyone",
        "/respond edit --deadline @everyone"})
    void echoedMemberInputIsAQuotedSpanNeverPlainText(String line) {
      // When
      var invalid = invalid(line);

      // Then
      var spans = invalid.reason().spans();
      assertThat(spans)
          .filteredOn(span -> span instanceof Text.Span.Quoted)
          .extracting(span -> ((Text.Span.Quoted) span).text())
          .anySatisfy(text -> assertThat(text).contains("@everyone"));
      assertThat(spans)
          .filteredOn(span -> span instanceof Text.Span.Plain)
          .extracting(span -> ((Text.Span.Plain) span).text())
          .noneSatisfy(text -> assertThat(text).contains("@everyone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/respond status @everyone",
        "/respond reopen @everyone",
        "/respond list @everyone",
        "/respond forget @everyone",
        "/respond remind @everyone",
        "/respond hide @everyone",
        "/respond edit @everyone"})
    void refusalsThatDoNotEchoNeverPutMemberInputIntoPlainText(String line) {
      // When
      var invalid = invalid(line);

      // Then
      assertThat(invalid.reason().spans())
          .filteredOn(span -> span instanceof Text.Span.Plain)
          .extracting(span -> ((Text.Span.Plain) span).text())
          .noneSatisfy(text -> assertThat(text).contains("@everyone"));
    }

    @Test
    void aLongEchoIsShortenedToFortyCharacters() {
      // Given
      var typed = "x".repeat(200);

      // When
      var invalid = invalid("/respond export " + typed);

      // Then
      var quoted = invalid.reason().spans().stream()
          .filter(span -> span instanceof Text.Span.Quoted)
          .map(span -> ((Text.Span.Quoted) span).text())
          .findFirst()
          .orElseThrow();
      assertThat(quoted.codePointCount(0, quoted.length())).isEqualTo(40);
      assertThat(quoted).endsWith("…").startsWith("xxx");
    }

    @Test
    void anEchoIsCleanedOfControlCharacters() {
      // When
      var invalid = invalid("/respond export \u202Efdp\u0007");

      // Then
      assertThat(reason(invalid)).contains("\"fdp\"").doesNotContain("\u202E").doesNotContain("\u0007");
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "#Q0 status", "#q00 close", "vote V0 pass", "vote v0 agree", "hide V00 spam", "close v0"})
  void aZeroIdIsRefusedLikeAnyOtherBadId(String line) {
    var refused = invalid(line);
    assertThat(reason(refused)).isNotBlank();
    assertThat(refused.hint()).isNotBlank();
  }
}
