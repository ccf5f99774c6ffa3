/** Shared reports on the web: the page behind a link a facilitator turned on with {@code share on}. */
@NullMarked
package dev.chorus.app.report;

import org.jspecify.annotations.NullMarked;
