package dev.chorus.app.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code REDIS_URL}. {@link #describe()} and {@link #toString()} never show the password.
 *
 * @param database the database number (0 when the URL names none)
 */
public record RedisUrl(boolean tls, String host, int port, @Nullable String username, @Nullable String password, int database) {

  public static RedisUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("REDIS_URL is not a URL (expected redis://host:port or rediss://…)");
    }
    var scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("REDIS_URL names no host (expected redis://host:port)");
    }
    String username = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      var info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      if (colon < 0) {
        password = decode(info);
      } else {
        username = colon == 0 ? null : decode(info.substring(0, colon));
        password = decode(info.substring(colon + 1));
      }
    }
    int database = 0;
    var path = uri.getPath();
    if (path != null && path.length() > 1) {
      try {
        database = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("REDIS_URL's path must be a database number, like redis://host:6379/0");
      }
    }
    return new RedisUrl("rediss".equals(scheme), uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), username,
        password, database);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** Host and port, for messages: never the password. */
  public String describe() {
    return (tls ? "rediss://" : "redis://") + host + ":" + port;
  }

  /**
   * The whole URL, password included, to hand to another process or setting as {@code REDIS_URL}:
   * never to print.
   */
  public String toUriWithPassword() {
    var userInfo = password == null ? "" : (username == null ? "" : encode(username)) + ":" + encode(password) + "@";
    return (tls ? "rediss://" : "redis://") + userInfo + host + ":" + port + "/" + database;
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RedisUrl[" + describe() + (password == null ? "" : ", password hidden") + "]";
  }
}
