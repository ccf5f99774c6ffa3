package dev.chorus.core;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.CommandParser;
import dev.chorus.core.command.ParseResult;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Lookup;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChangeNotifications;
import dev.chorus.core.draft.PostDraft;
import dev.chorus.core.draft.WriteDraft;
import dev.chorus.core.export.ExportQuestion;
import dev.chorus.core.report.Reports;
import dev.chorus.core.report.ShareReport;
import dev.chorus.core.report.MapPictures;
import dev.chorus.core.lifecycle.CloseQuestion;
import dev.chorus.core.lifecycle.EditQuestion;
import dev.chorus.core.lifecycle.OpenQuestion;
import dev.chorus.core.lifecycle.ReopenQuestion;
import dev.chorus.core.message.ButtonAction;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.overview.Forms;
import dev.chorus.core.overview.ListQuestions;
import dev.chorus.core.overview.OfferForm;
import dev.chorus.core.overview.OfferShortcutForm;
import dev.chorus.core.overview.ShowHelp;
import dev.chorus.core.overview.ShowStatus;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.Questions;
import dev.chorus.core.view.ForgetEverywhere;
import dev.chorus.core.view.ForgetMember;
import dev.chorus.core.view.HideStatement;
import dev.chorus.core.view.ProposeAmendment;
import dev.chorus.core.view.ShareView;
import dev.chorus.core.vote.GiveBlockReason;
import dev.chorus.core.vote.Reactions;
import dev.chorus.core.vote.VoteOnDraft;
import dev.chorus.core.vote.VoteOnStatement;
import dev.chorus.core.vote.VoteSource;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Builds the use cases and hands each event to one: a command by its kind, a reaction or button by
 * the message it is on, a form by its id. It decides only; committing is {@link Attempts}'s.
 */
final class Router {
  private static final String OPEN_NAMES_NO_QUESTION = "open starts a new question; it takes no question id.";

  private final Questions questions;
  private final Ballots ballots;
  private final MessageLinks links;
  private final Pseudonyms pseudonyms;
  private final CommandParser parser;
  private final Lookup lookup;
  private final OfferForm offerForm;
  private final OfferShortcutForm offerShortcutForm;
  private final ShareView shareView;
  private final OpenQuestion openQuestion;
  private final PostDraft postDraft;
  private final WriteDraft writeDraft;
  private final ProposeAmendment proposeAmendment;
  private final VoteOnStatement voteOnStatement;
  private final VoteOnDraft voteOnDraft;
  private final GiveBlockReason giveBlockReason;
  private final ShowStatus showStatus;
  private final ListQuestions listQuestions;
  private final EditQuestion editQuestion;
  private final HideStatement hideStatement;
  private final CloseQuestion closeQuestion;
  private final ReopenQuestion reopenQuestion;
  private final ExportQuestion exportQuestion;
  private final ShareReport shareReport;
  private final MapPictures maps;
  private final ChangeNotifications notifications;
  private final ForgetMember forgetMember;
  private final ForgetEverywhere forgetEverywhere;
  private final ShowHelp showHelp;

  Router(Stores stores, Chat chat, Pseudonyms pseudonyms, Clock clock, Settings settings, RandomGenerator random,
      Observer observer, CommandCatalog catalog, Reports reports) {
    this.exportQuestion = new ExportQuestion(reports, settings, clock);
    this.shareReport = new ShareReport(stores.sharedReports(), pseudonyms, settings, random);
    this.questions = stores.questions();
    this.ballots = stores.ballots();
    this.links = stores.links();
    this.pseudonyms = pseudonyms;
    this.parser = new CommandParser(catalog);
    this.notifications = new ChangeNotifications(stores.channelDigests(), stores.memberPreferences(), pseudonyms, clock,
        settings);
    this.lookup = new Lookup(questions, clock, settings.recentlyClosed());
    this.offerForm = new OfferForm(questions, pseudonyms, settings);
    this.offerShortcutForm = new OfferShortcutForm(questions, links, lookup, settings);
    this.shareView = new ShareView(pseudonyms, clock, settings);
    this.openQuestion = new OpenQuestion(questions, links, pseudonyms, clock, settings, random);
    this.postDraft = new PostDraft(pseudonyms, clock, settings);
    this.writeDraft = new WriteDraft(pseudonyms, settings, postDraft, observer);
    this.proposeAmendment = new ProposeAmendment(pseudonyms, clock, settings);
    this.voteOnStatement = new VoteOnStatement(pseudonyms);
    this.voteOnDraft = new VoteOnDraft(pseudonyms, clock);
    this.giveBlockReason = new GiveBlockReason(pseudonyms, settings);
    this.showStatus = new ShowStatus(pseudonyms);
    this.listQuestions = new ListQuestions(questions, chat, clock, settings);
    this.editQuestion = new EditQuestion(pseudonyms, clock, settings);
    this.hideStatement = new HideStatement(pseudonyms, settings);
    this.closeQuestion = new CloseQuestion(pseudonyms, clock, settings, observer, reports);
    this.maps = new MapPictures(reports, clock);
    this.reopenQuestion = new ReopenQuestion(pseudonyms, clock);
    this.forgetMember = new ForgetMember(pseudonyms);
    this.forgetEverywhere = new ForgetEverywhere(pseudonyms);
    this.showHelp = new ShowHelp(catalog);
  }

