/**
 * The joint response as a deliverable: what a report says ({@link dev.chorus.core.report.Report}),
 * built from a question or a Polis conversation by {@link dev.chorus.core.report.ReportContent}, and
 * the port that turns it into a page, a PDF or a picture ({@link dev.chorus.core.report.Reports}).
 * Core decides every word and number; a renderer only lays them out.
 */
@NullMarked
package dev.chorus.core.report;

import org.jspecify.annotations.NullMarked;
