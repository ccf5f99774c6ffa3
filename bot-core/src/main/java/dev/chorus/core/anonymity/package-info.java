/**
 * Anonymous questions: members are stored under pseudonyms that only the server secret
 * can recompute, so one view per member and editing still work while no stored record, message or
 * export ties a view or vote to a person.
 */
@NullMarked
package dev.chorus.core.anonymity;

import org.jspecify.annotations.NullMarked;
