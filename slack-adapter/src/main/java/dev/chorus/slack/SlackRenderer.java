package dev.chorus.slack;

import dev.chorus.core.export.Json;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import dev.chorus.core.message.TextCuts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a core {@link Card} as Slack messages: Block Kit sections in {@code mrkdwn}, buttons in
 * actions blocks. Within Slack's limits — at most 50 blocks a message, 3,000 characters a section,
 * 25 buttons an actions block — a card too long for one message continues in the next, split
 * between lines or words, never inside a word unless one word alone is too long.
 */
public final class SlackRenderer {
  public static final int MOST_BLOCKS = 50;
  public static final int LONGEST_SECTION = 3_000;
  static final int MOST_BUTTONS = 25;
  static final int LONGEST_BUTTON_LABEL = 75;
  /** Kept well under Slack's limit on a whole message's text. */
  static final int LONGEST_MESSAGE = 12_000;
  /** The notification text; Slack shows it where blocks cannot be shown. */
  static final int LONGEST_FALLBACK = 3_000;
  private static final DateTimeFormatter FALLBACK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  /**
   * One message as {@code chat.postMessage} takes it.
   *
   * @param text the notification text
   * @param blocks the Block Kit blocks
   */
  public record SlackMessage(String text, List<Map<String, Object>> blocks) {
    public SlackMessage {
      blocks = List.copyOf(blocks);
    }

    /** The blocks as the JSON array Slack's {@code blocks} argument takes. */
    public String blocksJson() {
      return Json.compact(blocks);
    }
  }

  /** The address of a posted message (its permalink), or null where links are shown as their words. */
  private final java.util.function.Function<dev.chorus.core.message.PostedMessage, @org.jspecify.annotations.Nullable String>
      permalinks;

  /** A renderer that shows a link to a message as its words (Slack's messages name the question instead). */
  public SlackRenderer() {
    this(message -> null);
  }

  /** @param permalinks each linked message's address, where a link can be followed (the Home tab) */
  SlackRenderer(java.util.function.Function<dev.chorus.core.message.PostedMessage, @org.jspecify.annotations.Nullable String>
      permalinks) {
    this.permalinks = permalinks;
  }

  /** {@link #inline}, with each link to a message whose address is known as a link to it. */
  private String text(Text text) {
    if (!text.hasLinks()) {
      return inline(text);
    }
    var out = new StringBuilder();
    for (var span : text.spans()) {
      var url = span instanceof Text.Span.Link link && link.message() != null ? permalinks.apply(link.message()) : null;
      if (url != null && url.startsWith("https://") && url.indexOf('>') < 0 && url.indexOf('|') < 0) {
        out.append('<').append(url.replace("&", "&amp;")).append('|')
            .append(SlackText.escape(((Text.Span.Link) span).label())).append('>');
      } else {
        out.append(inline(new Text(List.of(span))));
      }
    }
    return out.toString();
  }

  public List<SlackMessage> render(Card card) {
    var blocks = new ArrayList<Map<String, Object>>();
    for (var block : card.blocks()) {
      if (block instanceof Block.Heading heading) {
        sections(blocks, "*" + text(heading.text()) + "*");
      } else if (block instanceof Block.Paragraph paragraph) {
        sections(blocks, text(paragraph.text()));
      } else if (block instanceof Block.Quote quote) {
        var lines = new StringBuilder();
        for (var line : SlackText.neutral(quote.memberWords()).split("\n", -1)) {
          lines.append(lines.length() == 0 ? "" : "\n").append("> ").append(line);
        }
        sections(blocks, lines.toString());
      } else if (block instanceof Block.Fields fields) {
        var lines = new ArrayList<String>();
        for (var field : fields.fields()) {
          lines.add("*" + SlackText.escape(field.label()) + ":* " + text(field.value()));
        }
        sections(blocks, String.join("\n", lines));
      } else if (block instanceof Block.Bullets bullets) {
        var lines = new ArrayList<String>();
        for (var item : bullets.items()) {
          lines.add("• " + text(item));
        }
        sections(blocks, String.join("\n", lines));
      }
    }
    for (int from = 0; from < card.buttons().size(); from += MOST_BUTTONS) {
      var elements = new ArrayList<Object>();
      for (var button : card.buttons().subList(from, Math.min(card.buttons().size(), from + MOST_BUTTONS))) {
        var element = new LinkedHashMap<String, Object>();
        element.put("type", "button");
        element.put("text", plain(clip(button.label(), LONGEST_BUTTON_LABEL)));
        element.put("action_id", button.action());
        element.put("value", button.action());
        elements.add(element);
      }
      var actions = new LinkedHashMap<String, Object>();
      actions.put("type", "actions");
      actions.put("elements", elements);
      blocks.add(actions);
    }
    return messages(card, blocks);
  }

