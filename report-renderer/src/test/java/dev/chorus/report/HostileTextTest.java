package dev.chorus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.question.Outcome;
import dev.chorus.core.report.Report;
import dev.chorus.core.report.ReportContent;
import dev.chorus.testkit.Conversation;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Whatever members type stays words: no markup, no script, no link, and the layout holds. */
class HostileTextTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final List<String> HOSTILE = List.of(
      "<script>alert('view')</script>",
      "</style><h1 style=\"font-size:300px\">shouting</h1>",
      "<a href=\"javascript:alert(1)\">click me</a> javascript:alert(2)",
      "]]><!-- <![CDATA[ &amp; &#0; &nbsp;",
      "\u202Eright-to-left override\u202C and \u2067isolate\u2069 text");
  private final TemplateReports reports = new TemplateReports();

  @Test
  void hostileViewsReasonsAndTitlesAreInertInThePageAndThePdf() throws Exception {
    var chat = Conversation.reporting(reports);
    var ana = chat.member("ana");
    chat.say(ana, "/respond open <script>alert('title')</script> --for </title><b>body</b> --context " + HOSTILE.get(1));
    for (int i = 0; i < HOSTILE.size(); i++) {
      chat.say(chat.member("member" + i), "/respond " + HOSTILE.get(i));
    }
    for (int i = 0; i < HOSTILE.size(); i++) {
      for (int v = 1; v <= HOSTILE.size(); v++) {
        chat.say(chat.member("member" + i), "/respond vote V" + v + " " + (i == v - 1 ? "agree" : "disagree"));
      }
    }
    chat.say(ana, "/respond draft " + HOSTILE.get(0));
    chat.say(chat.member("member1"), "/respond vote v1 block");
    chat.say(chat.member("member1"), "/respond reason " + HOSTILE.get(2));
    chat.say(ana, "/respond close");

    var page = chat.say(ana, "/respond #Q1 export html").file().content();
    var pdf = chat.say(ana, "/respond #Q1 export pdf").file().content();

    var document = xhtml(page.bytes());
    assertInert(document.getDocumentElement());
    var body = document.getElementsByTagName("body").item(0).getTextContent();
    assertThat(body).contains("<script>alert('view')</script>").contains("javascript:alert(2)");
    assertThat(Pdfs.text(pdf)).contains("<script>alert('view')</script>");
    assertThat(Pdfs.outsideThePage(pdf)).isEmpty();
  }

  @Test
  void tenThousandCharactersWrapWithinThePage() throws Exception {
    // Longer than anything Chorus accepts from a member; a Polis statement can be this long.
    var words = new StringBuilder();
    while (words.length() < 10_000) {
      words.append("supercalifragilisticexpialidocious").append(words.length() % 7 == 0 ? " " : "");
    }
    words.append(" THE-END");
    var statement = new Report.Quoted("#1", words.toString(), 3, 1, 0, null);
    var report = new Report("en", new Report.Subject(words.substring(0, 300), words.toString(), "", "Polis conversation x",
        "", false), List.of(), Optional.empty(), new Report.Dissent(List.of(), List.of(), 0, List.of(statement)), List.of(),
        List.of(), new Report.Participation("everyone", 4, 0, 4),
        new Report.Landscape(Optional.empty(), List.of(), List.of(), Optional.empty(), "everyone"), NOW);

    var pdf = reports.pdf(report);

    assertThat(Pdfs.outsideThePage(pdf)).isEmpty();
    assertThat(Pdfs.text(pdf).replaceAll("\\s+", "")).contains("THE-END");
    assertThat(Pdfs.pageCount(pdf)).isBetween(2, 12);
    assertInert(xhtml(reports.page(report).bytes()).getDocumentElement());
  }

  @Test
  void theRecordsOwnTextsAreInertToo() {
    var chat = Conversation.reporting(reports);
    chat.say(chat.member("ana"), "/respond open A question");
    chat.say(chat.member("ben"), "/respond " + HOSTILE.get(0));
    var report = ReportContent.of(chat.questions().find(chat.community(), new dev.chorus.core.question.QuestionId(1))
        .orElseThrow(), ReportContent.Audience.MEMBERS, 3500, NOW);

    assertThat(reports.page(report).text()).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  private static org.w3c.dom.Document xhtml(byte[] page) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // The page is well-formed XML (the PDF renderer needs that); its doctype names no DTD to fetch.
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page));
  }

  /** No script, one stylesheet (Chorus's), no link, no event handler, no inline style from member text. */
  private static void assertInert(Element root) {
    var elements = new ArrayList<Element>();
    collect(root, elements);
    assertThat(elements).extracting(Element::getLocalName).doesNotContain("script", "a", "iframe", "object", "img", "b");
    // Chorus's own: one stylesheet and one top heading, the title's.
    assertThat(elements.stream().filter(e -> e.getLocalName().equals("style")).count()).isEqualTo(1);
    assertThat(elements.stream().filter(e -> e.getLocalName().equals("h1")).count()).isEqualTo(1);
    for (var element : elements) {
      var attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        var attribute = attributes.item(i);
        assertThat(attribute.getNodeName()).doesNotStartWith("on").isNotEqualTo("href").isNotEqualTo("src");
        assertThat(attribute.getNodeValue()).doesNotContain("javascript:").doesNotContain("shouting");
      }
    }
  }

  private static void collect(Element element, List<Element> into) {
    into.add(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collect(e, into);
      }
    }
  }
}
