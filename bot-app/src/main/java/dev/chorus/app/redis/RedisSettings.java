package dev.chorus.app.redis;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Chorus reaches Redis. {@code REDIS_URL} (property {@code chorus.redis.url}, also read from the
 * variable itself) names a server; without it Chorus starts its own, keeping its data in
 * {@code CHORUS_DATA_DIR}.
 *
 * @param url {@code redis://[:password@]host:port[/db]} or {@code rediss://…}; never printed whole
 * @param dataDir where the embedded server keeps its append-only file and password (and the generated
 *     secret); owner-only
 * @param commandTimeout how long a command may take before the member is told to try again
 * @param connectTimeout how long connecting may take
 * @param cluster whether {@code REDIS_URL} is a seed node of a Redis Cluster ({@code CHORUS_REDIS_CLUSTER})
 */
@Validated
@ConfigurationProperties(prefix = "chorus.redis")
public record RedisSettings(
    @Nullable String url,
    @DefaultValue("./data") @NotNull Path dataDir,
    @DefaultValue("2s") @NotNull Duration commandTimeout,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("false") boolean cluster) {

  public boolean embedded() {
    return externalUrl() == null;
  }

  /** The URL of the server to use, or null when Chorus starts its own. */
  public @Nullable String externalUrl() {
    return url == null || url.isBlank() ? null : url;
  }

  @Override
  public String toString() {
    var external = externalUrl();
    return "RedisSettings[url=" + (external == null ? "unset (embedded)" : RedisUrl.parse(external).describe()) + ", dataDir="
        + dataDir + ", commandTimeout=" + commandTimeout + ", connectTimeout=" + connectTimeout + ", cluster=" + cluster
        + "]";
  }
}
