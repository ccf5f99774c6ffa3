package dev.chorus.core.overview;

import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Request;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.Questions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@code /respond list [all]}: the open and recently closed questions of the channel or the community. */
public final class ListQuestions {
  private final Questions questions;
  private final Clock clock;
  private final Settings settings;

  public ListQuestions(Questions questions, Clock clock, Settings settings) {
    this.questions = questions;
    this.clock = clock;
    this.settings = settings;
  }

  public Decision decide(Request request, boolean wholeCommunity) {
    var all = wholeCommunity ? questions.inCommunity(request.community())
        : questions.inChannel(request.community(), request.channel());
    var since = clock.instant().minus(settings.recentlyClosed());
    var items = new ArrayList<Text>();
    for (var q : all) {
      var recent = q.latestOutcome().map(o -> o.closedAt().isAfter(since)).orElse(true);
      if (q.open() || recent) {
        items.add(line(q, wholeCommunity));
      }
    }
    var where = wholeCommunity ? "this community" : "this channel";
    if (items.isEmpty()) {
      return Decision.Accepted.saying(Effect.Reply.of("No open or recently closed questions in " + where
          + ". Open one with /respond open <title>" + (wholeCommunity ? "." : ", or see the community's with /respond list all.")));
    }
    return Decision.Accepted.saying(new Effect.Reply(Card.of(
        new Block.Heading(Text.of("Questions in " + where)), new Block.Bullets(items))));
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
