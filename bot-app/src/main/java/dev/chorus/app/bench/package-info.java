/**
 * {@code java -jar chorus.jar bench-votes}: how many votes per second go through the whole use case
 * and the Redis store, beside a raw Lettuce {@code SET} loop at the same concurrency on the same
 * server, measured in one run.
 */
@NullMarked
package dev.chorus.app.bench;

import org.jspecify.annotations.NullMarked;
