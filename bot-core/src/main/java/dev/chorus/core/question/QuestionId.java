package dev.chorus.core.question;

import java.util.Optional;
import java.util.regex.Pattern;

/** {@code Q<n>}, numbered per community from 1. */
public record QuestionId(int number) implements Comparable<QuestionId> {
  private static final Pattern FORM = Pattern.compile("[Qq](\\d{1,9})");

  public QuestionId {
    if (number < 1) {
      throw new IllegalArgumentException("question numbers start at 1");
    }
  }

  /** Reads {@code Q3} or {@code q3}; anything else is empty. */
  public static Optional<QuestionId> parse(String text) {
    var matcher = FORM.matcher(text);
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
      return Optional.empty();
    }
    return Optional.of(new QuestionId(Integer.parseInt(matcher.group(1))));
  }

  @Override
  public int compareTo(QuestionId other) {
    return Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return "Q" + number;
  }
}
