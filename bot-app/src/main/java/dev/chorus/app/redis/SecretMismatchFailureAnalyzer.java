package dev.chorus.app.redis;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for another server secret shows its one line, not a stack trace around it. */
final class SecretMismatchFailureAnalyzer extends AbstractFailureAnalyzer<ServerSecret.MismatchException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ServerSecret.MismatchException cause) {
    return new FailureAnalysis(cause.getMessage(), "Start Chorus with the secret its data was written with.", cause);
  }
}
