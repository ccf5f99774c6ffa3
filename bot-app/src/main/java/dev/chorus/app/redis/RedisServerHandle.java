package dev.chorus.app.redis;

import org.jspecify.annotations.Nullable;

/** The Redis in use: its address, and the embedded server when Chorus started one (stopped on close). */
public final class RedisServerHandle implements AutoCloseable {
  private final RedisUrl url;
  private final @Nullable EmbeddedRedis embedded;

  private RedisServerHandle(RedisUrl url, @Nullable EmbeddedRedis embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  public static RedisServerHandle embedded(EmbeddedRedis server) {
    return new RedisServerHandle(server.url(), server);
  }

  static RedisServerHandle external(RedisUrl url) {
    return new RedisServerHandle(url, null);
  }

  public RedisUrl url() {
    return url;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
