/**
 * The load benchmark: simulated members voting through the real Slack adapter (Bolt, Socket Mode)
 * and the real Discord adapter (JDA) against the project's fakes, beside apps on the same SDKs that
 * only acknowledge.
 */
@NullMarked
package dev.chorus.benchmarks.load;

import org.jspecify.annotations.NullMarked;
