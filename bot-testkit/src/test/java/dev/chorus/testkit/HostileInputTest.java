package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Button;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every error is a private, plain-language reply that names the reason and the command to use instead,
 * and nothing is ever half applied (docs/user-guide.md, "When Chorus refuses"). A seeded stream of
 * hostile command lines from many members, into a community with realistic state and a neighbour
 * community on the same ports: every line is answered, no exception escapes, a refusal leaves
 * everything stored and posted exactly as it was, and no public message carries a member's control
 * characters or lets member words out of their quotes.
 */
class HostileInputTest {
  /** Fixed; -Dchorus.hostile.seed=N replays another stream. */
  private static final long SEED = Long.getLong("chorus.hostile.seed", 20261128L);
  private static final int LINES = 10_000;
  /** Every Nth line also compares the full chat transcripts (the cheap shape check runs on every line). */
  private static final int FULL_TRANSCRIPT_EVERY = 100;
  private static final int EXAMPLES_PER_PROBLEM = 3;

  private static final String INTERNAL_ERROR = "Something went wrong on Chorus's side";
  private static final String STORE_ERROR = "Chorus could not save that just now";
  private static final String CONFLICT_ERROR = "did not get through";

  private static final Pseudonyms PSEUDONYMS = new Pseudonyms(Conversation.TEST_SECRET);

  /** Member words that must never appear in Chorus's own (unescaped) words of a public card. */
  private static final List<String> MARKERS = List.of(
      "@everyone", "@here", "<!channel>", "<!here>", "<@U123>", "<#C1>", "```", "](https://evil", "<script>",
      "\u202E", "||spoiler||");

  private static final String[] WORDS = {
      "we", "need", "a", "transition", "period", "the", "data", "policy", "is", "too", "strict", "members",
      "should", "decide", "together", "small", "groups", "lose", "access", "fund", "training", "first", "later",
      "source", "tools", "matter", "privacy", "risk", "agree", "questions", "time"};

  private static final String[] LAYOUT = {
      "```\nrm -rf /\n```", "```", "> fake quote\n> from the admin", "> ", "# HEADING\n## sub", "# ",
      "@everyone vote now", "@here", "<!channel> urgent", "<!here>", "<@U123> look", "<#C1>",
      "[click me](https://evil.example/phish)", "<https://evil.example|innocent>", "**bold** __under__ ~~gone~~",
      "||spoiler||", "---\n***\n___", "<script>alert(1)</script>", "&amp; &lt;b&gt;", "\\`escaped\\`",
      "| a | b |\n|---|---|", "1. one\n2. two", "- item\n- item", "`inline`", "<t:0:R>", "<!date^0^{date}|x>",
      ":thumbsup: :+1:", "<!subteam^S123>", "${jndi:ldap://x/a}", "%s%n%d", "' OR 1=1 --", "\u2014deadline 3d"};

  private static final String[] CONTROL = {
      "\u0000", "\u001B[31mred\u001B[0m", "\u001B]0;title\u0007", "\u007F", "\u0085", "\u009B2J", "\u0007", "\b",
      "\r\n", "\r", "\f", "\u000B", "\u001C", "\u001F", "\u0090", "\u009F", "\t"};

  private static final String[] BIDI = {
      "\u202Eevil\u202C", "\u202Acode\u202C", "\u2066x\u2069", "\u2067\u2068y\u2069", "\u200F", "\u200E", "\u061C",
      "\u202D\u202E\u202B", "\u2028", "\u2029"};

  private static final String[] ODD = {
      "\uD800", "\uDFFF", "a\uD83Db", "\uDC00\uD800", "\u200B", "\uFEFF", "\u2060", "\uFFFF", "\uFFFE", "\uE000",
      "\uDB80\uDC00", "👍🏽", "🏳️\u200D🌈", "👨\u200D👩\u200D👧\u200D👦", "ｆｕｌｌｗｉｄｔｈ", "١٢٣", "Ⅻ", "ǅ", "ß", "İ"};

  private static final String[] BLANKS = {
      "", " ", "   \t  ", "\n", "\r\n", "\t\t", "\u00A0", "\u2003\u2003", "\u3000", "\u200B", "\uFEFF", "\u2028",
      "/respond", "/respond ", "/respond\t\n", "/respond \u00A0", " \u0000 ", "\u001F", "\u0085", "\u000B\u000C",
      "\u202E", "\u0301"};

  private static final String[] UNKNOWN = {
      "frobnicate", "VIEW", "Vote", "clos", "closee", "reopen!", "export;", "status\u0000", "he\u200Blp", "ｖｉｅｗ",
      "voté", "ope\u0301n", "--view", "—open", "–list", "-open", "/respond", "/respondopen", "/respond/respond",
      "respond", "/Respond", "sudo", "rm", "DROP", "null", "undefined", "${x}", "@everyone", "```", "#", "##", "v1",
      "V1", "Q1", "open\u0000", "list\u202E", "draft\u200B", "\u200Bopen", "OPEN", "Open", "close\u00A0v1"};

  private static final String[] BAD_QUESTION = {
      "#", "#Q0", "#Q00", "#Q000000000", "#q0", "#Q99999999999", "#Q2147483648", "#Q-1", "#Q+1", "#Q1.5", "#Q1x",
      "#Q", "#QQ1", "##Q1", "#\uFF31\uFF11", "#Q\u0661", "#Q\u0000", "#Q1\u202E", "#V1", "#v1", "#Q 1", "#Q1#Q2",
      "#Q\u00B9", "#\u202EQ1", "#Q1\u0301"};

  private static final String[] BAD_STATEMENT = {
      "V0", "V00", "V000000000", "V-1", "v-2", "V99999999999", "V2147483648", "V", "V1.0", "\u2164" + "1",
      "V\u0661", "V+1", "W1", "V1V2", "V0000000001", "V\u00B9", "V1\u0000", "\u202EV1", "\uFF361"};

