/**
 * {@code java -jar chorus.jar analyze --polis <folder>}: reads a Polis export, runs Chorus's analysis
 * on its votes and prints the landscape with the evaluation figures of DESIGN §5.8.
 */
@NullMarked
package dev.chorus.app.analyze;

import org.jspecify.annotations.NullMarked;
