package dev.chorus.app.store;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a stored record's parsed JSON that this version always writes. Each is read as
 * required: a missing one means the stored record is damaged, and that is said where it is read
 * rather than as a null somewhere later.
 */
final class JsonFields {
  private JsonFields() {}

  /** A parsed JSON object, the whole stored record or a part of it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(@Nullable Object parsed) {
    return (Map<String, Object>) present(parsed, "an object");
  }

  /** A parsed JSON list. */
  @SuppressWarnings("unchecked")
  static List<Object> list(@Nullable Object parsed) {
    return (List<Object>) present(parsed, "a list");
  }

  static Map<String, Object> object(Map<String, Object> map, String key) {
    return object(present(map.get(key), key));
  }

  static List<Object> list(Map<String, Object> map, String key) {
    return list(present(map.get(key), key));
  }

  static String string(Map<String, Object> map, String key) {
    return (String) present(map.get(key), key);
  }

  static boolean bool(Map<String, Object> map, String key) {
    return (Boolean) present(map.get(key), key);
  }

  static Number number(Map<String, Object> map, String key) {
    return (Number) present(map.get(key), key);
  }

  private static Object present(@Nullable Object value, String what) {
    if (value == null) {
      throw new IllegalStateException("a stored record lacks " + what + " this version always writes");
    }
    return value;
  }
}
