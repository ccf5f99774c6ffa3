package dev.chorus.core.question;

import java.util.Optional;
import java.util.regex.Pattern;

/** {@code V<n>}: a view or an amendment, numbered per question. Upper-case V, unlike draft versions. */
public record StatementId(int number) implements Comparable<StatementId> {
  private static final Pattern FORM = Pattern.compile("V(\\d{1,9})");

  public StatementId {
    if (number < 1) {
      throw new IllegalArgumentException("statement numbers start at 1");
    }
  }

  public static Optional<StatementId> parse(String text) {
    var matcher = FORM.matcher(text);
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
      return Optional.empty();
    }
    return Optional.of(new StatementId(Integer.parseInt(matcher.group(1))));
  }

  @Override
  public int compareTo(StatementId other) {
    return Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return "V" + number;
  }
}
