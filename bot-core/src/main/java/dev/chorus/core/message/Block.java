package dev.chorus.core.message;

import java.util.List;

/** One part of a card. */
public sealed interface Block {
  /** A title line. */
  record Heading(Text text) implements Block {}

  /** A paragraph of Chorus's words, with member words quoted inside. */
  record Paragraph(Text text) implements Block {}

  /** A member's longer words, shown as a block quote. */
  record Quote(String memberWords) implements Block {}

  /** Labelled values (participation, deadline, tally). */
  record Fields(List<Field> fields) implements Block {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  /** A list of items. */
  record Bullets(List<Text> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A labelled value. */
  record Field(String label, Text value) {}
}
