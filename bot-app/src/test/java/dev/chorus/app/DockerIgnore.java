package dev.chorus.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore}, read and matched the way Docker does: one pattern a line, {@code #} comments,
 * paths relative to the context root with leading and trailing slashes cleaned away, {@code *} and {@code ?}
 * never crossing a {@code /}, {@code **} crossing any number of folders, {@code [...]} classes, {@code !}
 * re-including, the last matching line deciding, and a pattern that matches a folder covering all inside it.
 */
record DockerIgnore(List<Rule> rules) {

  /** One line: its cleaned pattern, whether it starts with {@code !}, and the expression it stands for. */
  record Rule(String pattern, boolean exception, Pattern expression) {
    boolean matches(String path) {
      return expression.matcher(path).matches();
    }
  }

  static DockerIgnore read(Path context) throws IOException {
    var file = context.resolve(".dockerignore");
    return Files.isRegularFile(file) ? parse(Files.readString(file)) : new DockerIgnore(List.of());
  }

  static DockerIgnore parse(String content) {
    var rules = content.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(DockerIgnore::rule)
        .toList();
    return new DockerIgnore(rules);
  }

  boolean hasExceptions() {
    return rules.stream().anyMatch(Rule::exception);
  }

  /** Whether a file or folder, given relative to the context root with {@code /} separators, stays out. */
  boolean excludes(String path) {
    var cleaned = clean(path);
    var excluded = false;
    for (var rule : rules) {
      if (matchesItselfOrAFolderAbove(rule, cleaned)) {
        excluded = !rule.exception();
      }
    }
    return excluded;
  }

  private static boolean matchesItselfOrAFolderAbove(Rule rule, String path) {
    if (rule.matches(path)) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (rule.matches(path.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }

  private static Rule rule(String line) {
    var exception = line.startsWith("!");
    var pattern = exception ? line.substring(1).strip() : line;
    if (!pattern.isEmpty()) {
      pattern = clean(pattern);
      if (pattern.length() > 1 && pattern.startsWith("/")) {
        pattern = pattern.substring(1);
      }
    }
    return new Rule(pattern, exception, Pattern.compile(expression(pattern)));
  }

  /** Lexical clean as Go's filepath.Clean does it: no empty or "." segments, ".." folded, no trailing slash. */
  static String clean(String path) {
    var rooted = path.startsWith("/");
    var segments = new ArrayDeque<String>();
    for (var segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..") && !segments.isEmpty() && !segments.peekLast().equals("..")) {
        segments.removeLast();
      } else if (!(segment.equals("..") && rooted)) {
        segments.addLast(segment);
      }
    }
    var joined = String.join("/", segments);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** The whole-path regular expression for one pattern. */
  private static String expression(String pattern) {
    var regex = new StringBuilder("^");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
          i++;
        }
        // "**" at the end takes everything below; elsewhere it stands for any number of folders, even none.
        regex.append(i + 1 == pattern.length() ? ".*" : "(.*/)?");
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '[') {
        i = characterClass(pattern, i, regex);
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.append('$').toString();
  }

  /** Copies {@code [...]} (negated by a leading {@code ^}) as a class of one character, never {@code /}. */
  private static int characterClass(String pattern, int open, StringBuilder regex) {
    var close = pattern.indexOf(']', open + 2);
    if (close < 0) {
      throw new IllegalArgumentException("unclosed [ in .dockerignore pattern " + pattern);
    }
    var body = pattern.substring(open + 1, close);
    var negated = body.startsWith("^");
    var first = negated ? 1 : 0;
    var members = new StringBuilder();
    for (int i = first; i < body.length(); i++) {
      char c = body.charAt(i);
      var escaped = c == '\\' && i + 1 < body.length();
      if (escaped) {
        c = body.charAt(++i);
      }
      var rangeDash = c == '-' && !escaped && i > first && i < body.length() - 1;
      members.append(rangeDash || Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
    }
    regex.append(negated ? "[^/" : "[").append(members).append(']');
    return close;
  }
}
