package dev.chorus.app.redis;

import dev.chorus.app.store.RedisMessageLinks;
import dev.chorus.app.store.RedisQuestions;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Questions;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the store: which Redis, how Lettuce behaves, and the Redis implementations of the core's ports. */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

  @Bean(destroyMethod = "close")
  RedisServerHandle redisServer(RedisSettings settings) {
    return settings.embedded() ? RedisServerHandle.embedded(EmbeddedRedis.start(settings.dataDir()))
        : RedisServerHandle.external(RedisUrl.parse(settings.url()));
  }

  @Bean
  LettuceConnectionFactory redisConnectionFactory(RedisServerHandle server, RedisSettings settings) {
    return connectionFactory(server.url(), settings);
  }

  /** A Lettuce connection factory with Chorus's timeouts and failure behaviour (DESIGN §8). */
  public static LettuceConnectionFactory connectionFactory(RedisUrl url, RedisSettings settings) {
    var standalone = new RedisStandaloneConfiguration(url.host(), url.port());
    standalone.setDatabase(url.database());
    if (url.username() != null) {
      standalone.setUsername(url.username());
    }
    if (url.password() != null) {
      standalone.setPassword(url.password());
    }
    // Lettuce's defaults (60 s timeouts, queueing commands while disconnected) would outlast the
    // platforms' 3-second deadlines and could run a command twice: fail fast instead, and reconnect.
    var options = ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .autoReconnect(true)
        .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
        .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true).build())
        .build();
    var client = LettuceClientConfiguration.builder().commandTimeout(settings.commandTimeout()).clientOptions(options);
    if (url.tls()) {
      client.useSsl();
    }
    return new LettuceConnectionFactory(standalone, client.build());
  }

  @Bean
  StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory factory) {
    return new StringRedisTemplate(factory);
  }

  @Bean
  Questions questions(StringRedisTemplate redis) {
    return new RedisQuestions(redis);
  }

  @Bean
  MessageLinks messageLinks(StringRedisTemplate redis) {
    return new RedisMessageLinks(redis);
  }
}
