/**
 * {@code /respond export}: the question, every view (hidden ones marked), the drafts, the votes and
 * the outcomes as Markdown, JSON or CSV. Anonymous questions export counts only, never a name,
 * member id or pseudonym.
 */
@NullMarked
package dev.chorus.core.export;

import org.jspecify.annotations.NullMarked;
