package dev.chorus.core.question;

/**
 * The store could not be reached or did not answer in time. When it could not be reached, nothing was
 * written; when a command it had been sent timed out, the store may still carry it out
 * ({@link #mayHaveApplied}), so a member must not be told that nothing changed.
 */
public class StoreUnavailableException extends RuntimeException {
  private final boolean mayHaveApplied;

  public StoreUnavailableException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /** @param mayHaveApplied the command reached the store and timed out: it may have been carried out */
  public StoreUnavailableException(String message, Throwable cause, boolean mayHaveApplied) {
    super(message, cause);
    this.mayHaveApplied = mayHaveApplied;
  }

  public StoreUnavailableException(String message) {
    super(message);
    this.mayHaveApplied = false;
  }

  /** Whether what was sent may still have been carried out (it timed out rather than failed to go). */
  public boolean mayHaveApplied() {
    return mayHaveApplied;
  }
}
