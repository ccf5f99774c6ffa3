package dev.chorus.core.overview;

import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import java.util.List;

/** {@code /respond help}: every command with an example. */
public final class ShowHelp {
  private static final List<String> LINES = List.of(
      "/respond — a form for your view (or to open a question when none is open)",
      "/respond <your view> — share or replace your view, e.g. /respond We need a transition period",
      "/respond view <text> — the same, for a view that starts with a command word",
      "/respond open <title> [--context <text>] [--for <outside body>] [--deadline 7d] [--anonymous] — open a "
          + "question, e.g. /respond open New data policy --for the Ministry --deadline 2026-12-20",
      "/respond draft — facilitators: Chorus writes a draft from the views and votes, in the members' own words",
      "/respond draft <text> — facilitators: post a draft of the joint response written by hand",
      "/respond amend <text> — propose a change to the latest draft",
      "/respond vote V3 agree|disagree|pass — vote on a view or amendment (same as 👍 👎 🤷)",
      "/respond vote v2 agree|abstain|disagree|block — vote on a draft (same as ✅ 🤷 ❌ ✋)",
      "/respond reason <text> — why you block the latest draft",
      "/respond status — where the question stands, and your own view and votes",
      "/respond list [all] — the questions of this channel (or of the whole community)",
      "/respond edit --title <t> | --context <t> | --for <t> | --deadline <d or none> — facilitators: change the question",
      "/respond hide V3 <reason> — facilitators: hide an abusive view or amendment",
      "/respond close [v2] — facilitators: publish the outcome on the latest (or named) draft",
      "/respond reopen — facilitators: reopen a closed question",
      "/respond export [markdown|json|csv] — the whole record as a file",
      "/respond digest daily|weekly|off [HH:MM] [time zone] — facilitators: the channel digest; "
          + "/respond digest me daily|weekly|off for your own",
      "/respond remind on|off — reminders before deadlines",
      "/respond forget — withdraw your view and votes on this question; /respond forget me — on every question",
      "With several open questions in a channel, name one first: /respond #Q3 status");

  public Decision decide() {
    return Decision.Accepted.saying(new Effect.Reply(Card.of(
        new Block.Heading(Text.of("Chorus: develop a joint response together")),
        new Block.Bullets(LINES.stream().map(Text::of).toList()))));
  }
}
