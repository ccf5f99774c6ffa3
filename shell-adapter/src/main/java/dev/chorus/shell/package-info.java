/**
 * The local terminal chat: standard input plays the members (with {@code :as}, {@code :react},
 * {@code :submit} …) and standard output shows every message Chorus posts, numbered, so anyone can
 * try Chorus with no token and no network.
 */
@NullMarked
package dev.chorus.shell;

import org.jspecify.annotations.NullMarked;
