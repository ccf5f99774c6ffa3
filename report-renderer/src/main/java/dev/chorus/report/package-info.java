/**
 * Renders Chorus's reports: jte templates (compiled at build time) for the page, openhtmltopdf for
 * the PDF and Batik for the opinion map as a picture. Implements core's
 * {@link dev.chorus.core.report.Reports}; core never sees these libraries.
 */
@NullMarked
package dev.chorus.report;

import org.jspecify.annotations.NullMarked;
