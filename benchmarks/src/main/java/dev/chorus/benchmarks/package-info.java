/**
 * JMH benchmarks of the analysis, outside core's packages: they measure its public API as a caller
 * sees it. Built into {@code benchmarks/target/benchmarks.jar}; run from the repository root.
 */
@NullMarked
package dev.chorus.benchmarks;

import org.jspecify.annotations.NullMarked;
