/**
 * Ordering of one member's events: adapters hand each event to {@link
 * dev.chorus.core.ordering.MemberOrder}, so a member's events take effect in the order the platform
 * sent them while different members' events run in parallel.
 */
@NullMarked
package dev.chorus.core.ordering;

import org.jspecify.annotations.NullMarked;
