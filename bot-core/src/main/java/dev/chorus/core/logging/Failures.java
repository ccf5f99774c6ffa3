package dev.chorus.core.logging;

import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for logging a failure, in every module: the stack trace (with its causes), never the
 * member's words. An exception's message may quote what a member wrote (a title, a statement, a
 * command), so the trace is logged under the failure's class name only.
 */
public final class Failures {
  private Failures() {}

  /** Logs an unexpected failure as an error, with its stack trace and without any message it carries. */
  public static void log(System.Logger logger, String what, Throwable failure) {
    log(logger, Level.ERROR, what, failure);
  }

  /**
   * Logs a failure at the level given, with its stack trace and without any message it carries.
   *
   * @param what what Chorus was doing, in words of the code's own (never a member's)
   */
  public static void log(System.Logger logger, Level level, String what, Throwable failure) {
    logger.log(level, what + " (" + failure.getClass().getName() + ")", withoutWords(failure));
  }

  /** The failure as a trace alone: each throwable named by its class, with its frames, causes and suppressed. */
  public static Throwable withoutWords(Throwable failure) {
    return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static Trace copy(Throwable failure, Set<Throwable> seen) {
    seen.add(failure);
    var cause = failure.getCause();
    var trace = new Trace(failure.getClass().getName(), cause == null || seen.contains(cause) ? null : copy(cause, seen));
    trace.setStackTrace(failure.getStackTrace());
    for (var suppressed : failure.getSuppressed()) {
      if (!seen.contains(suppressed)) {
        trace.addSuppressed(copy(suppressed, seen));
      }
    }
    return trace;
  }

  /** A failure's frames under its class name: printed as the original would be, less its message. */
  private static final class Trace extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String className;

    Trace(String className, @Nullable Throwable cause) {
      super(className, cause, true, true);
      this.className = className;
    }

    @Override
    public String toString() {
      return className;
    }
  }
}
