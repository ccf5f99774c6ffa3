package dev.chorus.core.digest;

import dev.chorus.core.command.Command.Cadence;
import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scheduled messages. Each lists a bounded number of questions, one short line each, and
 * counts the rest, so a channel with dozens of open questions still gets a digest within every
 * platform's limits; nothing is cut in the middle.
 */
final class DigestCards {
  /** Questions listed one by one; the others are counted. */
  static final int LISTED = 8;

  private DigestCards() {}

  /** One open question's line in a channel digest, with what changed since the last digest. */
  record ChannelLine(Question question, ChannelDigests.Activity now, ChannelDigests.@Nullable Activity before,
      @Nullable Integer withoutView) {
    /** What the last digest showed, or nothing when the question is new to the digest. */
    ChannelDigests.Activity beforeOrNone() {
      return before == null ? ChannelDigests.Activity.NONE : before;
    }
  }

  static Card channel(List<ChannelLine> lines, Instant now) {
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Heading(Text.of("Digest: " + (lines.size() == 1 ? "1 open question" : lines.size() + " open questions"))));
    var items = new ArrayList<Text>();
    for (var line : lines.subList(0, Math.min(LISTED, lines.size()))) {
      var q = line.question();
      var text = Text.builder().plain(q.id() + " · ").quoted(q.title()).plain(" — ");
      deadline(text, q, now);
      var before = line.beforeOrNone();
      int newViews = Math.max(0, line.now().views() - before.views());
      int newVotes = Math.max(0, line.now().votes() - before.votes());
      text.plain(newViews + " new " + (newViews == 1 ? "view" : "views") + " and " + newVotes + " new "
          + (newVotes == 1 ? "vote" : "votes") + (line.before() == null ? " since it opened" : " since the last digest")
          + "; " + line.now().views() + " shared so far");
      if (line.withoutView() != null) {
        text.plain(", " + line.withoutView() + (line.withoutView() == 1 ? " member has" : " members have") + " not yet");
      }
      text.plain(". ");
      latestDraft(text, q);
      text.plain("Join in ").link(new Target.QuestionCard(q.id()), "its thread")
          .plain(", or " + StandardCommands.STATUS.on(q.id()) + " for more.");
      items.add(text.build());
    }
    blocks.addAll(bullets(items));
    if (lines.size() > LISTED) {
      blocks.add(new Block.Paragraph(Text.of("And " + (lines.size() - LISTED) + " more open questions, not listed "
          + "here to keep this short: " + StandardCommands.LIST.invocation() + " shows them all.")));
    }
    return new Card(blocks, List.of(), List.of());
  }

  /** What awaits one member, by direct message. */
  record Awaiting(Question question, boolean view, @Nullable Draft draftToVote) {}

  /** @param unchecked questions awaiting the member in channels the platform could not say they can see: counted, not named */
  static Card personal(List<Awaiting> awaiting, int unchecked, Instant now) {
    var blocks = new ArrayList<Block>();
    int total = awaiting.size() + unchecked;
    blocks.add(new Block.Heading(Text.of("Your digest: " + (total == 1 ? "1 question awaits you"
        : total + " questions await you"))));
    var items = new ArrayList<Text>();
    for (var a : awaiting.subList(0, Math.min(LISTED, awaiting.size()))) {
      var q = a.question();
      var text = Text.builder().plain(q.id() + " · ").quoted(q.title()).plain(" — ");
      deadline(text, q, now);
      if (a.view()) {
        text.plain("your view is not in yet (" + StandardCommands.VIEW.on(q.id(), "<your view>") + ")");
      }
      if (a.draftToVote() != null) {
        text.plain((a.view() ? "; " : "") + "draft " + a.draftToVote().version() + " awaits your vote");
      }
      text.plain(". ").link(new Target.QuestionCard(q.id()), "Its thread").plain(".");
      items.add(text.build());
    }
    blocks.addAll(bullets(items));
    if (awaiting.size() > LISTED) {
      blocks.add(new Block.Paragraph(Text.of("And " + (awaiting.size() - LISTED) + " more: "
          + StandardCommands.LIST.with(StandardCommands.ALL) + " shows them.")));
    }
    if (unchecked > 0) {
      blocks.add(new Block.Paragraph(Text.of((awaiting.isEmpty() ? "" : "Also ")
          + (unchecked == 1 ? "1 question" : unchecked + " questions") + " in channels Chorus cannot check that you "
          + "can see, so not named here: " + StandardCommands.LIST.invocation()
          + " in each of your channels shows its questions.")));
    }
    blocks.add(new Block.Paragraph(Text.of(StandardCommands.DIGEST.with(StandardCommands.ME, Cadence.OFF.word())
        + " stops this digest.")));
    return new Card(blocks, List.of(), List.of());
  }

  /** The lines as one bullet list; each platform's renderer splits it, between lines, to fit its limits. */
  private static List<Block> bullets(List<Text> items) {
    return items.isEmpty() ? List.of() : List.of(new Block.Bullets(items));
  }

  /** @param deadline {@code q}'s deadline: a reminder is only sent for a question that has one */
  static Card reminder(Question q, Instant deadline, Instant now) {
    var text = Text.builder().plain("A gentle reminder: ").plain(q.id() + " · ").quoted(q.title()).plain(" closes ");
    text.moment(deadline).plain(" (" + left(Duration.between(now, deadline)) + " from now), and your view is "
        + "not in yet. Every voice counts: " + StandardCommands.VIEW.on(q.id(), "<your view>") + " in its channel, or "
        + CommandCatalog.SLASH_COMMAND + " there for a form.");
    return Card.of(new Block.Paragraph(text.build()),
        new Block.Paragraph(Text.of("This is the only reminder for " + q.id() + ". "
            + StandardCommands.REMIND.with(StandardCommands.OFF) + " stops reminders.")));
  }

  private static void deadline(Text.Builder text, Question q, Instant now) {
    if (q.deadline() == null) {
      text.plain("no deadline; ");
    } else {
      text.plain("closes ").moment(q.deadline()).plain(" (" + left(Duration.between(now, q.deadline())) + " left); ");
    }
  }

  private static void latestDraft(Text.Builder text, Question q) {
    var draft = q.latestDraft();
    if (draft.isEmpty()) {
      text.plain("No draft yet. ");
      return;
    }
    text.plain("Draft " + draft.get().version() + ": " + q.shownTally(draft.get()).inWords() + ". ");
  }

  static String left(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return "no time";
    }
    long days = duration.toDays();
    if (days >= 2) {
      return days + " days";
    }
    long hours = Math.max(1, duration.toHours());
    return hours == 1 ? "about 1 hour" : hours + " hours";
  }
}
