package dev.chorus.app.store;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.redis.RedisServerHandle;
import dev.chorus.app.redis.RedisSettings;
import io.lettuce.core.resource.ClientResources;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** An embedded Redis in a folder of the test's, and a template connected to it as the application connects. */
public final class RedisFixture implements AutoCloseable {
  public final EmbeddedRedis server;
  final LettuceConnectionFactory factory;
  public final StringRedisTemplate redis;
  private final ClientResources resources;

  public RedisFixture(Path dataDir) {
    this(dataDir, io.lettuce.core.metrics.CommandLatencyRecorder.disabled());
  }

  /** @param recorder told of every command the template sends, for tests that count round trips */
  public RedisFixture(Path dataDir, io.lettuce.core.metrics.CommandLatencyRecorder recorder) {
    resources = RedisConfiguration.clientResources(recorder);
    server = EmbeddedRedis.start(dataDir);
    var settings = new RedisSettings(null, dataDir, Duration.ofSeconds(2), Duration.ofSeconds(2), false);
    factory = RedisConfiguration.connectionFactory(RedisServerHandle.embedded(server).url(), settings, resources);
    factory.afterPropertiesSet();
    factory.start();
    redis = new StringRedisTemplate(factory);
  }

  @Override
  public void close() {
    factory.destroy();
    server.close();
    resources.shutdown();
  }
}
