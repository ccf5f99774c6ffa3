/**
 * Running Chorus as a service: {@code run}, health (Redis included) and metrics for Prometheus —
 * kinds and results of events, handling time, votes; never a member id or any words.
 */
@NullMarked
package dev.chorus.app.operations;

import org.jspecify.annotations.NullMarked;
