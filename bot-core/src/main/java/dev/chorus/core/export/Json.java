package dev.chorus.core.export;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A small JSON writer: maps (insertion order kept), lists, strings, numbers, booleans, null. */
public final class Json {
  private Json() {}

  /** Indented, for people (exports). */
  public static String write(@Nullable Object value) {
    var out = new StringBuilder();
    write(value, out, 0);
    return out.append('\n').toString();
  }

  /** On one line with no spaces, for machines (the store). */
  public static String compact(@Nullable Object value) {
    var out = new StringBuilder();
    write(value, out, -1);
    return out.toString();
  }

  private static void write(@Nullable Object value, StringBuilder out, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append(depth < 0 ? "{" : "{\n");
      var first = true;
      for (var entry : map.entrySet()) {
        if (!first) {
          out.append(depth < 0 ? "," : ",\n");
        }
        first = false;
        indent(out, depth + 1);
        string(String.valueOf(entry.getKey()), out);
        out.append(depth < 0 ? ":" : ": ");
        write(entry.getValue(), out, next(depth));
      }
      newline(out, depth);
      indent(out, depth);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append(depth < 0 ? "[" : "[\n");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(depth < 0 ? "," : ",\n");
        }
        indent(out, depth + 1);
        write(list.get(i), out, next(depth));
      }
      newline(out, depth);
      indent(out, depth);
      out.append(']');
    } else {
      string(value.toString(), out);
    }
  }

  private static void indent(StringBuilder out, int depth) {
    if (depth > 0) {
      out.append("  ".repeat(depth));
    }
  }

  private static void newline(StringBuilder out, int depth) {
    if (depth >= 0) {
      out.append('\n');
    }
  }

  /** Compact output (depth −1) stays compact all the way down. */
  private static int next(int depth) {
    return depth < 0 ? -1 : depth + 1;
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