  /** A command as a member typed or chose it; null for any other event. */
  @Nullable ParseResult parse(Inbound inbound) {
    if (inbound instanceof Inbound.CommandInvoked command) {
      return parser.parse(command.text());
    }
    if (inbound instanceof Inbound.CommandChosen chosen) {
      return parser.parseChosen(chosen.subcommand(), chosen.options());
    }
    return null;
  }

  /** The question a command is about, found as the command's use case would find it. */
  Lookup lookup() {
    return lookup;
  }

  Decision decide(Inbound inbound, @Nullable ParseResult parsed, Reads reads) {
    if (parsed instanceof ParseResult.Invalid invalid) {
      return new Decision.Rejected(invalid.reason(), invalid.hint());
    }
    if (parsed instanceof ParseResult.Parsed ok) {
      var command = ok.command();
      return command.command().accept(new ToUseCase(Request.of(inbound, command.question())));
    }
    if (inbound instanceof Inbound.ReactionAdded reaction) {
      return reaction(inbound, reads, reaction.messageId(), reaction.emoji(), false);
    }
    if (inbound instanceof Inbound.ReactionRemoved reaction) {
      return reaction(inbound, reads, reaction.messageId(), reaction.emoji(), true);
    }
    if (inbound instanceof Inbound.ButtonPressed button) {
      return button(inbound, reads, button);
    }
    if (inbound instanceof Inbound.MessageShortcut shortcut) {
      return offerShortcutForm.decide(shortcut);
    }
    return form(inbound, (Inbound.FormSubmitted) inbound);
  }

  /** Each command to its use case; the compiler sees that none is left out. */
  private final class ToUseCase implements Command.Visitor<Decision> {
    private final Request request;

    ToUseCase(Request request) {
      this.request = request;
    }

    @Override
    public Decision openForm(Command.OpenForm command) {
      return offerForm.decide(request);
    }

    @Override
    public Decision openQuestionForm(Command.OpenQuestionForm command) {
      return request.named() != null
          ? Decision.Rejected.because(OPEN_NAMES_NO_QUESTION, StandardCommands.OPEN.invocation())
          : offerForm.openQuestion(request);
    }

    @Override
    public Decision shareView(Command.ShareView view) {
      return onOpen(request, StandardCommands.VIEW::usageWithWordsOn,
          q -> Router.this.shareView.decide(request, q, view.text()));
    }

    @Override
    public Decision open(Command.Open open) {
      return request.named() != null
          ? Decision.Rejected.because(OPEN_NAMES_NO_QUESTION, StandardCommands.OPEN.usage())
          : openQuestion.decide(request, open);
    }

    @Override
    public Decision postDraft(Command.PostDraft draft) {
      if (draft.text().isBlank()) {
        return onOpen(request, StandardCommands.DRAFT_COMMAND::usageOn,
            q -> maps.after(writeDraft.decide(request, q), "Chorus wrote a draft"));
      }
      return onOpen(request, StandardCommands.DRAFT_COMMAND::usageWithWordsOn,
          q -> Router.this.postDraft.decide(request, q, draft.text()));
    }

    @Override
    public Decision amend(Command.Amend amend) {
      return onOpen(request, StandardCommands.AMEND::usageWithWordsOn,
          q -> proposeAmendment.decide(request, q, amend.text()));
    }

    @Override
    public Decision voteOnStatement(Command.VoteOnStatement vote) {
      return onOpen(request, q -> StandardCommands.VOTE.on(q, vote.statement(), vote.choice().word()),
          q -> Router.this.voteOnStatement.decide(request, q, vote.statement(), vote.choice(), VoteSource.COMMAND));
    }

