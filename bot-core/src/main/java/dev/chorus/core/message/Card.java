package dev.chorus.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A message Chorus posts: blocks, buttons, the reactions the bot seeds so members can vote with one
 * click, at most one picture, and a one-line summary.
 *
 * @param picture shown with the message (Slack: a file in the same place; Discord: an attachment);
 *     null for none
 * @param summary what the message is about in one line, for whoever cannot see its layout (a screen
 *     reader, a notification): which question, and for a vote its tally; null to use the first line
 */
public record Card(List<Block> blocks, List<Button> buttons, List<String> seededReactions,
    @Nullable Picture picture, @Nullable Text summary) {
  public Card {
    blocks = List.copyOf(blocks);
    buttons = List.copyOf(buttons);
    seededReactions = List.copyOf(seededReactions);
  }

  public Card(List<Block> blocks, List<Button> buttons, List<String> seededReactions) {
    this(blocks, buttons, seededReactions, null, null);
  }

  /** The same card with this picture. */
  public Card with(Picture shown) {
    return new Card(blocks, buttons, seededReactions, shown, summary);
  }

  /** The same card with this summary. */
  public Card summarised(Text line) {
    return new Card(blocks, buttons, seededReactions, picture, line);
  }

  /**
   * The card in one line of text: its summary, or else its first line. Never empty: a card with no
   * words at all is summarised by its buttons.
   */
  public Text oneLine() {
    if (summary != null) {
      return summary;
    }
    var first = plainText().lines().filter(line -> !line.isBlank()).findFirst().orElse("A message from Chorus");
    // The first line may be a member's words: quoted, so no renderer reads them as markup.
    return Text.quoted(first);
  }

  public static Card of(Block... blocks) {
    return new Card(List.of(blocks), List.of(), List.of());
  }

  public static Card text(Text text) {
    return of(new Block.Paragraph(text));
  }

  /** Whether any text of the card links to a message. */
  public boolean hasLinks() {
    return texts().anyMatch(Text::hasLinks);
  }

  /** The card's texts in Chorus's words (member words in quotes are not texts). */
  private Stream<Text> texts() {
    return blocks.stream().flatMap(block -> {
      if (block instanceof Block.Heading heading) {
        return Stream.of(heading.text());
      } else if (block instanceof Block.Paragraph paragraph) {
        return Stream.of(paragraph.text());
      } else if (block instanceof Block.Fields fields) {
        return fields.fields().stream().map(Block.Field::value);
      } else if (block instanceof Block.Bullets bullets) {
        return bullets.items().stream();
      }
      return Stream.empty();
    });
  }

  /** The same card with every text changed by {@code change}; member words in quotes stay as they are. */
  public Card mapTexts(UnaryOperator<Text> change) {
    var mapped = new ArrayList<Block>(blocks.size());
    for (var block : blocks) {
      if (block instanceof Block.Heading heading) {
        mapped.add(new Block.Heading(change.apply(heading.text())));
      } else if (block instanceof Block.Paragraph paragraph) {
        mapped.add(new Block.Paragraph(change.apply(paragraph.text())));
      } else if (block instanceof Block.Fields fields) {
        mapped.add(new Block.Fields(fields.fields().stream()
            .map(f -> new Block.Field(f.label(), change.apply(f.value()))).toList()));
      } else if (block instanceof Block.Bullets bullets) {
        mapped.add(new Block.Bullets(bullets.items().stream().map(change).toList()));
      } else {
        mapped.add(block);
      }
    }
    return new Card(mapped, buttons, seededReactions, picture, summary == null ? null : change.apply(summary));
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
