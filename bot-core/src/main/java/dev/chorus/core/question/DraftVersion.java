package dev.chorus.core.question;

import java.util.Optional;
import java.util.regex.Pattern;

/** {@code v<n>}: a numbered version of the joint response text. Lower-case v, unlike statements. */
public record DraftVersion(int number) implements Comparable<DraftVersion> {
  private static final Pattern FORM = Pattern.compile("v(\\d{1,9})");

  public DraftVersion {
    if (number < 1) {
      throw new IllegalArgumentException("draft versions start at 1");
    }
  }

  public static Optional<DraftVersion> parse(String text) {
    var matcher = FORM.matcher(text);
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
      return Optional.empty();
    }
    return Optional.of(new DraftVersion(Integer.parseInt(matcher.group(1))));
  }

  @Override
  public int compareTo(DraftVersion other) {
    return Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return "v" + number;
  }
}