  private static final String[] BAD_DRAFT = {
      "v0", "v00", "v-1", "v-2", "v99999999999", "v", "v1 v2", "draft1", "v\u0661", "v1.0", "V0", "vv1", "v+1"};

  private static final String[] STATEMENT_CHOICES = {"agree", "disagree", "pass"};
  private static final String[] DRAFT_CHOICES = {"agree", "abstain", "disagree", "block"};
  private static final String[] BAD_CHOICES = {
      "yes", "no", "👍", "agree!", "+1", "0", "AGREE\u0000", "ag\u200Bree", "agreé", "abstain", "pass", "block",
      "\u202Eagree", "Agree", "BLOCK", "agree agree"};

  private static final String[] OPTION_NAMES = {
      "--deadline", "--context", "--for", "--anonymous", "--title", "--unknown", "--DEADLINE", "\u2014deadline",
      "\u2013for", "---", "--", "-deadline", "--dead-line", "--\uFF44eadline", "--d\u00E9adline", "--anonymous",
      "--context", "--deadline"};

  private static final String[] DEADLINES = {
      "", "3d", "0d", "-1d", "1w2d3h4m", "99999w", "9999w", "9999w9999d99999h999999m", "2026-12-31", "2026-13-45",
      "2025-01-01", "2026-11-02 09:00", "2026-11-02T10:00", "2026-11-02 9:00", "none", "off", "tomorrow", "3 days",
      "3D", "P3D", "1h", "0w0d0h1m", "0w0d0h2m", "+3d", "366d", "367d", "52w2d", "1e3d", "\u00B2d", "\uFF13d",
      "\u0663d", "0000-01-01", "9999-12-31", "2026-02-29", "2028-02-29", "2026-11-02T09:00:00Z", "2026-12-31 25:00",
      "2026-12-31 23:60", "-2026-12-3", "\u0000", "3d\u202E"};

  private static final String[] QUESTION_BOUND = {
      "status", "view a view from the wrong place", "a bare view", "vote V1 agree", "vote v1 agree", "close",
      "reopen", "export", "export json", "edit --title Moved", "hide V1 spam", "draft Some draft text",
      "amend Change this", "reason Because", "forget", ""};

  private enum Kind {
    BLANK(4), HUGE(2), NASTY_TEXT(14), UNKNOWN_SUBCOMMAND(5), MALFORMED_ID(10), WRONG_ID(8), CLOSED(6),
    NOT_FACILITATOR(8), OVER_LIMIT(9), LAYOUT(9), OPTIONS(8), VALID(17);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /** One generated line: who sends it where, and what the test knows it must lead to. */
  private record Line(Kind kind, Conversation to, Actor who, String channel, String text, Expect expect,
      String note) {}

  private enum Expect {
    ANYTHING,
    /** A refusal: the member may not, or the input is over a limit. */
    REFUSED,
    /** A refusal that says the named question is not in this community (it exists only in the neighbour). */
    NO_SUCH_QUESTION
  }

  private final Random random = new Random(SEED);
  private final Map<String, List<String>> problems = new TreeMap<>();
  private final Map<String, Integer> problemCounts = new HashMap<>();
  private final Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class);
  private final Map<CommunityId, List<Integer>> scanned = new HashMap<>();
  private final List<LogRecord> errors = new ArrayList<>();

  private Conversation home;
  private Conversation neighbour;
  private Actor alice;
  private Actor bob;
  private Actor carol;
  private Actor dave;
  private Actor erin;
  private Actor mallory;
  private Actor fran;
  private Actor root;
  private List<Actor> everyone;
  private List<Actor> plainMembers;
  private int neighbourOnly;
  private int whitespaceViewsAccepted;
  private int hugeInputs;
  private int longestRefusalToHugeInput;

