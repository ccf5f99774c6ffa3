/**
 * Contract suites for the core's storage ports: every implementation (in memory, Redis) extends
 * them, so the implementations cannot drift apart.
 */
@NullMarked
package dev.chorus.testkit.contract;

import org.jspecify.annotations.NullMarked;
