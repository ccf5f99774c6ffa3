package dev.chorus.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static final String WORDS = "Mallory's pay is 41k";

  /** A logger that keeps what it was given. */
  static final class Kept implements System.Logger {
    final List<Level> levels = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<Throwable> thrown = new ArrayList<>();

    @Override
    public String getName() {
      return "kept";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String msg, @Nullable Throwable thrown) {
      levels.add(level);
      messages.add(String.valueOf(msg));
      if (thrown != null) {
        this.thrown.add(thrown);
      }
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String format, @Nullable Object... params) {
      messages.add(String.valueOf(format));
    }
  }

  private static String printed(Throwable failure) {
    var out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aFailureIsLoggedWithItsWholeTraceButNotTheWordsInItsMessages() {
    var cause = new IllegalArgumentException("bad title: " + WORDS);
    var failure = new IllegalStateException("could not open " + WORDS, cause);
    failure.addSuppressed(new UnsupportedOperationException(WORDS));
    var logger = new Kept();

    Failures.log(logger, "a Slack event failed", failure);

    assertThat(logger.messages).containsExactly("a Slack event failed (java.lang.IllegalStateException)");
    var logged = logger.thrown.get(0);
    assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(logged.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    var trace = printed(logged);
    assertThat(trace).doesNotContain(WORDS).doesNotContain("Mallory")
        .contains("java.lang.IllegalStateException", "Caused by: java.lang.IllegalArgumentException",
            "Suppressed: java.lang.UnsupportedOperationException", "FailuresTest.java");
  }

  @Test
  void aCauseThatLoopsBackIsLoggedOnce() {
    var first = new IllegalStateException(WORDS);
    var second = new IllegalArgumentException(WORDS, first);
    first.initCause(second);

    var trace = printed(Failures.withoutWords(first));

    assertThat(trace).doesNotContain(WORDS).contains("Caused by: java.lang.IllegalArgumentException");
  }

  @Test
  void theLevelGivenIsKept() {
    var logger = new Kept();

    Failures.log(logger, Level.WARNING, "an edit did not reach the platform", new RuntimeException(WORDS));

    assertThat(logger.levels).containsExactly(Level.WARNING);
  }
}
