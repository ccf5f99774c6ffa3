package dev.chorus.app.bench;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.redis.RedisServerHandle;
import dev.chorus.app.redis.RedisSettings;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the benchmarks measure on: an embedded Redis in a folder of its own, and a template connected
 * to it as the application connects (the same timeouts and reconnection).
 */
public final class BenchRedis implements AutoCloseable {
  private final EmbeddedRedis server;
  private final ClientResources resources;
  private final LettuceConnectionFactory factory;
  public final StringRedisTemplate redis;

  private BenchRedis(EmbeddedRedis server, ClientResources resources, LettuceConnectionFactory factory) {
    this.server = server;
    this.resources = resources;
    this.factory = factory;
    this.redis = new StringRedisTemplate(factory);
  }

  /** With the application's default timeouts (2 s). */
  public static BenchRedis start(String folderPrefix) throws IOException {
    return start(folderPrefix, CommandLatencyRecorder.disabled(), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  /**
   * @param recorder told of every command sent, for a benchmark that counts round trips
   * @param commandTimeout how long one command may take: filling a large history takes longer
   */
  public static BenchRedis start(String folderPrefix, CommandLatencyRecorder recorder, Duration commandTimeout,
      Duration connectTimeout) throws IOException {
    var data = Files.createTempDirectory(folderPrefix);
    var server = EmbeddedRedis.start(data);
    var resources = RedisConfiguration.clientResources(recorder);
    var factory = RedisConfiguration.connectionFactory(RedisServerHandle.embedded(server).url(),
        new RedisSettings(null, data, commandTimeout, connectTimeout, false), resources);
    factory.afterPropertiesSet();
    factory.start();
    return new BenchRedis(server, resources, factory);
  }

  /** The connection factory, for a server command (INFO) the template does not offer. */
  public LettuceConnectionFactory factory() {
    return factory;
  }

  @Override
  public void close() {
    factory.destroy();
    resources.shutdown();
    server.close();
  }
}
