/**
 * Slack in the running application: settings from the environment, the platform started when
 * {@code SLACK_BOT_TOKEN} is set, and the events URL for HTTP mode.
 */
@NullMarked
package dev.chorus.app.slack;

import org.jspecify.annotations.NullMarked;