  @Test
  void everyHostileLineIsAnsweredAndARefusalChangesNothing() {
    var logger = Logger.getLogger("dev.chorus.core.Chorus");
    var capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (errors) {
          errors.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    var useParent = logger.getUseParentHandlers();
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
    long started = System.nanoTime();
    try {
      givenARealisticState();
      for (int i = 0; i < LINES; i++) {
        send(i, next());
      }
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(useParent);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    int accepted = outcomes.values().stream().mapToInt(o -> o[0]).sum();
    int refused = outcomes.values().stream().mapToInt(o -> o[1]).sum();
    var summary = new StringBuilder("seed " + SEED + ": " + LINES + " lines in " + millis + " ms, " + accepted
        + " accepted, " + refused + " refused; by kind (accepted/refused):");
    outcomes.forEach((kind, o) -> summary.append(' ').append(kind).append('=').append(o[0]).append('/').append(o[1]));
    summary.append("; questions: ").append(home.questions().lastNumber(home.community())).append(" here, ")
        .append(neighbour.questions().lastNumber(neighbour.community())).append(" in the neighbour; messages: ")
        .append(home.chat().messages(home.community()).size()).append(" here; lines naming a neighbour-only id: ")
        .append(neighbourOnly).append("; blank views accepted: ").append(whitespaceViewsAccepted)
        .append("; huge inputs: ").append(hugeInputs).append(", longest answer to one: ")
        .append(longestRefusalToHugeInput).append(" chars");
    System.out.println(summary);

    assertThat(problems).as(() -> report(summary.toString())).isEmpty();
    assertThat(refused).as(summary.toString()).isGreaterThanOrEqualTo(3_000);
    assertThat(accepted).as(summary.toString()).isGreaterThanOrEqualTo(100);
    assertThat(neighbourOnly).as(summary.toString()).isGreaterThanOrEqualTo(50);
  }

  // ---------------------------------------------------------------- the state before the storm

  private void givenARealisticState() {
    home = Conversation.start();
    neighbour = home.neighbour(new CommunityId("neighbour"));
    alice = home.member("alice");
    bob = home.member("bob");
    carol = home.member("carol");
    dave = home.member("dave");
    erin = home.member("erin");
    mallory = home.member("mallory");
    fran = home.facilitator("fran");
    root = new Actor(new MemberId("UROOT"), "root", true, false, false);
    everyone = List.of(alice, bob, carol, dave, erin, mallory, fran, root);
    plainMembers = List.of(alice, bob, carol, dave, erin, mallory);

    // general: Q1 named with a deadline, Q2 anonymous, Q3 closed; policy: Q4.
    ok(home, alice, "general", "/respond open Shared data policy --context The ministry wants our member data. "
        + "--for the Ministry --deadline 14d");
    ok(home, bob, "general", "/respond open What worries you about the merger? --anonymous");
    ok(home, carol, "general", "/respond open An old question");
    ok(home, bob, "general", "/respond #Q3 Keep it simple");
    ok(home, alice, "general", "/respond #Q3 vote V1 agree");
    ok(home, carol, "general", "/respond #Q3 draft We keep it simple.");
    ok(home, alice, "general", "/respond #Q3 vote v1 agree");
    ok(home, carol, "general", "/respond #Q3 close");
    ok(home, dave, "policy", "/respond open Which tools do we standardise on? --deadline 7d");
    ok(home, alice, "policy", "/respond #Q4 view Open source tools first");
    ok(home, bob, "policy", "/respond #Q4 view Whatever the members already use");

    ok(home, bob, "general", "/respond #Q1 We need a transition period");
    int v1 = home.lastMessage().number();
    ok(home, carol, "general", "/respond #Q1 The policy is too strict for small groups");
    int v2 = home.lastMessage().number();
    ok(home, erin, "general", "/respond #Q1 Fund training first");
    ok(home, mallory, "general", "/respond #Q1 view Members should decide together");
    ok(home, alice, "general", "/respond #Q1 vote V1 agree");
    ok(home, carol, "general", "/respond #Q1 vote V1 disagree");
    home.inChannel("general").react(erin, v1, "👍");
    home.react(dave, v2, "+1::skin-tone-3");
    ok(home, alice, "general", "/respond #Q1 draft We ask the Ministry for a transition period and training.");
    ok(home, carol, "general", "/respond #Q1 vote v1 agree");
    ok(home, bob, "general", "/respond #Q1 vote v1 abstain");
    ok(home, erin, "general", "/respond #Q1 vote v1 block");
    ok(home, erin, "general", "/respond #Q1 reason It ignores the small groups.");
    ok(home, bob, "general", "/respond #Q1 amend Name the small groups explicitly");

    ok(home, alice, "general", "/respond #Q2 Job security");
    ok(home, erin, "general", "/respond #Q2 Losing our meeting rooms");
    int anonymous = home.lastMessage().number();
    ok(home, carol, "general", "/respond #Q2 vote V1 agree");
    var pressed = home.press(alice, anonymous, "Agree");
    assertThat(pressed.refused()).as(pressed.text()).isFalse();
    ok(home, bob, "general", "/respond #Q2 draft We ask for guarantees on jobs and rooms.");
    ok(home, erin, "general", "/respond #Q2 vote v1 disagree");

    // The neighbour: more questions than here, so ids Q5… exist only there; the same member names.
    for (int i = 1; i <= 80; i++) {
      var channel = i % 3 == 0 ? "policy" : "general";
      ok(neighbour, i % 2 == 0 ? alice : dave, channel, "/respond open Neighbour question " + i
          + (i % 5 == 0 ? " --anonymous" : ""));
      ok(neighbour, bob, channel, "/respond #Q" + i + " A neighbour's view on " + i);
      if (i % 4 == 0) {
        ok(neighbour, i % 2 == 0 ? alice : dave, channel, "/respond #Q" + i + " draft Neighbour draft " + i);
      }
    }
    ok(neighbour, dave, "general", "/respond #Q1 close");
    for (var c : List.of(home, neighbour)) {
      scanPublicCards(c, () -> "setup");
    }
  }

  private Answer ok(Conversation c, Actor who, String channel, String line) {
    var answer = c.inChannel(channel).say(who, line);
    assertThat(answer.silent()).as("seed %d, setup line %s", SEED, line).isFalse();
    assertThat(answer.refused()).as("seed %d, setup line %s: %s", SEED, line, answer.text()).isFalse();
    assertThat(answer.text()).as("seed %d, setup line %s", SEED, line).doesNotContain(INTERNAL_ERROR);
    return answer;
  }

  // ---------------------------------------------------------------- one line, and what must hold

  private void send(int index, Line line) {
    var c = line.to();
    c.inChannel(line.channel());
    boolean full = index % FULL_TRANSCRIPT_EVERY == 0;
    var before = State.of(List.of(home, neighbour), full);
    int errorsBefore = errors.size();
    Supplier<String> where = () -> "line " + index + " (" + line.kind()
        + (line.note().isEmpty() ? "" : ", " + line.note()) + ") from "
        + line.who().displayName() + " in " + c.community() + "/" + line.channel() + ": " + visible(line.text());

    Answer answer;
    try {
      answer = c.say(line.who(), line.text());
    } catch (Throwable t) {
      problem("an exception escaped Conversation.say", where.get() + "\n    " + stackTop(t));
      outcome(line.kind(), false);
      return;
    }
    var text = answer.text();
    if (errors.size() > errorsBefore) {
      var logged = errors.get(errors.size() - 1);
      problem("Chorus caught an exception (the member was told \"Something went wrong\"): " + site(logged.getThrown()),
          where.get() + "\n    answer: " + visible(text) + "\n    " + stackTop(logged.getThrown()));
    } else if (text.contains(INTERNAL_ERROR)) {
      problem("internal-error answer", where.get() + "\n    answer: " + visible(text));
    }
    if (text.contains(STORE_ERROR) || text.contains(CONFLICT_ERROR)) {
      problem("store or conflict answer though the store is up", where.get() + "\n    answer: " + visible(text));
    }
    if (answer.silent()) {
      problem("a command got no private answer", where.get());
    }
    boolean refused = answer.refused();
    outcome(line.kind(), refused);
    if (line.text().length() >= 100_000) {
      hugeInputs++;
      longestRefusalToHugeInput = Math.max(longestRefusalToHugeInput, text.length());
      // "never all of a huge line": an answer may quote a bit of it, never a long stretch.
      var stretch = line.text().substring(line.text().length() / 2, line.text().length() / 2 + 100);
      if (text.contains(stretch)) {
        problem("a 100 KB line got an answer that repeats it", where.get() + "\n    answer has " + text.length() + " chars");
      }
    }
    if (refused) {
      var after = State.of(List.of(home, neighbour), full);
      var change = before.differenceTo(after);
      if (change != null) {
        problem("a refusal changed the stored or posted state", where.get() + "\n    answer: " + visible(text)
            + "\n    changed: " + change);
      }
      int at = text.indexOf("Try: ");
      var reason = text.substring(0, at).strip();
      var hint = text.substring(at + "Try: ".length()).strip();
      if (reason.isEmpty() || hint.isEmpty()) {
        problem("a refusal without a reason or without a hint", where.get() + "\n    answer: " + visible(text));
      }
      if (answer.privates().size() != 1) {
        problem("a refusal with more than one private answer", where.get() + "\n    answer: " + visible(text));
      }
    } else {
      if (line.expect() != Expect.ANYTHING) {
        problem("accepted, though it must be refused", where.get() + "\n    answer: " + visible(text));
      }
      if (isBlankViewAnswer(line, text)) {
        whitespaceViewsAccepted++;
      }
    }
    if (line.expect() == Expect.NO_SUCH_QUESTION && refused && !text.contains("There is no Q")) {
      problem("a neighbour-only question id was not refused as unknown here", where.get() + "\n    answer: " + visible(text));
    }
    for (var p : answer.privates()) {
      if (p instanceof Effect.Reply reply) {
        var bad = controlCharacters(reply.card().plainText());
        if (!bad.isEmpty()) {
          problem("a private answer carries control characters", where.get() + "\n    " + bad + " in " + visible(text));
        }
      }
    }
    scanPublicCards(home, where);
    scanPublicCards(neighbour, where);
  }

  private boolean isBlankViewAnswer(Line line, String text) {
    return line.kind() == Kind.BLANK && text.startsWith("Your view");
  }

  private void outcome(Kind kind, boolean refused) {
    outcomes.computeIfAbsent(kind, k -> new int[2])[refused ? 1 : 0]++;
  }

  /** Every card version posted or edited since the last scan, in both communities. */
  private void scanPublicCards(Conversation c, Supplier<String> where) {
    var seen = scanned.computeIfAbsent(c.community(), k -> new ArrayList<>());
    var messages = c.chat().messages(c.community());
    for (int i = 0; i < messages.size(); i++) {
      if (i == seen.size()) {
        seen.add(0);
      }
      var versions = messages.get(i).versions();
      for (int v = seen.get(i); v < versions.size(); v++) {
        var card = versions.get(v);
        var bad = controlCharacters(card.plainText());
        if (!bad.isEmpty()) {
          problem("a public message carries member control characters", where.get() + "\n    message "
              + messages.get(i).number() + " in " + c.community() + ": " + bad + " in " + visible(card.plainText()));
        }
        for (var words : chorusOwnWords(card)) {
          for (var marker : MARKERS) {
            if (words.contains(marker)) {
              problem("member words outside their quote in a public message", where.get() + "\n    message "
                  + messages.get(i).number() + " has " + visible(marker) + " in Chorus's own words: " + visible(words));
            }
          }
        }
      }
      seen.set(i, versions.size());
    }
  }

  /** Control characters (C0 but newline, DEL, C1), bidi controls and lone surrogates: what MemberText drops. */
  static String controlCharacters(String text) {
    var found = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean bad = (ch < 0x20 && ch != '\n') || (ch >= 0x7F && ch <= 0x9F)
          || (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069)
          || (Character.isHighSurrogate(ch) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))))
          || (Character.isLowSurrogate(ch) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))));
      if (bad) {
        found.append(String.format("U+%04X@%d ", (int) ch, i));
        if (found.length() > 120) {
          break;
        }
      }
    }
    return found.toString().strip();
  }

  /** The spans of a card that renderers do not escape: Chorus's own words, labels and buttons. */
  static List<String> chorusOwnWords(Card card) {
    var out = new ArrayList<String>();
    for (var block : card.blocks()) {
      if (block instanceof Block.Heading heading) {
        plainSpans(heading.text(), out);
      } else if (block instanceof Block.Paragraph paragraph) {
        plainSpans(paragraph.text(), out);
      } else if (block instanceof Block.Fields fields) {
        for (var field : fields.fields()) {
          out.add(field.label());
          plainSpans(field.value(), out);
        }
      } else if (block instanceof Block.Bullets bullets) {
        for (var item : bullets.items()) {
          plainSpans(item, out);
        }
      }
    }
    for (Button button : card.buttons()) {
      out.add(button.label());
    }
    return out;
  }

  private static void plainSpans(Text text, List<String> out) {
    for (var span : text.spans()) {
      if (span instanceof Text.Span.Plain plain) {
        out.add(plain.text());
      }
    }
  }

  private void problem(String what, String example) {
    problemCounts.merge(what, 1, Integer::sum);
    var list = problems.computeIfAbsent(what, k -> new ArrayList<>());
    if (list.size() < EXAMPLES_PER_PROBLEM) {
      list.add(example);
    } else if (list.size() == EXAMPLES_PER_PROBLEM) {
      list.add("… and more");
    }
  }

  private String report(String summary) {
    var out = new StringBuilder(summary).append("\nproblems (seed ").append(SEED).append("):");
    problems.forEach((what, examples) -> {
      out.append("\n- ").append(what).append(" (").append(problemCounts.get(what)).append(" times)");
      for (var example : examples) {
        out.append("\n  * ").append(example);
      }
    });
    return out.toString();
  }

  /** Where an exception came from, to group reports: its type and the first frame outside the id records. */
  static String site(Throwable t) {
    if (t == null) {
      return "(no exception logged)";
    }
    for (var frame : t.getStackTrace()) {
      if (!frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("dev.chorus.core.question.")) {
        return t.getClass().getSimpleName() + " \"" + t.getMessage() + "\" via "
            + frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName();
      }
    }
    return t.toString();
  }

  static String stackTop(Throwable t) {
    if (t == null) {
      return "(no stack trace)";
    }
    var writer = new StringWriter();
    t.printStackTrace(new PrintWriter(writer));
    var lines = writer.toString().split("\n");
    var out = new StringBuilder();
    for (int i = 0; i < Math.min(6, lines.length); i++) {
      out.append(i == 0 ? "" : "\n      ").append(lines[i].strip());
    }
    return out.toString();
  }

  /** A line as it can be read in a report: escapes for the invisible, cut to a readable length. */
  static String visible(String text) {
    var out = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < text.length() && shown < 160; i++, shown++) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        out.append("\\n");
      } else if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(ch).append(text.charAt(++i));
      } else if (ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || Character.isSurrogate(ch) || Character.getType(ch) == Character.FORMAT
          || Character.getType(ch) == Character.NON_SPACING_MARK || ch == 0x2028 || ch == 0x2029 || ch == 0xA0) {
        out.append("\\u").append(String.format("%04X", (int) ch));
      } else {
        out.append(ch);
      }
    }
    out.append('"');
    if (text.length() > 160) {
      out.append("… (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- the stored state, compared

  /**
   * Everything a command could change, per community: the stored questions, the message links, and
   * the chat. {@link RecordingChat} only ever appends (a post adds a message, an edit adds a version
   * to it), so the number of versions of every message is an exact fingerprint of its transcript;
   * every {@link #FULL_TRANSCRIPT_EVERY}th line compares the full transcripts as well.
   */
  private record State(Map<CommunityId, Map<Integer, Question>> questions, Map<CommunityId, Map<String, Target>> links,
      Map<CommunityId, List<Integer>> shape, Map<CommunityId, List<String>> transcripts) {

    static State of(List<Conversation> communities, boolean full) {
      var questions = new LinkedHashMap<CommunityId, Map<Integer, Question>>();
      var links = new LinkedHashMap<CommunityId, Map<String, Target>>();
      var shape = new LinkedHashMap<CommunityId, List<Integer>>();
      var transcripts = new LinkedHashMap<CommunityId, List<String>>();
      for (var c : communities) {
        questions.put(c.community(), c.questions().snapshot(c.community()));
        links.put(c.community(), c.links().snapshot(c.community()));
        shape.put(c.community(), c.chat().messages(c.community()).stream().map(p -> p.versions().size()).toList());
        if (full) {
          transcripts.put(c.community(), c.chat().transcript(c.community()));
        }
      }
      return new State(questions, links, shape, transcripts);
    }

    /** What differs, or null when nothing does. */
    String differenceTo(State after) {
      var out = new ArrayList<String>();
      for (var community : questions.keySet()) {
        var was = questions.get(community);
        var now = after.questions.get(community);
        if (!was.equals(now)) {
          var changed = new ArrayList<String>();
          for (var number : new java.util.TreeSet<>(union(was.keySet(), now.keySet()))) {
            if (!java.util.Objects.equals(was.get(number), now.get(number))) {
              changed.add("Q" + number);
            }
          }
          out.add("questions of " + community + " " + changed);
        }
        if (!links.get(community).equals(after.links.get(community))) {
          out.add("message links of " + community);
        }
        if (!shape.get(community).equals(after.shape.get(community))) {
          out.add("messages of " + community + " (" + shape.get(community).size() + " → "
              + after.shape.get(community).size() + " messages)");
        }
        if (transcripts.containsKey(community) && !transcripts.get(community).equals(after.transcripts.get(community))) {
          out.add("transcript of " + community);
        }
      }
      return out.isEmpty() ? null : String.join("; ", out);
    }

    private static <T> List<T> union(java.util.Set<T> a, java.util.Set<T> b) {
      var all = new ArrayList<T>(a);
      for (var t : b) {
        if (!a.contains(t)) {
          all.add(t);
        }
      }
      return all;
    }
  }

  // ---------------------------------------------------------------- the lines

  private Line next() {
    int total = 0;
    for (var kind : Kind.values()) {
      total += kind.weight;
    }
    int pick = random.nextInt(total);
    Kind kind = Kind.VALID;
    for (var k : Kind.values()) {
      if (pick < k.weight) {
        kind = k;
        break;
      }
      pick -= k.weight;
    }
    boolean away = random.nextInt(10) == 0;
    var to = away ? neighbour : home;
    var other = away ? home : neighbour;
    switch (kind) {
      case BLANK:
        return new Line(kind, to, any(), channel(), pick(BLANKS), Expect.ANYTHING, "");
      case HUGE:
        return huge(to);
      case NASTY_TEXT:
        return nasty(to);
      case UNKNOWN_SUBCOMMAND:
        return unknown(to);
      case MALFORMED_ID:
        return malformed(to);
      case WRONG_ID:
        return wrongId(to, other);
      case CLOSED:
        return closed(to);
      case NOT_FACILITATOR:
        return notFacilitator(to);
      case OVER_LIMIT:
        return overLimit(to);
      case LAYOUT:
        return layout(to);
      case OPTIONS:
        return options(to);
      default:
        return valid(to);
    }
  }

  private Line huge(Conversation to) {
    var q = someQuestion(to);
    String body;
    switch (random.nextInt(11)) {
      case 0: body = "a".repeat(100_000); break;
      case 1: body = zalgo(2_000, 49); break;
      case 2: body = "--".repeat(50_000); break;
      case 3: body = "#".repeat(100_000); break;
      case 4: body = "\u0000".repeat(100_000); break;
      case 5: body = " ".repeat(100_000); break;
      case 6: body = "V1 ".repeat(33_334); break;
      case 7: body = "💩".repeat(50_000); break;
      case 8: body = "word ".repeat(20_000); break;
      case 9: body = "\u202E".repeat(100_000); break;
      default: body = "--context ".repeat(10_000); break;
    }
    var prefixes = new String[] {
        "", "view ", "#" + q.id() + " ", "#" + q.id() + " view ", "open ", "open t --context ", "open t --for ",
        "draft ", "#" + q.id() + " draft ", "amend ", "#" + q.id() + " amend ", "#" + q.id() + " reason ",
        "#" + q.id() + " hide V1 ", "#" + q.id() + " edit --title ", "vote ", "#" + q.id() + " vote V1 ", "export ",
        "list ", "digest daily ", "forget ", "close ", "#", "/respond "};
    var prefix = pick(prefixes);
    var who = random.nextBoolean() ? pick(List.of(fran, root)) : any();
    return new Line(Kind.HUGE, to, who, q.channel().value(), prefix + body, Expect.ANYTHING, "");
  }

  private Line nasty(Conversation to) {
    var q = someQuestion(to);
    var prefixes = new String[] {
        "", "view ", "#" + q.id() + " ", "#" + q.id() + " view ", "#" + q.id() + " ", "#" + q.id() + " amend ",
        openOr(to, "view "), "#" + q.id() + " reason ", "#" + q.id() + " edit --title ", "#" + q.id() + " draft "};
    var prefix = pick(prefixes);
    var who = prefix.contains("edit") || prefix.contains("draft") ? pick(List.of(fran, root, any())) : any();
    return new Line(Kind.NASTY_TEXT, to, who, random.nextInt(8) == 0 ? channel() : q.channel().value(),
        prefix + nastyText(), Expect.ANYTHING, "");
  }

  private Line unknown(Conversation to) {
    var q = someQuestion(to);
    var word = pick(UNKNOWN);
    var rest = random.nextBoolean() ? "" : " " + sentence(1 + random.nextInt(6));
    var prefix = random.nextInt(3) == 0 ? "" : "#" + q.id() + " ";
    return new Line(Kind.UNKNOWN_SUBCOMMAND, to, any(), q.channel().value(), prefix + word + rest, Expect.ANYTHING, "");
  }

  private Line malformed(Conversation to) {
    var q = someQuestion(to);
    var named = "#" + q.id() + " ";
    String text;
    switch (random.nextInt(6)) {
      case 0: text = pick(BAD_QUESTION) + " " + pick(QUESTION_BOUND); break;
      case 1: text = pick(BAD_QUESTION); break;
      case 2: text = (random.nextBoolean() ? named : "") + "vote " + pick(BAD_STATEMENT) + " "
          + pick(random.nextBoolean() ? STATEMENT_CHOICES : BAD_CHOICES); break;
      case 3: text = named + "hide " + pick(BAD_STATEMENT) + " " + sentence(3); break;
      case 4: text = named + "close " + pick(BAD_DRAFT); break;
      default: text = named + "vote " + pick(new String[] {"V1", "v1", "V2", "v2", pick(BAD_DRAFT)}) + " "
          + pick(BAD_CHOICES); break;
    }
    var who = text.contains("hide") || text.contains("close") ? pick(List.of(fran, root, any())) : any();
    return new Line(Kind.MALFORMED_ID, to, who, q.channel().value(), text, Expect.ANYTHING, "");
  }

  private Line wrongId(Conversation to, Conversation other) {
    int here = to.questions().lastNumber(to.community());
    int there = other.questions().lastNumber(other.community());
    var command = pick(QUESTION_BOUND);
    var who = command.startsWith("close") || command.startsWith("reopen") || command.startsWith("edit")
        || command.startsWith("hide") || command.startsWith("draft") ? pick(List.of(fran, root, any())) : any();
    int choice = random.nextInt(3);
    if (choice == 0 && there > here) {
      neighbourOnly++;
      int n = here + 1 + random.nextInt(there - here);
      return new Line(Kind.WRONG_ID, to, who, channel(), ("#Q" + n + " " + command).strip(), Expect.NO_SUCH_QUESTION,
          "Q" + n + " exists only in " + other.community());
    }
    if (choice == 1) {
      var q = someQuestion(to);
      var elsewhere = q.channel().value().equals("general") ? pick(new String[] {"policy", "empty"}) : "general";
      return new Line(Kind.WRONG_ID, to, who, elsewhere, ("#" + q.id() + " " + command).strip(), Expect.REFUSED,
          q.id() + " is in " + q.channel());
    }
    int n = here + 1 + random.nextInt(5_000) + Math.max(0, there - here);
    return new Line(Kind.WRONG_ID, to, who, channel(), ("#Q" + n + " " + command).strip(), Expect.REFUSED,
        "Q" + n + " exists nowhere");
  }

  private Line closed(Conversation to) {
    var all = to.questions().inCommunity(to.community());
    var closed = all.stream().filter(q -> !q.open()).toList();
    var q = closed.isEmpty() ? all.get(0) : closed.get(random.nextInt(closed.size()));
    var named = "#" + q.id() + " ";
    var commands = new String[] {
        "view " + sentence(4), sentence(5), "amend " + sentence(3), "vote V1 agree", "vote v1 block", "draft " + sentence(6),
        "reason " + sentence(3), "close", "close v1", "hide V1 " + sentence(2), "edit --deadline 3d",
        "edit --title " + sentence(3), "forget", "export csv", "status", "reopen", ""};
    var command = pick(commands);
    var facilitatorOnly = command.startsWith("reopen") || command.startsWith("edit --title");
    var who = facilitatorOnly && random.nextInt(4) == 0 ? pick(List.of(fran, root)) : any();
    // While it is closed, nothing but reading, forgetting, editing its words and reopening is taken.
    boolean mustRefuse = !q.open() && !(command.isEmpty() || command.startsWith("forget") || command.startsWith("export")
        || command.startsWith("status") || command.startsWith("hide") || facilitatorOnly);
    return new Line(Kind.CLOSED, to, who, q.channel().value(), (named + command).strip(),
        mustRefuse ? Expect.REFUSED : Expect.ANYTHING, q.open() ? q.id() + " was reopened" : q.id() + " is closed");
  }

  private Line notFacilitator(Conversation to) {
    var q = someQuestion(to);
    var candidates = plainMembers.stream().filter(m -> !facilitates(q, m)).toList();
    var who = candidates.get(random.nextInt(candidates.size()));
    var commands = new String[] {
        "close", "close v1", "reopen", "hide V1 " + sentence(2), "hide V2 spam", "edit --title " + sentence(3),
        "edit --deadline 3d", "edit --deadline none", "edit --context " + sentence(5), "draft " + sentence(8),
        "draft " + pick(LAYOUT)};
    var named = random.nextInt(5) == 0 ? "" : "#" + q.id() + " ";
    // Unnamed, the command may land on another question of the channel, which the member may facilitate.
    return new Line(Kind.NOT_FACILITATOR, to, who, q.channel().value(), named + pick(commands),
        named.isEmpty() ? Expect.ANYTHING : Expect.REFUSED, who.displayName() + " does not facilitate " + q.id());
  }

  private Line overLimit(Conversation to) {
    var q = someQuestion(to);
    var named = "#" + q.id() + " ";
    boolean over = random.nextInt(5) != 0;
    int extra = over ? 1 + (random.nextInt(3) == 0 ? random.nextInt(2_000) : 0) : 0;
    String text;
    Actor who = any();
    switch (random.nextInt(9)) {
      case 0: text = named + "view " + filler(1_500 + extra); break;
      case 1: text = named + filler(1_500 + extra); break;
      case 2: text = openOr(to, named + "edit --title ") + filler(200 + extra); break;
      case 3: text = named + "draft " + filler(3_500 + extra); who = pick(List.of(fran, root)); break;
      case 4: text = named + "amend " + filler(1_500 + extra); break;
      case 5: text = openOr(to, named + "edit --title ") + sentence(3) + " --context " + filler(1_500 + extra); break;
      case 6: text = openOr(to, named + "edit --title ") + sentence(3) + " --for " + filler(200 + extra); break;
      case 7: text = named + "hide V1 " + filler(300 + extra); who = pick(List.of(fran, root)); break;
      default: text = named + "edit --title " + filler(200 + extra); who = pick(List.of(fran, root)); break;
    }
    return new Line(Kind.OVER_LIMIT, to, who, q.channel().value(), text, over ? Expect.REFUSED : Expect.ANYTHING,
        over ? "over the limit by " + extra : "exactly at the limit");
  }

  private Line layout(Conversation to) {
    var q = someQuestion(to);
    var named = "#" + q.id() + " ";
    var words = layoutText();
    String text;
    Actor who = any();
    switch (random.nextInt(9)) {
      case 0: text = named + words; break;
      case 1: text = named + "view " + words; break;
      case 2: text = openOr(to, named + "view ") + words.replace("--", "-"); break;
      case 3: text = named + "draft " + words; who = pick(List.of(fran, root)); break;
      case 4: text = named + "amend " + words; break;
      case 5: text = named + "edit --title " + words.replace("--", "-"); who = pick(List.of(fran, root)); break;
      case 6: text = named + "hide V" + (1 + random.nextInt(4)) + " " + words; who = pick(List.of(fran, root)); break;
      case 7: text = openOr(to, named + "edit --title ") + sentence(3) + " --context " + words.replace("--", "-") + " --for "
          + pick(LAYOUT).replace("--", "-"); break;
      default: text = named + "reason " + words; break;
    }
    return new Line(Kind.LAYOUT, to, who, q.channel().value(), text, Expect.ANYTHING, "");
  }

  private Line options(Conversation to) {
    var q = someQuestion(to);
    var named = "#" + q.id() + " ";
    var bases = new String[] {
        openOr(to, named + "edit ") + sentence(3), openOr(to, "") + sentence(2), "open", "edit", named + "edit",
        named + "vote V1 agree", named + "close",
        "status", "list", "export", named + "view " + sentence(3), sentence(2), named + "draft " + sentence(3)};
    var text = new StringBuilder(pick(bases));
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      var name = pick(OPTION_NAMES);
      String value;
      if (name.contains("deadline")) {
        value = pick(DEADLINES);
      } else if (name.contains("anonymous")) {
        value = random.nextInt(3) == 0 ? "yes" : "";
      } else {
        value = random.nextBoolean() ? sentence(2) : random.nextBoolean() ? pick(LAYOUT) : "";
      }
      text.append(' ').append(name).append(value.isEmpty() ? "" : " " + value);
    }
    var who = text.toString().contains("edit") || text.toString().contains("draft") || text.toString().contains("close")
        ? pick(List.of(fran, root, any())) : any();
    return new Line(Kind.OPTIONS, to, who, q.channel().value(), text.toString(), Expect.ANYTHING, "");
  }

  private Line valid(Conversation to) {
    var all = to.questions().inCommunity(to.community());
    var open = all.stream().filter(Question::open).toList();
    var q = !open.isEmpty() && random.nextInt(5) != 0 ? open.get(random.nextInt(open.size()))
        : all.get(random.nextInt(all.size()));
    var named = "#" + q.id() + " ";
    var channel = q.channel().value();
    int statements = Math.max(1, q.statements().size());
    int drafts = Math.max(1, q.drafts().size());
    int roll = random.nextInt(100);
    Actor who = any();
    String text;
    if (roll < 34) {
      text = named + (random.nextInt(4) == 0 ? "view " : "") + sentence(3 + random.nextInt(10));
      who = pick(plainMembers);
    } else if (roll < 58) {
      text = named + "vote V" + (1 + random.nextInt(statements)) + " " + pick(STATEMENT_CHOICES);
    } else if (roll < 68) {
      text = named + "vote v" + (1 + random.nextInt(drafts)) + " " + pick(DRAFT_CHOICES);
    } else if (roll < 72) {
      text = named + "amend " + sentence(5);
    } else if (roll < 75) {
      text = named + "reason " + sentence(6);
    } else if (roll < 84) {
      text = named + pick(new String[] {"status", "export", "export json", "export csv", "export markdown"});
    } else if (roll < 88) {
      text = pick(new String[] {"list", "list all", "help", "forget me", "LIST ALL", "Help"});
    } else if (roll < 90) {
      text = named + "draft " + sentence(12);
      who = pick(List.of(fran, root));
    } else if (roll < 93) {
      text = named + (q.open() ? "close" : "reopen");
      who = pick(List.of(fran, root));
    } else if (roll < 95) {
      text = named + "forget";
    } else if (roll < 97) {
      text = named + "edit --title " + sentence(4) + (random.nextBoolean() ? " --deadline 10d" : "");
      who = pick(List.of(fran, root));
    } else if (openOr(to, "").equals("open ")) {
      text = "open " + sentence(4) + (random.nextBoolean() ? " --anonymous" : "") + (random.nextBoolean()
          ? " --deadline 2026-12-24" : "");
      channel = channel();
    } else {
      text = named + "status";
    }
    return new Line(Kind.VALID, to, who, channel, text, Expect.ANYTHING, "");
  }

  // ---------------------------------------------------------------- words

  private String nastyText() {
    var out = new StringBuilder();
    int parts = 1 + random.nextInt(5);
    for (int i = 0; i < parts; i++) {
      switch (random.nextInt(6)) {
        case 0: out.append(pick(CONTROL)); break;
        case 1: out.append(pick(BIDI)); break;
        case 2: out.append(zalgo(1 + random.nextInt(8), random.nextInt(30))); break;
        case 3: out.append(pick(ODD)); break;
        case 4: out.append(pick(LAYOUT)); break;
        default: out.append(sentence(1 + random.nextInt(4))); break;
      }
      if (random.nextBoolean()) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  private String layoutText() {
    var out = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      out.append(i == 0 ? "" : random.nextBoolean() ? "\n" : " ").append(random.nextInt(3) == 0 ? sentence(3) : pick(LAYOUT));
    }
    return out.toString();
  }

  /** Text of exactly {@code length} characters as members count them (code points after NFC). */
  private String filler(int length) {
    switch (random.nextInt(5)) {
      case 0: return "e\u0301".repeat(length); // composes to é: half the UTF-16 units count
      case 1: return "😀".repeat(length);
      case 2: return "字".repeat(length);
      case 3: return "x\u0300\u0301".repeat(length / 3) + "y".repeat(length % 3); // combining marks count
      default:
        var out = new StringBuilder();
        while (out.length() < length) {
          out.append(out.length() % 10 == 9 ? ' ' : 'a');
        }
        out.setCharAt(length - 1, 'z');
        return out.substring(0, length);
    }
  }

  private String zalgo(int letters, int marks) {
    var out = new StringBuilder();
    for (int i = 0; i < letters; i++) {
      out.append((char) ('a' + random.nextInt(26)));
      for (int m = 0; m < marks; m++) {
        out.append((char) (0x0300 + random.nextInt(0x70)));
      }
    }
    return out.toString();
  }

  private String sentence(int words) {
    var out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- picks

  /** Keeps the number of questions realistic (and the run fast): past the cap, "open" lines become views. */
  private String openOr(Conversation c, String instead) {
    int cap = c == home ? 40 : 100;
    return c.questions().lastNumber(c.community()) < cap ? "open " : instead;
  }

  private Question someQuestion(Conversation c) {
    var all = c.questions().inCommunity(c.community());
    // The first questions carry the richest state: views, drafts, votes, a block.
    return random.nextBoolean() ? all.get(random.nextInt(Math.min(4, all.size()))) : all.get(random.nextInt(all.size()));
  }

  private boolean facilitates(Question q, Actor actor) {
    return actor.admin() || actor.facilitatorRole() || q.opener().equals(PSEUDONYMS.keyOf(q, actor.id()));
  }

  private Actor any() {
    return everyone.get(random.nextInt(everyone.size()));
  }

  private String channel() {
    int r = random.nextInt(10);
    return r < 6 ? "general" : r < 9 ? "policy" : "empty";
  }

  private String pick(String[] from) {
    return from[random.nextInt(from.length)];
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
