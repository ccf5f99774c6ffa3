package dev.chorus.core.question;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One joint response in progress: the aggregate every use case reads and replaces whole.
 *
 * @param revision the stored revision this value was read at (0 for a question not yet stored)
 * @param context background text, empty when none
 * @param forBody the outside body the response is for, empty when none
 * @param opener who opened it (a pseudonym in anonymous questions)
 * @param openerName null in anonymous questions
 * @param pseudonymSalt per-question salt for pseudonyms; empty in named questions
 * @param outcomes every outcome published, oldest first (a reopened question keeps them)
 * @param held forgotten members' votes still counted in the tallies shown (anonymous questions only)
 */
public record Question(
    CommunityId community,
    QuestionId id,
    ChannelId channel,
    long revision,
    String title,
    String context,
    String forBody,
    @Nullable Instant deadline,
    boolean anonymous,
    MemberKey opener,
    @Nullable String openerName,
    String pseudonymSalt,
    Instant openedAt,
    QuestionStatus status,
    List<Statement> statements,
    List<Draft> drafts,
    List<Outcome> outcomes,
    List<HeldVote> held) {

  public Question {
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(title, "title");
    statements = List.copyOf(statements);
    drafts = List.copyOf(drafts);
    outcomes = List.copyOf(outcomes);
    held = List.copyOf(held);
  }

  /** A question with no forgotten votes held. */
  public Question(
      CommunityId community, QuestionId id, ChannelId channel, long revision, String title, String context,
      String forBody, @Nullable Instant deadline, boolean anonymous, MemberKey opener, @Nullable String openerName,
      String pseudonymSalt, Instant openedAt, QuestionStatus status, List<Statement> statements, List<Draft> drafts,
      List<Outcome> outcomes) {
    this(community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, status, statements, drafts, outcomes, List.of());
  }

  public boolean open() {
    return status == QuestionStatus.OPEN;
  }

  /** When it closed, for a closed question: its latest outcome's time, else when it opened. */
  public Optional<Instant> closedAt() {
    return open() ? Optional.empty() : Optional.of(latestOutcome().map(Outcome::closedAt).orElse(openedAt));
  }

  /** Whether it is open, or closed at or after {@code since}. */
  public boolean openOrClosedSince(Instant since) {
    return closedAt().map(at -> !at.isBefore(since)).orElse(true);
  }

  public Optional<Statement> statement(StatementId statementId) {
    for (var statement : statements) {
      if (statement.id().equals(statementId)) {
        return Optional.of(statement);
      }
    }
    return Optional.empty();
  }

  /** The member's current view, if they shared one and have not withdrawn it. */
  public Optional<Statement> viewOf(MemberKey member) {
    for (var statement : statements) {
      if (statement.kind() == StatementKind.VIEW && statement.author().equals(member) && statement.active()) {
        return Optional.of(statement);
      }
    }
    return Optional.empty();
  }

  public List<Statement> activeStatements() {
    return statements.stream().filter(Statement::active).toList();
  }

  public List<Statement> activeViews() {
    return statements.stream().filter(s -> s.active() && s.kind() == StatementKind.VIEW).toList();
  }

  /** Members who shared a view that counts: the base of participation and of the quorum. */
  public Set<MemberKey> membersWithView() {
    var members = new LinkedHashSet<MemberKey>();
    for (var view : activeViews()) {
      members.add(view.author());
    }
    return members;
  }

  /** Everyone who took part in any way: shared, amended or voted. */
  public Set<MemberKey> participants() {
    var members = new LinkedHashSet<MemberKey>();
    for (var statement : statements) {
      if (statement.status() != StatementStatus.WITHDRAWN) {
        members.add(statement.author());
      }
      members.addAll(statement.votes().keySet());
    }
    for (var draft : drafts) {
      members.addAll(draft.ballots().keySet());
    }
    return members;
  }

  public Optional<Draft> latestDraft() {
    return drafts.isEmpty() ? Optional.empty() : Optional.of(drafts.get(drafts.size() - 1));
  }

  public Optional<Draft> draft(DraftVersion version) {
    for (var draft : drafts) {
      if (draft.version().equals(version)) {
        return Optional.of(draft);
      }
    }
    return Optional.empty();
  }

  public Optional<Outcome> latestOutcome() {
    return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.get(outcomes.size() - 1));
  }

  public StatementId nextStatementId() {
    return new StatementId(statements.size() + 1);
  }

  public DraftVersion nextDraftVersion() {
    return new DraftVersion(drafts.size() + 1);
  }

  public Question withStatement(Statement added) {
    var copy = new ArrayList<>(statements);
    copy.add(added);
    return withStatements(copy);
  }

  public Question withStatementChanged(StatementId statementId, UnaryOperator<Statement> change) {
    var copy = new ArrayList<Statement>(statements.size());
    for (var statement : statements) {
      copy.add(statement.id().equals(statementId) ? change.apply(statement) : statement);
    }
    return withStatements(copy);
  }

  public Question withStatements(List<Statement> replaced) {
    return new Question(
        community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, status, replaced, drafts, outcomes, held);
  }

  public Question withDraft(Draft added) {
    var copy = new ArrayList<>(drafts);
    copy.add(added);
    return withDrafts(copy);
  }

  public Question withDraftChanged(DraftVersion version, UnaryOperator<Draft> change) {
    var copy = new ArrayList<Draft>(drafts.size());
    for (var draft : drafts) {
      copy.add(draft.version().equals(version) ? change.apply(draft) : draft);
    }
    return withDrafts(copy);
  }

  public Question withDrafts(List<Draft> replaced) {
    return new Question(
        community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, status, statements, replaced, outcomes, held);
  }

  public Question closedWith(Outcome outcome) {
    var copy = new ArrayList<>(outcomes);
    copy.add(outcome);
    return new Question(
        community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, QuestionStatus.CLOSED, statements, drafts, copy, List.of());
  }

  public Question reopened() {
    return new Question(
        community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, QuestionStatus.OPEN, statements, drafts, outcomes, held);
  }

  public Question withDetails(String newTitle, String newContext, String newForBody, @Nullable Instant newDeadline) {
    return new Question(
        community, id, channel, revision, newTitle, newContext, newForBody, newDeadline, anonymous, opener,
        openerName, pseudonymSalt, openedAt, status, statements, drafts, outcomes, held);
  }

  /** This question as the store holds it once this value, read at its revision, is committed. */
  public Question committed() {
    return atRevision(revision + 1);
  }

  /** The same question as stored at the given revision; only stores call this. */
  public Question atRevision(long storedRevision) {
    return new Question(
        community, id, channel, storedRevision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, status, statements, drafts, outcomes, held);
  }

  /** The same question with these forgotten votes held. */
  public Question withHeld(List<HeldVote> replaced) {
    return new Question(
        community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, status, statements, drafts, outcomes, replaced);
  }

  /** The same question with the opener's name taken away (the opener asked to be forgotten). */
  public Question withoutOpenerName() {
    return new Question(
        community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, null,
        pseudonymSalt, openedAt, status, statements, drafts, outcomes, held);
  }

  /** The same question with these outcomes (names taken out of them). */
  public Question withOutcomes(List<Outcome> replaced) {
    return new Question(
        community, id, channel, revision, title, context, forBody, deadline, anonymous, opener, openerName,
        pseudonymSalt, openedAt, status, statements, drafts, replaced, held);
  }

  /** The tally as Chorus shows it: with forgotten votes not yet mixed in with enough other changes. */
  public Statement.StatementTally shownTally(Statement statement) {
    var tally = statement.tally();
    int agree = tally.agree();
    int disagree = tally.disagree();
    int pass = tally.pass();
    for (var choice : stillHeld(HeldVote.item(statement.id()))) {
      switch (StatementChoice.valueOf(choice)) {
        case AGREE -> agree++;
        case DISAGREE -> disagree++;
        case PASS -> pass++;
      }
    }
    return new Statement.StatementTally(agree, disagree, pass);
  }

  /** The tally as Chorus shows it: with forgotten ballots not yet mixed in with enough other changes. */
  public Draft.DraftTally shownTally(Draft draft) {
    var tally = draft.tally();
    int agree = tally.agree();
    int abstain = tally.abstain();
    int disagree = tally.disagree();
    int block = tally.block();
    for (var choice : stillHeld(HeldVote.item(draft.version()))) {
      switch (DraftChoice.valueOf(choice)) {
        case AGREE -> agree++;
        case ABSTAIN -> abstain++;
        case DISAGREE -> disagree++;
        case BLOCK -> block++;
      }
    }
    return new Draft.DraftTally(agree, abstain, disagree, block);
  }

  /** The choices of forgotten votes on one item that still count in what is shown. */
  private List<String> stillHeld(String item) {
    if (held.isEmpty()) {
      return List.of();
    }
    var choices = new ArrayList<String>();
    for (var vote : held) {
      if (vote.item().equals(item) && !vote.mixedIn(this)) {
        choices.add(vote.choice());
      }
    }
    return choices;
  }

  /** The held votes that enough other changes have mixed in, so a write may let them go for good. */
  public List<HeldVote> mixedInHeld() {
    return held.stream().filter(vote -> vote.mixedIn(this)).toList();
  }
}
