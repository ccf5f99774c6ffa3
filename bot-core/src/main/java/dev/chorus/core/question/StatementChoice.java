package dev.chorus.core.question;

import java.util.Locale;
import java.util.Optional;

/** A vote on a statement: agree (+1), disagree (−1) or pass (0). */
public enum StatementChoice {
  AGREE(1, "👍"),
  DISAGREE(-1, "👎"),
  PASS(0, "🤷");

  private final int value;
  private final String emoji;

  StatementChoice(int value, String emoji) {
    this.value = value;
    this.emoji = emoji;
  }

  public int value() {
    return value;
  }

  public String emoji() {
    return emoji;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StatementChoice> parse(String word) {
    for (var choice : values()) {
      if (choice.word().equalsIgnoreCase(word)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
