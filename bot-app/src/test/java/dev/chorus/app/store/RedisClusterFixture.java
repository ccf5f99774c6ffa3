package dev.chorus.app.store;

import dev.chorus.app.redis.EmbeddedRedis;
import dev.chorus.app.redis.RedisConfiguration;
import dev.chorus.app.redis.RedisSettings;
import dev.chorus.app.redis.RedisUrl;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real Redis Cluster of three masters on loopback, from the embedded {@code redis-server}: each
 * node is started in cluster mode, given a third of the 16,384 slots ({@code CLUSTER ADDSLOTS}), and
 * introduced to the others ({@code CLUSTER MEET}); the fixture waits until every node says the
 * cluster is ok. The template connects as Chorus does with {@code CHORUS_REDIS_CLUSTER=true}, given
 * the first node as {@code REDIS_URL}.
 */
public final class RedisClusterFixture implements AutoCloseable {
  public static final int SLOTS = 16_384;

  private final List<EmbeddedRedis> nodes = new ArrayList<>();
  private final String password;
  private final ClientResources resources = RedisConfiguration.clientResources();
  private final LettuceConnectionFactory factory;
  public final StringRedisTemplate redis;

  public RedisClusterFixture(Path dataDir) {
    var bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    password = HexFormat.of().formatHex(bytes);
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(EmbeddedRedis.startClusterNode(dataDir.resolve("node-" + i), freeClusterPort(), password));
      }
      formCluster();
      factory = RedisConfiguration.connectionFactory(url(), new RedisSettings(url().toUriWithPassword(), dataDir,
          Duration.ofSeconds(2), Duration.ofSeconds(2), true), resources);
      factory.afterPropertiesSet();
      factory.start();
      redis = new StringRedisTemplate(factory);
    } catch (RuntimeException e) {
      nodes.forEach(EmbeddedRedis::close);
      throw e;
    }
  }

  /** The first node, as REDIS_URL names it. */
  public RedisUrl url() {
    return nodes.get(0).url();
  }

  /** A port whose cluster bus port (10,000 above it) is free too. */
  private static int freeClusterPort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (var socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port + 10_000 > 65_535) {
          continue;
        }
        try (var bus = new ServerSocket(port + 10_000)) {
          return port;
        } catch (IOException busTaken) {
          // Another one.
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port with a free cluster bus port");
  }

  private void formCluster() {
    var client = RedisClient.create();
    try {
      int share = SLOTS / nodes.size();
      for (int i = 0; i < nodes.size(); i++) {
        int from = i * share;
        int to = i == nodes.size() - 1 ? SLOTS : from + share;
        try (var connection = client.connect(uri(nodes.get(i)))) {
          connection.sync().clusterAddSlots(IntStream.range(from, to).toArray());
        }
      }
      try (var first = client.connect(uri(nodes.get(0)))) {
        for (var node : nodes.subList(1, nodes.size())) {
          first.sync().clusterMeet("127.0.0.1", node.port());
        }
      }
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      for (var node : nodes) {
        try (var connection = client.connect(uri(node))) {
          while (true) {
            var info = connection.sync().clusterInfo();
            if (info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + nodes.size())) {
              break;
            }
            if (System.nanoTime() > until) {
              throw new IllegalStateException("the test cluster did not come up: " + info.lines().limit(3).toList());
            }
            Thread.sleep(50);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the test cluster came up", e);
    } finally {
      client.shutdown();
    }
  }

  private RedisURI uri(EmbeddedRedis node) {
    return RedisURI.builder().withHost("127.0.0.1").withPort(node.port()).withPassword(password.toCharArray())
        .withTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * How many of these keys each master holds, by its port: each key is looked for on the master that
   * serves its slot (any other would answer MOVED), and counted where it is there.
   */
  public Map<Integer, Integer> keysByMaster(List<String> keys) {
    var counts = new LinkedHashMap<Integer, Integer>();
    nodes.forEach(node -> counts.put(node.port(), 0));
    var client = RedisClient.create();
    try {
      int share = SLOTS / nodes.size();
      for (var key : keys) {
        int owner = Math.min(nodes.size() - 1, io.lettuce.core.cluster.SlotHash.getSlot(key) / share);
        var node = nodes.get(owner);
        try (var connection = client.connect(uri(node))) {
          if (connection.sync().exists(key) > 0) {
            counts.merge(node.port(), 1, Integer::sum);
          }
        }
      }
    } finally {
      client.shutdown();
    }
    return counts;
  }

  /** Which master (0, 1 or 2) serves the key's slot. */
  public int masterOf(String key) {
    return Math.min(nodes.size() - 1, io.lettuce.core.cluster.SlotHash.getSlot(key) / (SLOTS / nodes.size()));
  }

  /** Kills the master with {@code kill -9}, as a crash would. */
  public void kill(int master) throws IOException, InterruptedException {
    var pid = java.nio.file.Files.readAllLines(nodes.get(master).dataDir().resolve(EmbeddedRedis.PID_FILE)).get(0).strip();
    new ProcessBuilder("kill", "-9", pid).start().waitFor();
  }

  /** Starts the master again on its folder and port: it comes back with its slots and its data. */
  public void restart(int master) {
    var dead = nodes.get(master);
    dead.close();
    nodes.set(master, EmbeddedRedis.startClusterNode(dead.dataDir(), dead.port(), password));
  }

  @Override
  public void close() {
    factory.destroy();
    resources.shutdown();
    nodes.forEach(EmbeddedRedis::close);
  }
}