    @Override
    public Decision voteOnDraft(Command.VoteOnDraft vote) {
      return onOpen(request, q -> StandardCommands.VOTE.on(q, vote.draft(), vote.choice().word()),
          q -> Router.this.voteOnDraft.decide(request, q, vote.draft(), vote.choice(), VoteSource.COMMAND));
    }

    @Override
    public Decision giveReason(Command.GiveReason reason) {
      return onOpen(request, StandardCommands.REASON_COMMAND::usageWithWordsOn,
          q -> giveBlockReason.decide(request, q, reason.text()));
    }

    @Override
    public Decision status(Command.Status command) {
      return onAny(request, StandardCommands.STATUS::usageOn, q -> showStatus.decide(request, q));
    }

    @Override
    public Decision listQuestions(Command.ListQuestions list) {
      return Router.this.listQuestions.decide(request, list.wholeCommunity(), list.page());
    }

    @Override
    public Decision edit(Command.Edit edit) {
      return onAny(request, StandardCommands::editExample, q -> editQuestion.decide(request, q, edit));
    }

    @Override
    public Decision hide(Command.Hide hide) {
      return onAny(request, StandardCommands.HIDE::usageOn,
          q -> hideStatement.decide(request, q, hide.statement(), hide.reason()));
    }

    @Override
    public Decision close(Command.Close close) {
      return onAny(request, q -> StandardCommands.CLOSE.on(q), q -> closeQuestion.decide(request, q, close.draft()));
    }

    @Override
    public Decision reopen(Command.Reopen command) {
      return onAny(request, StandardCommands.REOPEN::usageOn, q -> reopenQuestion.decide(request, q));
    }

    @Override
    public Decision export(Command.Export export) {
      return onAny(request, q -> StandardCommands.EXPORT.on(q), q -> exportQuestion.decide(q, export.format()));
    }

    @Override
    public Decision share(Command.Share share) {
      return onAny(request, StandardCommands.SHARE::usageOn, q -> shareReport.decide(request, q, share.on()));
    }

    @Override
    public Decision channelDigest(Command.ChannelDigest digest) {
      return notifications.channelDigest(request, digest, questions.openInChannel(request.community(), request.channel()));
    }

    @Override
    public Decision personalDigest(Command.PersonalDigest digest) {
      return notifications.personalDigest(request, digest);
    }

    @Override
    public Decision remind(Command.Remind remind) {
      return notifications.reminders(request, remind);
    }

    @Override
    public Decision forget(Command.Forget command) {
      return onAny(request, StandardCommands.FORGET::usageOn, q -> forgetMember.decide(request, q));
    }

    @Override
    public Decision forgetMe(Command.ForgetMe command) {
      return forgetEverywhere.decide(request, questions.inCommunity(request.community()));
    }

    @Override
    public Decision help(Command.Help command) {
      return showHelp.decide();
    }
  }

  private Decision onOpen(Request request, Lookup.Usage usage, Function<Question, Decision> useCase) {
    return decided(lookup.openQuestion(request, usage), useCase);
  }

  private Decision onAny(Request request, Lookup.Usage usage, Function<Question, Decision> useCase) {
    return decided(lookup.anyQuestion(request, usage), useCase);
  }

  private static Decision decided(Lookup.Found found, Function<Question, Decision> useCase) {
    var question = Lookup.questionOf(found);
    return question == null ? Lookup.rejection(found) : useCase.apply(question);
  }

  private Decision reaction(Inbound inbound, Reads reads, String messageId, String emoji, boolean removed) {
    var target = links.targetOf(inbound.community(), messageId);
    if (target.isEmpty()) {
      return Decision.Accepted.saying();
    }
    // Reactions that are no vote are common (members react as they like): settled before any read.
    var shown = target.get();
    if (shown instanceof Target.StatementMessage statement) {
      var choice = Reactions.statementChoice(emoji);
      return choice.isEmpty() ? Decision.Accepted.saying()
          : vote(inbound, reads, messageId, shown.question(), statement.statement(), choice.get().word(), removed,
              (request, question) -> removed
                  ? voteOnStatement.retract(request, question, statement.statement(), choice.get())
                  : voteOnStatement.decide(request, question, statement.statement(), choice.get(), VoteSource.REACTION));
    }
    var version = shown instanceof Target.DraftMessage draft ? draft.draft()
        : shown instanceof Target.DraftAnnouncement announcement ? announcement.draft() : null;
    if (version == null) {
      return Decision.Accepted.saying();
    }
    var choice = Reactions.draftChoice(emoji);
    return choice.isEmpty() ? Decision.Accepted.saying()
        : vote(inbound, reads, messageId, shown.question(), version, choice.get().word(), removed,
            (request, question) -> removed ? voteOnDraft.retract(request, question, version, choice.get())
                : voteOnDraft.decide(request, question, version, choice.get(), VoteSource.REACTION));
  }

