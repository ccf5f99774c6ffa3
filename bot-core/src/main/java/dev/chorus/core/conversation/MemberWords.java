package dev.chorus.core.conversation;

import dev.chorus.core.community.MemberText;
import dev.chorus.core.message.Text;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks a piece of member text against its limit, after cleaning it. */
public final class MemberWords {
  private MemberWords() {}

  /** What a check found: the cleaned words, or why they cannot be taken. */
  public sealed interface Checked {
    record Words(String text) implements Checked {}

    record Refused(Decision.Rejected rejection) implements Checked {}
  }

  /**
   * @param what what the text is, for the message ("Your view", "The title")
   * @param usage the command to use instead
   */
  public static Checked check(String raw, int limit, String what, String usage) {
    var text = MemberText.clean(raw);
    if (text.isEmpty()) {
      return new Checked.Refused(Decision.Rejected.because(what + " is empty.", usage));
    }
    var length = MemberText.length(text);
    if (length > limit) {
      return new Checked.Refused(Decision.Rejected.because(
          what + " has " + thousands(length) + " characters; the limit is " + thousands(limit) + ". Shorten it and send it again.",
          usage));
    }
    return new Checked.Words(text);
  }

  /** Like {@link #check} for an optional part: empty is allowed. */
  public static Checked checkOptional(String raw, int limit, String what, String usage) {
    var text = MemberText.clean(raw);
    return text.isEmpty() ? new Checked.Words("") : check(text, limit, what, usage);
  }

  public static @Nullable String words(Checked checked) {
    return checked instanceof Checked.Words words ? words.text() : null;
  }

  public static Decision.Rejected refusal(Checked checked) {
    return ((Checked.Refused) checked).rejection();
  }

  static String thousands(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A reply that names a member's words safely. */
  public static Text quote(String before, String memberWords, String after) {
    return Text.builder().plain(before).quoted(memberWords).plain(after).build();
  }
}
