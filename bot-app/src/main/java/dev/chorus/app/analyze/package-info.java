/**
 * {@code java -jar chorus.jar analyze --polis <folder>}: reads a Polis export, runs Chorus's analysis
 * on its votes and prints the landscape with its evaluation figures.
 */
@NullMarked
package dev.chorus.app.analyze;

import org.jspecify.annotations.NullMarked;
