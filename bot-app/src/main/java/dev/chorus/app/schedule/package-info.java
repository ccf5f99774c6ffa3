/**
 * The thin scheduler: every replica looks for due work every interval and lets the
 * core's claims decide which replica does each job.
 */
@NullMarked
package dev.chorus.app.schedule;

import org.jspecify.annotations.NullMarked;
