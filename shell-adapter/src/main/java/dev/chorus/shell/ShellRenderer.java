package dev.chorus.shell;

import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders cards as terminal lines. Member words are flattened onto their line and stripped of
 * control characters (terminal escape sequences included), so a view can never move the cursor,
 * recolour the screen or pass itself off as a message of Chorus's.
 */
public final class ShellRenderer {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
  private final ZoneId zone;

  public ShellRenderer(ZoneId zone) {
    this.zone = zone;
  }

  public List<String> lines(Card card) {
    var lines = new ArrayList<String>();
    for (var block : card.blocks()) {
      if (block instanceof Block.Heading heading) {
        lines.add(text(heading.text()));
      } else if (block instanceof Block.Paragraph paragraph) {
        lines.add(text(paragraph.text()));
      } else if (block instanceof Block.Quote quote) {
        for (var line : quote.memberWords().split("\n", -1)) {
          lines.add("  │ " + safe(line));
        }
      } else if (block instanceof Block.Fields fields) {
        for (var field : fields.fields()) {
          lines.add(field.label() + ": " + text(field.value()));
        }
      } else if (block instanceof Block.Bullets bullets) {
        for (var item : bullets.items()) {
          lines.add("  • " + text(item));
        }
      }
    }
    if (!card.seededReactions().isEmpty()) {
      lines.add("reactions: " + String.join(" ", card.seededReactions()));
    }
    if (!card.buttons().isEmpty()) {
      var buttons = new StringBuilder("buttons:");
      for (var button : card.buttons()) {
        buttons.append(" [").append(button.label()).append(']');
      }
      lines.add(buttons.toString());
    }
    var picture = card.picture();
    if (picture != null) {
      // A terminal shows no picture: its name and its text alternative stand in for it.
      lines.add("picture " + picture.fileName() + " (" + picture.png().size() + " bytes): " + safe(picture.altText()));
    }
    return lines;
  }

  /** A moment as the shell shows times. */
  public String time(java.time.Instant at) {
    return TIME.format(at.atZone(zone));
  }

  public String text(Text text) {
    var out = new StringBuilder();
    for (var span : text.spans()) {
      if (span instanceof Text.Span.Plain plain) {
        out.append(plain.text());
      } else if (span instanceof Text.Span.Quoted quoted) {
        out.append(safe(quoted.text()));
      } else if (span instanceof Text.Span.Moment moment) {
        out.append(time(moment.at()));
      } else if (span instanceof Text.Span.Link link) {
        out.append(link.label()).append(link.message() == null ? "" : " (message " + link.message().id() + ")");
      } else if (span instanceof Text.Span.Address address) {
        out.append(address.url());
      }
    }
    return out.toString();
  }

  /** Member words on one line with every control and format character removed. */
  static String safe(String memberWords) {
    var out = new StringBuilder(memberWords.length());
    memberWords.codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\r' || cp == '\t') {
        out.append(' ');
      } else if (Character.getType(cp) != Character.CONTROL && Character.getType(cp) != Character.FORMAT
          || cp == 0x200D) {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
