/**
 * Chorus's core: {@link dev.chorus.core.Chorus} is the front door every adapter calls with what a
 * member did; feature packages hold the domain and one class per use case.
 */
@NullMarked
package dev.chorus.core;

import org.jspecify.annotations.NullMarked;
