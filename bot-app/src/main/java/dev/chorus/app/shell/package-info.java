/** Runs the local shell chat ({@code java -jar chorus.jar shell}) on standard input and output. */
@NullMarked
package dev.chorus.app.shell;

import org.jspecify.annotations.NullMarked;
