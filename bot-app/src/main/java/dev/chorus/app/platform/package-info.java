/**
 * The chat platforms of the running application, each behind {@link
 * dev.chorus.app.platform.ChatPlatformModule}: adding a platform is an adapter module plus one wiring
 * class that implements it, and {@code run} starts whichever are configured.
 */
@NullMarked
package dev.chorus.app.platform;

import org.jspecify.annotations.NullMarked;
