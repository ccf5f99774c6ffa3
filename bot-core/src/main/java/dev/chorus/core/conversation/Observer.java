package dev.chorus.core.conversation;

/**
 * What the front door reports about each event it handled, for metrics. It carries the kind of
 * event and how it ended, never a member, a community or any words.
 */
public interface Observer {
  Observer NONE = (kind, result, nanos) -> {};

  /**
   * @param kind the command keyword ({@code vote}, {@code view} …), {@code form}, {@code invalid}, or
   *     {@code reaction-added}, {@code reaction-removed}, {@code button}, {@code form-submitted}
   * @param nanos how long handling took, delivery included
   */
  void handled(String kind, Result result, long nanos);

  /**
   * A vote was recorded (a choice set, not taken back).
   *
   * @param via {@code command}, {@code reaction}, {@code button}, or {@code reconciled} for a reaction
   *     whose event was lost and which reconciling with the platform found
   */
  default void voted(String via) {}

  /** How long one analysis of a question took (a Chorus-written draft, a support estimate at close). */
  default void analysed(long nanos) {}

  /**
   * A scheduled message went out, or could not be delivered.
   *
   * @param kind {@code channel-digest}, {@code personal-digest}, {@code reminder} or {@code deadline-close}
   */
  default void scheduled(String kind, boolean delivered) {}

  /** How handling ended. */
  enum Result {
    ACCEPTED,
    REFUSED,
    /** The store could not be reached, or something broke: the member was told to try again. */
    FAILED,
    /** A redelivered event, or a bot's: nothing done. */
    IGNORED,
    /** Too many concurrent changes: the member was asked to send it again. */
    BUSY,
    /** A reaction on a message not linked yet: held, and applied once it is. */
    HELD
  }
}
