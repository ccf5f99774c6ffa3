package dev.chorus.core.conversation;

import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.StatementKind;
import java.util.Optional;

/**
 * How much one question may hold, so that no member (or script) can grow it without end: every
 * write rewrites the question, and every member's card shows it. Each refusal is private and names
 * its limit.
 *
 * @param drafts drafts per question
 * @param amendmentsPerMember amendments one member may propose to one question
 * @param viewEditsPerMember times one member may replace their view in one question
 * @param storedCharacters the members' and facilitators' words one question may hold in all
 */
public record QuestionCaps(int drafts, int amendmentsPerMember, int viewEditsPerMember, int storedCharacters) {
  public static final QuestionCaps DEFAULTS = new QuestionCaps(50, 25, 25, 500_000);

  public QuestionCaps {
    if (drafts < 1 || amendmentsPerMember < 1 || viewEditsPerMember < 0 || storedCharacters < 10_000) {
      throw new IllegalArgumentException("question caps must allow at least a draft, an amendment and 10,000 characters");
    }
  }

  /** A refusal when one more draft would pass the cap. */
  public Optional<Decision.Rejected> anotherDraft(Question question, int characters) {
    if (question.drafts().size() >= drafts) {
      return Optional.of(Decision.Rejected.because(question.id() + " already has " + drafts + " drafts, the most one "
          + "question can have.", "vote on the latest draft, or open a new question for a fresh start: "
          + StandardCommands.OPEN.with("<title>")));
    }
    return room(question, characters);
  }

  /** A refusal when the member's next amendment would pass the cap. */
  public Optional<Decision.Rejected> anotherAmendment(Question question, MemberKey member, int characters) {
    long mine = question.statements().stream()
        .filter(s -> s.kind() == StatementKind.AMENDMENT && s.author().equals(member)).count();
    if (mine >= amendmentsPerMember) {
      return Optional.of(Decision.Rejected.because("You have proposed " + amendmentsPerMember + " amendments to "
          + question.id() + ", the most one member can propose to one question.",
          "vote on the amendments already there, or put your point in your view: "
              + StandardCommands.VIEW.on(question.id(), "<your view>")));
    }
    return room(question, characters);
  }

  /** A refusal when the member's next view (or view edit) would pass the cap. */
  public Optional<Decision.Rejected> anotherView(Question question, MemberKey member, int characters) {
    long versions = question.statements().stream()
        .filter(s -> s.kind() == StatementKind.VIEW && s.author().equals(member)).count();
    if (versions > viewEditsPerMember) {
      return Optional.of(Decision.Rejected.because("You have changed your view on " + question.id() + " "
          + viewEditsPerMember + " times, the most one question allows; your latest view still counts.",
          StandardCommands.STATUS.on(question.id()) + " shows your view"));
    }
    return room(question, characters);
  }

  /** A refusal when adding this many characters would pass the question's total. */
  public Optional<Decision.Rejected> room(Question question, int characters) {
    if (storedCharacters(question) + characters > storedCharacters) {
      return Optional.of(Decision.Rejected.because(question.id() + " holds as much text as one question can ("
          + String.format(java.util.Locale.ROOT, "%,d", storedCharacters) + " characters), so nothing more can be added.",
          "a facilitator can close it and open a follow-up question: " + StandardCommands.OPEN.with("<title>")));
    }
    return Optional.empty();
  }

  /** The words a question holds, as members and facilitators wrote them. */
  public static int storedCharacters(Question question) {
    long total = question.title().length() + question.context().length() + question.forBody().length();
    for (var statement : question.statements()) {
      total += statement.text().length();
      total += statement.hiddenReason() == null ? 0 : statement.hiddenReason().length();
    }
    for (var draft : question.drafts()) {
      total += draft.text().length();
      for (var ballot : draft.ballots().values()) {
        total += ballot.reason() == null ? 0 : ballot.reason().length();
      }
    }
    for (var outcome : question.outcomes()) {
      total += outcome.draftText().length();
      for (var dissent : outcome.dissent()) {
        total += dissent.words().length();
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }
}