  /**
   * A vote reaction on a view, amendment or draft: the question read, the reaction noted (named
   * questions only), and a removal that leaves alone a vote cast later by command or button.
   *
   * @param item a {@link dev.chorus.core.question.StatementId} or a {@link dev.chorus.core.question.DraftVersion}
   */
  private Decision vote(Inbound inbound, Reads reads, String messageId, QuestionId id, Object item, String word,
      boolean removed, BiFunction<Request, Question, Decision> vote) {
    var question = reads.question(id);
    if (question.isEmpty()) {
      return Decision.Accepted.saying();
    }
    if (!question.get().anonymous()) {
      reads.note(messageId, inbound.actor().id(), word, !removed);
    }
    if (removed && !ballots.castByReaction(inbound.community(), question.get().id(), item,
        pseudonyms.keyOf(question.get(), inbound.actor().id()))) {
      return Decision.Accepted.saying();
    }
    return vote.apply(Request.of(inbound, question.get().id()), question.get());
  }

  private Decision button(Inbound inbound, Reads reads, Inbound.ButtonPressed button) {
    var action = ButtonAction.parse(button.action());
    var target = links.targetOf(inbound.community(), button.messageId());
    // A press can come before the message is linked; the action itself names the question and item.
    if (action.isEmpty() || target.isPresent() && !target.get().question().equals(action.get().question())) {
      return Decision.Rejected.because("That button is not one Chorus can act on any more.",
          StandardCommands.STATUS.invocation() + " shows where the question stands");
    }
    var question = reads.question(action.get().question());
    if (question.isEmpty()) {
      return Decision.Rejected.because("That question no longer exists.", StandardCommands.LIST.invocation());
    }
    var request = Request.of(inbound, question.get().id());
    if (action.get() instanceof ButtonAction.StatementVote vote) {
      return voteOnStatement.decide(request, question.get(), vote.statement(), vote.choice(), VoteSource.BUTTON);
    }
    var vote = (ButtonAction.DraftVote) action.get();
    return voteOnDraft.decide(request, question.get(), vote.draft(), vote.choice(), VoteSource.BUTTON);
  }

  private Decision form(Inbound inbound, Inbound.FormSubmitted form) {
    if (form.formId().equals(Forms.OPEN)) {
      var deadlineText = form.fields().getOrDefault(StandardCommands.DEADLINE, "").strip();
      var deadline = deadlineText.isEmpty() ? null : CommandParser.parseDeadline(deadlineText, false).orElse(null);
      if (!deadlineText.isEmpty() && deadline == null) {
        return new Decision.Rejected(Text.builder().plain("\"").quoted(deadlineText).plain("\" is not a deadline. "
            + "Write a duration (3d, 12h, 1w) or a date (2026-12-31).").build(),
            "send the form again, or " + StandardCommands.openExample());
      }
      return openQuestion.decide(Request.of(inbound, null), new Command.Open(
          form.fields().getOrDefault(StandardCommands.TITLE, ""), form.fields().getOrDefault(StandardCommands.CONTEXT, ""),
          form.fields().getOrDefault(StandardCommands.FOR, ""), deadline, false));
    }
    var amended = Forms.amendmentFormQuestion(form.formId());
    if (amended.isPresent()) {
      var request = Request.of(inbound, amended.get());
      return onOpen(request, StandardCommands.AMEND::usageWithWordsOn,
          q -> proposeAmendment.decide(request, q, form.fields().getOrDefault(Forms.CHANGE, "")));
    }
    var question = Forms.viewFormQuestion(form.formId());
    if (question.isPresent()) {
      QuestionId id = question.get();
      var request = Request.of(inbound, id);
      return onOpen(request, StandardCommands.VIEW::usageWithWordsOn,
          q -> shareView.decide(request, q, form.fields().getOrDefault("view", "")));
    }
    return Decision.Rejected.because("That form is not one Chorus can act on any more.",
        CommandCatalog.SLASH_COMMAND + " for a new form");
  }
}
