package dev.chorus.core.question;

import java.util.Locale;
import java.util.Optional;

/** A vote on a draft, with Loomio's consent meaning: a block is a serious objection. */
public enum DraftChoice {
  AGREE("✅"),
  ABSTAIN("🤷"),
  DISAGREE("❌"),
  BLOCK("✋");

  private final String emoji;

  DraftChoice(String emoji) {
    this.emoji = emoji;
  }

  public String emoji() {
    return emoji;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DraftChoice> parse(String word) {
    for (var choice : values()) {
      if (choice.word().equalsIgnoreCase(word)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }
}
