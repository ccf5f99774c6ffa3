package dev.chorus.core.overview;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.command.Command;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.digest.MemberPreferences;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Button;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Questions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A member's home (Slack's Home tab): the open questions of the channels they are in, each with its
 * deadline, whether their view is in and the drafts awaiting their vote, and a link to its thread;
 * then their digest and reminder settings, with a button for each change. It shows only the member's
 * own part: in an anonymous question, nothing another member's home would not show about them.
 */
public final class ShowHome {
  /** The most questions a home lists: a platform's home view holds a hundred blocks. */
  public static final int MOST_QUESTIONS = 20;
  private static final String ACTION = "home:";

  private final Questions questions;
  private final MemberPreferences preferences;
  private final Chat chat;
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  public ShowHome(Questions questions, MemberPreferences preferences, Chat chat, Pseudonyms pseudonyms, Clock clock) {
    this.questions = questions;
    this.preferences = preferences;
    this.chat = chat;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
  }

  public Card home(CommunityId community, MemberId member) {
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Heading(Text.of("Your questions")));
    var access = new HashMap<ChannelId, ChannelAccess>();
    var shown = 0;
    var more = 0;
    for (var q : questions.inCommunity(community, clock.instant())) {
      if (!q.open() || access.computeIfAbsent(q.channel(), c -> chat.access(community, member, c)) != ChannelAccess.SEES) {
        continue;
      }
      if (shown == MOST_QUESTIONS) {
        more++;
        continue;
      }
      shown++;
      blocks.addAll(question(q, member));
    }
    if (shown == 0) {
      blocks.add(new Block.Paragraph(Text.of("No question is open in the channels you are in. Open one in a channel with "
          + StandardCommands.OPEN.with("<title>") + ".")));
    } else if (more > 0) {
      blocks.add(new Block.Paragraph(Text.of("And " + more + " more, newest last: " + StandardCommands.LIST.with(
          StandardCommands.ALL) + " lists them all.")));
    }
    var chosen = preferences.of(community, member);
    blocks.add(new Block.Heading(Text.of("Your settings")));
    blocks.add(new Block.Paragraph(Text.of("Personal digest by direct message: " + chosen.personalDigest().word()
        + ". Reminders before deadlines: " + (chosen.reminders() ? StandardCommands.ON : StandardCommands.OFF) + ".")));
    var buttons = new ArrayList<Button>();
    for (var cadence : Command.Cadence.values()) {
      if (cadence != chosen.personalDigest()) {
        buttons.add(new Button("Digest " + cadence.word(), ACTION + "digest:" + cadence.word()));
      }
    }
    buttons.add(chosen.reminders() ? new Button("Reminders off", ACTION + "remind:" + StandardCommands.OFF)
        : new Button("Reminders on", ACTION + "remind:" + StandardCommands.ON));
    return new Card(blocks, buttons, List.of()).summarised(Text.of(shown == 0 ? "No open question in your channels"
        : shown + more + (shown + more == 1 ? " open question" : " open questions") + " in your channels"));
  }

  private List<Block> question(Question q, MemberId member) {
    var key = pseudonyms.keyOf(q, member);
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Paragraph(Text.builder().plain(q.id() + " · ").quoted(q.title())
        .plain(q.anonymous() ? " (anonymous)" : "").build()));
    var fields = new ArrayList<Block.Field>();
    if (q.deadline() != null) {
      fields.add(new Block.Field("Deadline", Text.builder().moment(q.deadline()).build()));
    }
    fields.add(new Block.Field("Your view", q.viewOf(key)
        .map(v -> Text.of("shared, " + v.id()))
        .orElse(Text.of("not yet: " + StandardCommands.VIEW.on(q.id(), "<your view>")))));
    var awaiting = q.latestDraft().filter(d -> !d.ballots().containsKey(key));
    fields.add(new Block.Field("Drafts awaiting your vote", awaiting
        .map(d -> Text.of("draft " + d.version() + ": " + StandardCommands.VOTE.on(q.id(), d.version(), "agree")))
        .orElse(Text.of("none"))));
    fields.add(new Block.Field("Thread", Text.builder().link(new Target.QuestionCard(q.id()), "open " + q.id()).build()));
    blocks.add(new Block.Fields(fields));
    return blocks;
  }

  /** The command a home's button stands for, as the member would type it; empty for any other action. */
  public static Optional<String> commandOf(String action) {
    if (!action.startsWith(ACTION)) {
      return Optional.empty();
    }
    var parts = action.substring(ACTION.length()).split(":", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    if (parts[0].equals("digest")) {
      return java.util.Arrays.stream(Command.Cadence.values()).filter(c -> c.word().equals(parts[1])).findFirst()
          .map(c -> StandardCommands.DIGEST.with(StandardCommands.ME, c.word()));
    }
    if (parts[0].equals("remind") && (parts[1].equals(StandardCommands.ON) || parts[1].equals(StandardCommands.OFF))) {
      return Optional.of(StandardCommands.REMIND.with(parts[1]));
    }
    return Optional.empty();
  }
}
