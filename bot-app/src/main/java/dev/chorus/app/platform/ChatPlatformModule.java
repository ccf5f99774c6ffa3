package dev.chorus.app.platform;

/**
 * One chat platform's lifecycle, as the service runs it: each platform's wiring class implements it,
 * and {@code run} starts those whose settings are present, says how each runs, and names every
 * platform's settings when none is configured.
 */
public interface ChatPlatformModule {
  /** The platform's name, as people know it. */
  String name();

  /** Whether the platform's settings are present: only then is it started. */
  boolean configured();

  /** The settings that turn the platform on, for the message when no platform is configured. */
  String howToConfigure();

  /** Starts the platform if it is not running yet (Spring may already have made it); once started, again is harmless. */
  void start();

  /** What start-up says once the platform runs. */
  String running();

  /** Stops the platform if it runs; again is harmless. */
  void stop();
}