  /** Blocks into messages of at most {@link #MOST_BLOCKS} blocks and {@link #LONGEST_MESSAGE} characters. */
  private static List<SlackMessage> messages(Card card, List<Map<String, Object>> blocks) {
    var messages = new ArrayList<SlackMessage>();
    var current = new ArrayList<Map<String, Object>>();
    int length = 0;
    for (var block : blocks) {
      int blockLength = textLength(block);
      if (!current.isEmpty() && (current.size() == MOST_BLOCKS || length + blockLength > LONGEST_MESSAGE)) {
        messages.add(new SlackMessage(messages.isEmpty() ? fallback(card) : continued(card), current));
        current = new ArrayList<>();
        length = 0;
      }
      current.add(block);
      length += blockLength;
    }
    if (!current.isEmpty() || messages.isEmpty()) {
      messages.add(new SlackMessage(messages.isEmpty() ? fallback(card) : continued(card), current));
    }
    return messages;
  }

  @SuppressWarnings("unchecked")
  private static int textLength(Map<String, Object> block) {
    var text = block.get("text");
    return text instanceof Map<?, ?> map ? String.valueOf(((Map<String, Object>) map).get("text")).length() : 0;
  }

  /**
   * The message's {@code text}: what notifications and screen readers say for it. The card's one-line
   * summary (which question, and a vote's tally), escaped so it can mention nobody.
   */
  private static String fallback(Card card) {
    return SlackText.escape(clip(card.oneLine().plainText(), LONGEST_FALLBACK));
  }

  /** A later message of a card too long for one: the same summary, saying it continues. */
  private static String continued(Card card) {
    return SlackText.escape(clip(card.oneLine().plainText(), LONGEST_FALLBACK - 12)) + " (continued)";
  }

  /** Text in {@code mrkdwn}: Chorus's words escaped, members' words neutralised, times in each reader's zone. */
  static String inline(Text text) {
    var out = new StringBuilder();
    for (var span : text.spans()) {
      if (span instanceof Text.Span.Plain plain) {
        out.append(SlackText.escape(plain.text()));
      } else if (span instanceof Text.Span.Quoted quoted) {
        out.append(SlackText.memberInline(quoted.text()));
      } else if (span instanceof Text.Span.Moment moment) {
        out.append("<!date^").append(moment.at().getEpochSecond()).append("^{date_short_pretty} {time}|")
            .append(FALLBACK_TIME.format(moment.at())).append('>');
      } else if (span instanceof Text.Span.Link link) {
        out.append(SlackText.escape(link.label()));
      } else if (span instanceof Text.Span.Address address) {
        // A link in mrkdwn; the address holds no <, > or |, and & is the one character to escape.
        out.append('<').append(address.url().replace("&", "&amp;")).append('>');
      }
    }
    return out.toString();
  }

  /** One or more sections holding the text, cut between lines, else between words, within the limit. */
  private static void sections(List<Map<String, Object>> blocks, String mrkdwn) {
    if (mrkdwn.isEmpty()) {
      return;
    }
    for (var part : cut(mrkdwn, LONGEST_SECTION)) {
      var text = new LinkedHashMap<String, Object>();
      text.put("type", "mrkdwn");
      text.put("text", part);
      // Slack would otherwise turn bare names and addresses into links and mentions.
      text.put("verbatim", true);
      var section = new LinkedHashMap<String, Object>();
      section.put("type", "section");
      section.put("text", text);
      blocks.add(section);
    }
  }

  static List<String> cut(String text, int longest) {
    return TextCuts.cut(text, longest, SlackRenderer::hardCut);
  }

  /** Never inside an escape ({@code &amp;}) or between the halves of a character. */
  private static int hardCut(String rest, int longest) {
    int at = longest;
    int amp = rest.lastIndexOf('&', at - 1);
    if (amp > 2 && amp > at - 6 && rest.indexOf(';', amp) >= at) {
      at = amp;
    }
    if (Character.isLowSurrogate(rest.charAt(at))) {
      at--;
    }
    return at;
  }

  static Map<String, Object> plain(String text) {
    var map = new LinkedHashMap<String, Object>();
    map.put("type", "plain_text");
    map.put("text", text);
    return map;
  }

  static String clip(String words, int longest) {
    return TextCuts.clip(words, longest);
  }
}
