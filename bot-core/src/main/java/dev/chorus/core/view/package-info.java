/**
 * Members' own words: sharing and editing a view, proposing amendments, withdrawing everything a
 * member said ({@code forget}, {@code forget me}), and hiding abusive statements.
 */
@NullMarked
package dev.chorus.core.view;

import org.jspecify.annotations.NullMarked;
