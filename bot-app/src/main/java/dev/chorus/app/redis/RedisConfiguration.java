package dev.chorus.app.redis;

import dev.chorus.app.store.CachingMessageLinks;
import dev.chorus.app.store.OldCopies;
import dev.chorus.app.store.RedisMessageLinks;
import dev.chorus.app.store.RedisNotifications;
import dev.chorus.app.store.RedisPinnedRoles;
import dev.chorus.app.store.RedisAgenda;
import dev.chorus.app.store.RedisQuestions;
import dev.chorus.app.store.RedisSeenReactions;
import dev.chorus.app.store.RedisSharedReports;
import dev.chorus.core.Stores;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Questions;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the store: which Redis, how Lettuce behaves, and the Redis implementations of the core's ports. */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

  @Bean(destroyMethod = "close")
  RedisServerHandle redisServer(RedisSettings settings) {
    var external = settings.externalUrl();
    return external == null ? RedisServerHandle.embedded(EmbeddedRedis.start(settings.dataDir()))
        : RedisServerHandle.external(RedisUrl.parse(external));
  }

  /** Reconnect attempts at most a second apart, so Chorus is back soon after Redis is. */
  @Bean(destroyMethod = "shutdown")
  ClientResources lettuceClientResources() {
    return clientResources();
  }

  public static ClientResources clientResources() {
    return clientResources(CommandLatencyRecorder.disabled());
  }

  /** @param recorder told of every command sent: the benchmarks count round trips with it */
  public static ClientResources clientResources(CommandLatencyRecorder recorder) {
    return DefaultClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .commandLatencyRecorder(recorder)
        .build();
  }

  @Bean
  LettuceConnectionFactory redisConnectionFactory(RedisServerHandle server, RedisSettings settings, ClientResources resources) {
    return connectionFactory(server.url(), settings, resources);
  }

  /** A Lettuce connection factory with Chorus's timeouts and failure behaviour. */
  public static LettuceConnectionFactory connectionFactory(RedisUrl url, RedisSettings settings, ClientResources resources) {
    // Lettuce's defaults (60 s timeouts, queueing commands while disconnected) would outlast the
    // platforms' 3-second deadlines and could run a command twice: fail fast instead, and reconnect.
    var socket = SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true).build();
    var timeouts = TimeoutOptions.enabled(settings.commandTimeout());
    // On a cluster, the map of slots to masters is asked again every half minute, and at once when a
    // node answers MOVED or a connection drops, so a failover or a resharding is followed.
    ClientOptions.Builder options = settings.cluster() ? ClusterClientOptions.builder()
        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(Duration.ofSeconds(30)).enableAllAdaptiveRefreshTriggers().build())
        : ClientOptions.builder();
    options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).autoReconnect(true)
        .timeoutOptions(timeouts).socketOptions(socket);
    var client = LettuceClientConfiguration.builder().commandTimeout(settings.commandTimeout()).clientOptions(options.build())
        .clientResources(resources);
    if (url.tls()) {
      client.useSsl();
    }
    if (settings.cluster()) {
      // REDIS_URL names one node; the others are learnt from it.
      var cluster = new RedisClusterConfiguration(List.of(url.host() + ":" + url.port()));
      if (url.username() != null) {
        cluster.setUsername(url.username());
      }
      if (url.password() != null) {
        cluster.setPassword(url.password());
      }
      return new LettuceConnectionFactory(cluster, client.build());
    }
    var standalone = new RedisStandaloneConfiguration(url.host(), url.port());
    standalone.setDatabase(url.database());
    if (url.username() != null) {
      standalone.setUsername(url.username());
    }
    if (url.password() != null) {
      standalone.setPassword(url.password());
    }
    return new LettuceConnectionFactory(standalone, client.build());
  }

  @Bean
  StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory factory) {
    return new StringRedisTemplate(factory);
  }

  /** When each community next needs the schedule; told by the question and notification stores. */
  @Bean
  RedisAgenda agenda(StringRedisTemplate redis) {
    return new RedisAgenda(redis);
  }

  /** Questions and, in the same keys, their votes: one bean serving both ports. */
  @Bean(initMethod = "indexInBackground")
  RedisQuestions questions(StringRedisTemplate redis, Clock clock, RedisAgenda agenda) {
    return new RedisQuestions(redis, clock, agenda);
  }

  @Bean
  static MessageLinks messageLinks(StringRedisTemplate redis, Clock clock) {
    return new CachingMessageLinks(new RedisMessageLinks(redis), clock);
  }

  /** Rewrites Redis's files after a forget, so the forgotten words leave the disk too. */
  @Bean(initMethod = "start", destroyMethod = "close")
  OldCopies oldCopies(StringRedisTemplate redis) {
    return new OldCopies(redis);
  }

  @Bean
  RedisNotifications notifications(StringRedisTemplate redis, RedisAgenda agenda) {
    return new RedisNotifications(redis, agenda);
  }

  @Bean
  RedisSeenReactions seenReactions(StringRedisTemplate redis) {
    return new RedisSeenReactions(redis);
  }

  /** The facilitator role a name was resolved to, per server; read by the Discord adapter only. */
  @Bean
  RedisPinnedRoles pinnedRoles(StringRedisTemplate redis) {
    return new RedisPinnedRoles(redis);
  }

  @Bean
  RedisSharedReports sharedReports(StringRedisTemplate redis) {
    return new RedisSharedReports(redis);
  }

  @Bean
  static Stores stores(RedisQuestions questions, MessageLinks links, RedisNotifications notifications,
      RedisSeenReactions seen, RedisSharedReports shared, RedisAgenda agenda) {
    return new Stores(questions, questions, links, notifications, notifications, notifications, seen, shared, agenda);
  }

  /** Every store on one Redis, for the command-line tools and tests that run without Spring. */
  public static Stores stores(StringRedisTemplate redis, Clock clock) {
    var agenda = new RedisAgenda(redis);
    return stores(new RedisQuestions(redis, clock, agenda), messageLinks(redis, clock), new RedisNotifications(redis, agenda),
        new RedisSeenReactions(redis), new RedisSharedReports(redis), agenda);
  }
}
