package dev.chorus.core.overview;

import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Questions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** {@code /respond list [all]}: the open and recently closed questions of the channel or the community. */
public final class ListQuestions {
  private final Questions questions;
  private final Chat chat;
  private final Clock clock;
  private final Settings settings;

  /** @param chat says which channels the member can see, so a private channel's titles stay in it */
  public ListQuestions(Questions questions, Chat chat, Clock clock, Settings settings) {
    this.questions = questions;
    this.chat = chat;
    this.clock = clock;
    this.settings = settings;
  }

  /** How many questions one reply lists; a longer list is paged. */
  public static final int PAGE_SIZE = 20;

  /** @param page which page of the list, from 1 */
  public Decision decide(Request request, boolean wholeCommunity, int page) {
    var since = clock.instant().minus(settings.recentlyClosed());
    var all = wholeCommunity ? questions.inCommunity(request.community(), since)
        : questions.inChannel(request.community(), request.channel(), since);
    var items = new ArrayList<Text>();
    var access = new HashMap<ChannelId, ChannelAccess>();
    access.put(request.channel(), ChannelAccess.SEES);
    int unchecked = 0;
    for (var q : all) {
      switch (access.computeIfAbsent(q.channel(), c -> chat.access(request.community(), request.actor().id(), c))) {
        case SEES -> items.add(line(q, wholeCommunity));
        case UNKNOWN -> unchecked++;
        case CLOSED -> {
          // Not even counted: that the channel has questions is not for this member to know.
        }
      }
    }
    var where = wholeCommunity ? "this community" : "this channel";
    int pages = Math.max(1, (items.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    var listed = wholeCommunity ? StandardCommands.LIST.with(StandardCommands.ALL) : StandardCommands.LIST.invocation();
    if (page > pages) {
      return Decision.Rejected.because("The list of " + where + " has " + (pages == 1 ? "one page" : pages + " pages")
          + " (" + items.size() + (items.size() == 1 ? " question" : " questions") + ").", listed + " shows the first");
    }
    var paging = new ArrayList<Block>();
    if (pages > 1) {
      items = new ArrayList<>(items.subList((page - 1) * PAGE_SIZE, Math.min(items.size(), page * PAGE_SIZE)));
      var nextPage = "--" + StandardCommands.PAGE + " " + (page + 1);
      var next = wholeCommunity ? StandardCommands.LIST.with(StandardCommands.ALL, nextPage) : StandardCommands.LIST.with(nextPage);
      paging.add(new Block.Paragraph(Text.of("Page " + page + " of " + pages + "." + (page < pages ? " Next: " + next : ""))));
    }
    if (unchecked > 0) {
      var more = Text.of((items.isEmpty() ? "" : "And ") + (unchecked == 1 ? "1 question" : unchecked + " questions")
          + " in channels Chorus cannot check that you can see, so not named here: " + StandardCommands.LIST.invocation()
          + " in a channel shows its questions.");
      if (items.isEmpty()) {
        return Decision.Accepted.saying(Effect.Reply.of(more));
      }
      paging.add(new Block.Paragraph(more));
      return Decision.Accepted.saying(new Effect.Reply(Card.of(listed(where, items, paging))));
    }
    if (items.isEmpty()) {
      return Decision.Accepted.saying(Effect.Reply.of("No open or recently closed questions in " + where
          + ". Open one with " + StandardCommands.OPEN.with("<title>")
          + (wholeCommunity ? "." : ", or see the community's with " + StandardCommands.LIST.with(StandardCommands.ALL)
              + ".")));
    }
    return Decision.Accepted.saying(new Effect.Reply(Card.of(listed(where, items, paging))));
  }

  /** A heading, the page's questions, then what follows them (the paging line, questions not named). */
  private static Block[] listed(String where, List<Text> items, List<Block> after) {
    var blocks = new ArrayList<Block>();
    blocks.add(new Block.Heading(Text.of("Questions in " + where)));
    blocks.add(new Block.Bullets(items));
    blocks.addAll(after);
    return blocks.toArray(Block[]::new);
  }

  private static Text line(Question q, boolean showChannel) {
    var text = Text.builder().plain(q.id() + " · ").quoted(q.title()).plain(" · ");
    if (q.open()) {
      var views = q.membersWithView().size();
      text.plain("open, " + views + (views == 1 ? " view" : " views"));
      if (q.deadline() != null) {
        text.plain(", deadline ").moment(q.deadline());
      }
    } else {
      text.plain("closed: " + q.latestOutcome().map(o -> o.level().label()).orElse("no outcome"));
    }
    if (q.anonymous()) {
      text.plain(", anonymous");
    }
    if (showChannel) {
      text.plain(" · in channel " + q.channel());
    }
    return text.build();
  }
}
