package dev.chorus.app.report;

import java.util.TreeSet;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Every key and value in a test's Redis, as text: what someone who read the store would see. */
public final class RedisDump {
  private RedisDump() {}

  public static String everything(StringRedisTemplate redis) {
    var text = new StringBuilder();
    var keys = redis.keys("*");
    for (var key : new TreeSet<>(keys == null ? java.util.Set.<String>of() : keys)) {
      text.append(key).append(" = ");
      var type = redis.type(key);
      if (type == DataType.STRING) {
        text.append(redis.opsForValue().get(key));
      } else if (type == DataType.HASH) {
        text.append(redis.opsForHash().entries(key));
      } else if (type == DataType.SET) {
        text.append(redis.opsForSet().members(key));
      } else if (type == DataType.LIST) {
        text.append(redis.opsForList().range(key, 0, -1));
      } else if (type == DataType.ZSET) {
        text.append(redis.opsForZSet().rangeWithScores(key, 0, -1));
      }
      text.append('\n');
    }
    return text.toString();
  }
}
