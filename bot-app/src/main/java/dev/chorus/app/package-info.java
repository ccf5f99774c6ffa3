/**
 * The composition root: the one place that wires core, store and adapters together, reads the
 * settings, and offers the command line ({@code shell}, later {@code run} and {@code analyze}).
 */
@NullMarked
package dev.chorus.app;

import org.jspecify.annotations.NullMarked;
