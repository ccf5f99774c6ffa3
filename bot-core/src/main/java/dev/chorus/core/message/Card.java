package dev.chorus.core.message;

import java.util.ArrayList;
import java.util.List;

/**
 * A message Chorus posts: blocks, buttons, and the reactions the bot seeds so members can vote
 * with one click.
 */
public record Card(List<Block> blocks, List<Button> buttons, List<String> seededReactions) {
  public Card {
    blocks = List.copyOf(blocks);
    buttons = List.copyOf(buttons);
    seededReactions = List.copyOf(seededReactions);
  }

  public static Card of(Block... blocks) {
    return new Card(List.of(blocks), List.of(), List.of());
  }

  public static Card text(Text text) {
    return of(new Block.Paragraph(text));
  }

  /** Every word of the card, unrendered: for tests and for checks that scan what was shown. */
  public String plainText() {
    var out = new StringBuilder();
    for (var block : blocks) {
      if (block instanceof Block.Heading heading) {
        out.append(heading.text().plainText());
      } else if (block instanceof Block.Paragraph paragraph) {
        out.append(paragraph.text().plainText());
      } else if (block instanceof Block.Quote quote) {
        out.append(quote.memberWords());
      } else if (block instanceof Block.Fields fields) {
        var parts = new ArrayList<String>();
        for (var field : fields.fields()) {
          parts.add(field.label() + ": " + field.value().plainText());
        }
        out.append(String.join("\n", parts));
      } else if (block instanceof Block.Bullets bullets) {
        var parts = new ArrayList<String>();
        for (var item : bullets.items()) {
          parts.add("• " + item.plainText());
        }
        out.append(String.join("\n", parts));
      }
      out.append('\n');
    }
    for (var button : buttons) {
      out.append('[').append(button.label()).append("] ");
    }
    return out.toString().strip();
  }
}
