package dev.chorus.app.operations;

import dev.chorus.core.conversation.Observer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Turns what the front door reports into metrics: {@code chorus.events} (a timer by kind and
 * result), {@code chorus.votes} (votes recorded, by how they were cast: command, reaction, button, or
 * reconciled for a reaction whose event was lost), {@code chorus.analysis}
 * (time per analysis) and {@code chorus.scheduled} (scheduled messages by kind and result). Labels hold kinds and
 * results only, so no member, community or word ever reaches the metrics.
 */
public final class MicrometerObserver implements Observer {
  private final MeterRegistry registry;

  public MicrometerObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void analysed(long nanos) {
    Timer.builder("chorus.analysis").description("Analyses of a question's opinion landscape")
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void scheduled(String kind, boolean delivered) {
    Counter.builder("chorus.scheduled").description("Scheduled messages: digests, reminders, deadline closes")
        .tag("kind", kind).tag("result", delivered ? "sent" : "undelivered").register(registry).increment();
  }

  @Override
  public void handled(String kind, Result result, long nanos) {
    Timer.builder("chorus.events")
        .description("Events Chorus handled, by kind and result")
        .tag("kind", kind)
        .tag("result", result.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void voted(String via) {
    Counter.builder("chorus.votes").description("Votes recorded, by how they were cast")
        .tag("via", via).register(registry).increment();
  }
}
