/**
 * Who and where: communities (the tenants), channels, members and the platform events that carry
 * them. Nothing crosses between communities.
 */
@NullMarked
package dev.chorus.core.community;

import org.jspecify.annotations.NullMarked;
