package dev.chorus.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.question.Draft;
import dev.chorus.core.question.DraftBallot;
import dev.chorus.core.question.DraftChoice;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Outcome;
import dev.chorus.core.question.OutcomePolicy;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.QuestionStatus;
import dev.chorus.core.question.Statement;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementId;
import dev.chorus.core.question.StatementKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportFormatsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static final String MULTI_LINE_VIEW = "We should adopt it.\n# Heading\n- item";
  private static final String FORMULA_VIEW = "=HYPERLINK(\"http://evil.example\",\"click\")";
  private static final String AMENDMENT = "Add a line, with a \"quote\", about part-time staff.";
  private static final String BLOCK_REASON = "Not fair to newcomers.";

  private static final MemberId ALICE = new MemberId("U_ALICE");
  private static final MemberId BOB = new MemberId("U_BOB");
  private static final MemberId CAROL = new MemberId("U_CAROL");
  private static final List<String> NAMES = List.of("Alice Adams", "Bob Brown", "Carol Chen");

  /**
   * A closed question with three members: a multi-line view, a formula-like view with votes, an
   * amendment, a draft with agree/disagree/block, and its outcome. Anonymous questions store what the
   * use cases store: pseudonyms and no names.
   */
  private static Question sampleQuestion(boolean anonymous) {
    var pseudonyms = new Pseudonyms("a-server-secret-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8));
    var salt = anonymous ? "salt-q4" : "";
    MemberKey alice = anonymous ? pseudonyms.pseudonym(salt, ALICE) : MemberKey.of(ALICE);
    MemberKey bob = anonymous ? pseudonyms.pseudonym(salt, BOB) : MemberKey.of(BOB);
    MemberKey carol = anonymous ? pseudonyms.pseudonym(salt, CAROL) : MemberKey.of(CAROL);
    var aliceName = anonymous ? null : NAMES.get(0);
    var bobName = anonymous ? null : NAMES.get(1);
    var carolName = anonymous ? null : NAMES.get(2);

    var v1 = Statement.posted(new StatementId(1), StatementKind.VIEW, alice, aliceName, MULTI_LINE_VIEW, T0, null, null);
    var v2 = Statement.posted(new StatementId(2), StatementKind.VIEW, bob, bobName, FORMULA_VIEW, T0.plusSeconds(10),
            null, null)
        .withVote(alice, StatementChoice.DISAGREE)
        .withVote(carol, StatementChoice.AGREE);
    var v3 = Statement.posted(new StatementId(3), StatementKind.VIEW, carol, carolName, "Wait a year.",
        T0.plusSeconds(20), null, null);
    var v4 = Statement.posted(new StatementId(4), StatementKind.AMENDMENT, carol, carolName, AMENDMENT,
        T0.plusSeconds(30), null, new DraftVersion(1)).withVote(bob, StatementChoice.PASS);

    var ballots = new LinkedHashMap<MemberKey, DraftBallot>();
    ballots.put(alice, new DraftBallot(DraftChoice.AGREE, T0.plusSeconds(100), aliceName, null));
    ballots.put(bob, new DraftBallot(DraftChoice.DISAGREE, T0.plusSeconds(110), bobName, null));
    ballots.put(carol, new DraftBallot(DraftChoice.BLOCK, T0.plusSeconds(120), carolName, BLOCK_REASON));
    var draft = new Draft(new DraftVersion(1), "We accept the policy with changes.", null, true, T0.plusSeconds(50),
        ballots);

    var open = new Question(new CommunityId("slack:T1"), new QuestionId(4), new ChannelId("C42"), 7,
        "Response to the AI policy", "The board asked for our view.", "Academic Board", null, anonymous, alice,
        aliceName, salt, T0, QuestionStatus.OPEN, List.of(v1, v2, v3, v4), List.of(draft), List.of());
    var outcome = new OutcomePolicy(Outcome.Thresholds.DEFAULTS)
        .evaluate(open, Optional.of(draft), T0.plusSeconds(3600), aliceName);
    return open.closedWith(outcome);
  }

  @Nested
  class Csv {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "=SUM(A1:A9)|'=SUM(A1:A9)",
        "+41 79 000 00 00|'+41 79 000 00 00",
        "-cmd|'-cmd",
        "@everyone|'@everyone",
        "-3|-3",
        "42|42",
        "plain words|plain words",
        "a = b|a = b"})
    void cellsThatASpreadsheetWouldReadAsAFormulaArePrefixedWithAnApostrophe(String raw, String expected) {
      assertThat(CsvExport.cell(raw)).isEqualTo(expected);
    }

    @Test
    void aLeadingTabIsAlsoNeutralised() {
      assertThat(CsvExport.cell("\t=1+1")).isEqualTo("'\t=1+1");
    }

    @Test
    void commasQuotesAndNewlinesAreQuotedRfc4180Style() {
      assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
      assertThat(CsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
      assertThat(CsvExport.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
      assertThat(CsvExport.cell("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
      assertThat(CsvExport.cell("")).isEmpty();
    }

    @Test
    void aFormulaThatAlsoNeedsQuotingIsPrefixedInsideTheQuotes() {
      assertThat(CsvExport.cell("=1,2")).isEqualTo("\"'=1,2\"");
    }

    @Test
    void everyRowOfTheExportHasTheHeadersColumnsAndTheTextSurvivesParsing() {
      // Given
      var question = sampleQuestion(false);

      // When
      var rows = parseCsv(CsvExport.of(question));

      // Then: header, 4 statements, 1 draft, 1 outcome and its record of dissent (carol's block, bob's disagreement)
      assertThat(rows).hasSize(9);
      assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(13));
      assertThat(rows.get(0)).startsWith("question", "item", "kind", "author");
      assertThat(rows.get(1).get(6)).isEqualTo(MULTI_LINE_VIEW);
      assertThat(rows.get(2).get(6)).isEqualTo("'" + FORMULA_VIEW);
      assertThat(rows.get(4).get(6)).isEqualTo(AMENDMENT);
      assertThat(rows.get(4).get(12)).isEqualTo("amends v1");
      assertThat(rows.get(5)).containsSequence("Q4", "v1", "draft", "Chorus", "latest");
      assertThat(rows.get(6)).containsSequence("Q4", "v1", "outcome", "Alice Adams", "no consensus");
      assertThat(rows.get(7)).containsSequence("Q4", "v1", "dissent", NAMES.get(2), "block");
      assertThat(rows.get(7).get(6)).isEqualTo(BLOCK_REASON);
      assertThat(rows.get(8)).containsSequence("Q4", "v1", "dissent", NAMES.get(1), "disagree");
    }

    @Test
    void aNamedQuestionsCsvNamesTheAuthors() {
      var csv = CsvExport.of(sampleQuestion(false));

      assertThat(csv).contains(NAMES);
    }

    @Test
    void anAnonymousQuestionsCsvHasNoNameMemberIdOrPseudonym() {
      var csv = CsvExport.of(sampleQuestion(true));

      assertNoIdentity(csv);
      assertThat(csv).contains("Wait a year.").contains("'=HYPERLINK(");
    }
  }

  @Nested
  class JsonWriting {

    @Test
    void escapesQuotesBackslashesNewlinesAndControlCharacters() {
      // Given
      var text = "say \"hi\" \\ now\nnext\r\tend\u0001\u001F";

      // When
      var json = Json.write(text);

      // Then
      assertThat(json).isEqualTo("\"say \\\"hi\\\" \\\\ now\\nnext\\r\\tend\\u0001\\u001f\"\n");
      assertThat(parseJson(json)).isEqualTo(text);
    }

    @Test
    void escapesLineAndParagraphSeparators() {
      assertThat(Json.write("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"\n");
    }

    @Test
    void keepsNonAsciiTextAsIs() {
      var text = "café 👩‍👩‍👧 السياسة";

      assertThat(Json.write(text)).isEqualTo("\"" + text + "\"\n");
    }

    @Test
    void writesNestedMapsAndListsInInsertionOrder() {
      // Given
      var map = new LinkedHashMap<String, Object>();
      map.put("b", List.of(1, true));
      map.put("a", null);
      map.put("e", Map.of());
      map.put("l", List.of());

      // When
      var json = Json.write(map);

      // Then
      assertThat(json).isEqualTo("{\n  \"b\": [\n    1,\n    true\n  ],\n  \"a\": null,\n  \"e\": {},\n  \"l\": []\n}\n");
    }

    @Test
    void theWholeExportParsesBackWithEveryTextIntact() {
      // Given
      var question = sampleQuestion(false);

      // When
      var parsed = parseJson(Json.write(Record.of(question)));

      // Then
      assertThat(parsed).isInstanceOf(Map.class);
      var root = (Map<?, ?>) parsed;
      @SuppressWarnings("unchecked")
      var statements = (List<Object>) root.get("statements");
      assertThat(statements).extracting(s -> (Object) ((Map<?, ?>) s).get("text"))
          .containsExactly(MULTI_LINE_VIEW, FORMULA_VIEW, "Wait a year.", AMENDMENT);
      var q = (Map<?, ?>) root.get("question");
      assertThat(q.get("title")).isEqualTo("Response to the AI policy");
      assertThat(q.get("anonymous")).isEqualTo(false);
      assertThat(q.get("deadline")).isNull();
      assertThat(q.get("membersWithView")).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void aNamedQuestionsJsonNamesAuthorsAndVoters() {
      var json = Json.write(Record.of(sampleQuestion(false)));

      assertThat(json).contains(NAMES).contains("U_ALICE", "U_BOB", "U_CAROL");
    }

    @Test
    void anAnonymousQuestionsJsonHasNoNameMemberIdOrPseudonymButKeepsBlockReasons() {
      // When
      var json = Json.write(Record.of(sampleQuestion(true)));

      // Then
      assertNoIdentity(json);
      assertThat(json).contains(BLOCK_REASON).contains(FORMULA_VIEW.replace("\"", "\\\""));
      assertThat(parseJson(json)).isInstanceOf(Map.class);
    }
  }

  @Nested
  class Markdown {

    @Test
    void everyLineOfMemberWordsIsQuoted() {
      assertThat(MarkdownExport.quote("# Heading\n- item")).isEqualTo("> \\# Heading\n> \\- item\n");
      assertThat(MarkdownExport.quote("one\n\nthree")).isEqualTo("> one\n> \n> three\n");
    }

    @Test
    void hostileHtmlAndMarkdownInMemberWordsTakeNoEffectInTheExport() {
      // Given words meant for whoever opens the export in a Markdown viewer or a browser
      var hostile = List.of("<img src=x onerror=alert(1)>", "<script>steal()</script>",
          "[click here](javascript:alert(1))", "![](https://tracker.example/pixel.png)", "<a href=\"https://x\">x</a>",
          "**loud** _and_ `code` ~~gone~~ | table |", "1. a list", "- another", "&lt;already&gt;");
      var base = sampleQuestion(false);
      var question = base.withDetails(String.join(" ", hostile), String.join("\n", hostile), base.forBody(), null);

      // When
      var md = MarkdownExport.of(question);

      // Then no tag, image, link or formatting of theirs survives; their words all do, as text
      assertThat(md).doesNotContain("<img", "<script", "<a ", "](javascript:", "![", "**loud**", "`code`", "&lt;already");
      assertThat(md).contains("&lt;img src=x onerror=alert\\(1\\)&gt;").contains("&lt;script&gt;steal\\(\\)&lt;/script&gt;")
          .contains("\\[click here\\]\\(javascript:alert\\(1\\)\\)").contains("> 1\\. a list").contains("> \\- another")
          .contains("&amp;lt;already&amp;gt;");
    }

    @Test
    void aMultiLineViewCannotBecomeAHeadingOrListInTheExport() {
      // When
      var md = MarkdownExport.of(sampleQuestion(false));

      // Then
      assertThat(md).contains("> We should adopt it.\n> \\# Heading\n> \\- item\n");
      assertThat(md.lines()).noneMatch(line -> line.startsWith("# Heading") || line.startsWith("- item"));
      assertThat(md.lines()).filteredOn(line -> line.contains("Heading") || line.contains("- item"))
          .allSatisfy(line -> assertThat(line).matches("^(> |- ).*"));
    }

    @Test
    void memberWordsInsideALineCannotStartANewLine() {
      // Given a title with a line break and a heading after it
      var base = sampleQuestion(false);
      var question = base.withDetails("Title\n# Injected", base.context(), base.forBody(), null);

      // When
      var md = MarkdownExport.of(question);

      // Then
      assertThat(md).startsWith("# Q4 · Title \\# Injected\n");
      assertThat(md.lines()).noneMatch(line -> line.startsWith("# Injected"));
    }

    @Test
    void aNamedQuestionsMarkdownNamesTheAuthorsAndVoters() {
      var md = MarkdownExport.of(sampleQuestion(false));

      assertThat(md).contains(NAMES).contains("- Carol Chen: block — " + BLOCK_REASON);
    }

    @Test
    void anAnonymousQuestionsMarkdownHasNoNameMemberIdOrPseudonym() {
      // When
      var md = MarkdownExport.of(sampleQuestion(true));

      // Then
      assertNoIdentity(md);
      assertThat(md).contains("> " + MarkdownExport.escape(FORMULA_VIEW)).contains(MarkdownExport.escape(BLOCK_REASON))
          .contains("Anonymous: yes");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "json", "csv"})
  void theSameAnonymousQuestionLeaksNoIdentityInAnyFormat(String format) {
    // Given
    var question = sampleQuestion(true);

    // When
    var content = switch (format) {
      case "markdown" -> MarkdownExport.of(question);
      case "json" -> Json.write(Record.of(question));
      default -> CsvExport.of(question);
    };

    // Then: the pseudonyms are in the stored question, but never in the file
    assertThat(question.participants()).allSatisfy(key -> assertThat(key.value()).startsWith("anon:"));
    assertNoIdentity(content);
    for (var key : question.participants()) {
      assertThat(content).doesNotContain(key.value().substring("anon:".length()));
    }
  }

  private static void assertNoIdentity(String content) {
    assertThat(content).doesNotContain("anon:");
    assertThat(content).doesNotContain(ALICE.value(), BOB.value(), CAROL.value());
    for (var name : NAMES) {
      assertThat(content).doesNotContain(name);
      assertThat(content).doesNotContain(name.split(" ")[0]);
    }
  }

  // ---------------------------------------------------------------- tiny parsers for round trips

  /** RFC 4180: rows end in CRLF, quoted cells may hold commas, quotes (doubled) and line breaks. */
  private static List<List<String>> parseCsv(String csv) {
    var rows = new ArrayList<List<String>>();
    var row = new ArrayList<String>();
    var cell = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
        i++;
        continue;
      }
      if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else if (c == '"' || c == '\n' || c == '\r') {
        fail("unquoted %s in a CSV cell at %d", c == '"' ? "quote" : "line break", i);
      } else {
        cell.append(c);
      }
      i++;
    }
    assertThat(quoted).as("CSV ends inside a quoted cell").isFalse();
    assertThat(row).as("CSV ends without CRLF").isEmpty();
    assertThat(cell).isEmpty();
    return rows;
  }

  /** Strict JSON (RFC 8259): objects, arrays, strings, numbers as BigDecimal, true, false, null. */
  private static Object parseJson(String json) {
    var parser = new JsonParser(json);
    var value = parser.value();
    parser.skipWhitespace();
    assertThat(parser.pos).as("trailing content in JSON").isEqualTo(json.length());
    return value;
  }

  private static final class JsonParser {
    private final String in;
    private int pos;

    JsonParser(String in) {
      this.in = in;
    }

    void skipWhitespace() {
      while (pos < in.length() && " \t\n\r".indexOf(in.charAt(pos)) >= 0) {
        pos++;
      }
    }

    Object value() {
      skipWhitespace();
      if (pos >= in.length()) {
        return fail("unexpected end of JSON");
      }
      char c = in.charAt(pos);
      if (c == '{') {
        return object();
      }
      if (c == '[') {
        return array();
      }
      if (c == '"') {
        return string();
      }
      if (in.startsWith("true", pos)) {
        pos += 4;
        return true;
      }
      if (in.startsWith("false", pos)) {
        pos += 5;
        return false;
      }
      if (in.startsWith("null", pos)) {
        pos += 4;
        return NULL;
      }
      return number();
    }

    private static final Object NULL = new Object();

    private Map<String, Object> object() {
      var map = new LinkedHashMap<String, Object>();
      pos++;
      skipWhitespace();
      if (in.charAt(pos) == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipWhitespace();
        var key = string();
        skipWhitespace();
        expect(':');
        var v = value();
        map.put(key, v == NULL ? null : v);
        skipWhitespace();
        if (in.charAt(pos) == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      var list = new ArrayList<Object>();
      pos++;
      skipWhitespace();
      if (in.charAt(pos) == ']') {
        pos++;
        return list;
      }
      while (true) {
        var v = value();
        list.add(v == NULL ? null : v);
        skipWhitespace();
        if (in.charAt(pos) == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      var out = new StringBuilder();
      while (true) {
        char c = in.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          fail("raw control character U+%04X in a JSON string at %d", (int) c, pos - 1);
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = in.charAt(pos++);
        switch (e) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case '/' -> out.append('/');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> fail("bad escape \\%s at %d", e, pos - 1);
        }
      }
    }

    private BigDecimal number() {
      int start = pos;
      while (pos < in.length() && "-+.eE0123456789".indexOf(in.charAt(pos)) >= 0) {
        pos++;
      }
      if (start == pos) {
        fail("unexpected character '%s' at %d", in.charAt(pos), pos);
      }
      return new BigDecimal(in.substring(start, pos));
    }

    private void expect(char c) {
      if (pos >= in.length() || in.charAt(pos) != c) {
        fail("expected '%s' at %d", c, pos);
      }
      pos++;
    }
  }
}
