/**
 * A fake Discord for tests: a gateway WebSocket and a REST API on the loopback interface, close
 * enough to Discord's documented behaviour that the real JDA library can run against it, and
 * strict about Discord's limits so that adapter bugs show up in tests rather than in production.
 */
@org.jspecify.annotations.NullMarked
package dev.chorus.discord.fake;
