package dev.chorus.discord.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.data.DataType;

/**
 * Discord's documented limits on messages and modals, checked the way Discord checks them, and
 * the rate limits of the routes a bot uses.
 *
 * <p>Lengths are counted in Unicode code points, which is how Discord (and JDA's own checks) count
 * characters: an emoji outside the BMP counts once, not twice as in {@link String#length()}.
 */
final class DiscordRules {

  static final int MAX_CONTENT = 2000;
  static final int MAX_EMBEDS = 10;
  static final int MAX_EMBED_TITLE = 256;
  static final int MAX_EMBED_DESCRIPTION = 4096;
  static final int MAX_EMBED_FIELDS = 25;
  static final int MAX_FIELD_NAME = 256;
  static final int MAX_FIELD_VALUE = 1024;
  static final int MAX_FOOTER = 2048;
  static final int MAX_AUTHOR_NAME = 256;
  static final int MAX_EMBED_TOTAL = 6000;
  static final int MAX_ACTION_ROWS = 5;
  static final int MAX_ROW_ITEMS = 5;
  static final int MAX_BUTTON_LABEL = 80;
  static final int MAX_CUSTOM_ID = 100;
  static final int MAX_MODAL_TITLE = 45;
  static final int MAX_MODAL_COMPONENTS = 5;
  static final int MAX_MODAL_LABEL = 45;
  static final int MAX_TEXT_INPUT = 4000;
  static final int MAX_THREAD_NAME = 100;

  /** Message flag that switches a message to components V2, where the row limits differ. */
  private static final int FLAG_COMPONENTS_V2 = 1 << 15;

  private static final int TYPE_ACTION_ROW = 1;
  private static final int TYPE_BUTTON = 2;
  private static final int TYPE_TEXT_INPUT = 4;
  private static final int TYPE_LABEL = 18;

  /** Discord's global limit: requests per second a bot may make, interaction routes aside. */
  static final int GLOBAL_LIMIT_PER_SECOND = 50;

  /**
   * A rate-limit bucket as Discord assigns it: routes that share a {@code name} share one count
   * per {@code major} parameter (channel, guild, interaction token), {@code limit} calls per
   * {@code window}.
   *
   * @param name what the bucket covers, e.g. {@code POST channels/{id}/messages}; its hash is sent
   *     as {@code X-RateLimit-Bucket}
   * @param major the major parameter's value, empty for routes without one
   * @param limit calls allowed per window
   * @param window how long a window lasts, from its first call
   * @param global whether calls also count against the global limit (interaction routes do not)
   */
  record Bucket(String name, String major, int limit, Duration window, boolean global) {

    /** A stable opaque hash, like the ones Discord sends: the same for every major parameter. */
    String hash() {
      return UUID.nameUUIDFromBytes(("fake-discord " + name).getBytes(StandardCharsets.UTF_8))
          .toString()
          .replace("-", "");
    }
  }

  /**
   * The bucket of a call. The figures are the ones Discord has long sent for these routes: 5
   * messages per 5 s per channel (edits the same), one reaction per 0.25 s per channel, 5 reaction
   * reads per second, 5 threads per 5 s, and 50 per second elsewhere; an interaction's token is
   * generous for follow-ups and does not limit its single callback in practice.
   *
   * @param segments the decoded path below {@code /api/v10/}
   */
  static Bucket bucketOf(String method, List<String> segments) {
    int n = segments.size();
    String first = segments.get(0);
    if (first.equals("interactions") && n == 4 && segments.get(3).equals("callback")) {
      return new Bucket("POST interactions/{id}/{token}/callback", segments.get(2), 50, Duration.ofSeconds(1), false);
    }
    if (first.equals("webhooks") && n >= 3) {
      // One count for everything an interaction's token unlocks: follow-ups, edits, deletes.
      return new Bucket("webhooks/{application}/{token}", segments.get(2), 5, Duration.ofSeconds(1), false);
    }
    if (first.equals("channels") && n >= 2) {
      String channel = segments.get(1);
      if (method.equals("POST") && n == 3 && segments.get(2).equals("messages")) {
        return new Bucket("POST channels/{id}/messages", channel, 5, Duration.ofSeconds(5), true);
      }
      if (method.equals("PATCH") && n == 4 && segments.get(2).equals("messages")) {
        return new Bucket("PATCH channels/{id}/messages/{id}", channel, 5, Duration.ofSeconds(5), true);
      }
      if (n >= 6 && segments.get(2).equals("messages") && segments.get(4).equals("reactions")) {
        if (method.equals("GET")) {
          return new Bucket("GET channels/{id}/messages/{id}/reactions/{emoji}", channel, 5, Duration.ofSeconds(1), true);
        }
        return new Bucket("channels/{id}/messages/{id}/reactions/{emoji}/{user}", channel, 1, Duration.ofMillis(250), true);
      }
      if (method.equals("POST") && segments.get(n - 1).equals("threads")) {
        return new Bucket("POST channels/{id}/threads", channel, 5, Duration.ofSeconds(5), true);
      }
    }
    // Anything else: a bucket per route, counted per channel or guild when the path names one.
    String major = first.equals("channels") && n >= 2 ? segments.get(1) : "";
    List<String> template = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String segment = segments.get(i);
      if (i > 0 && segments.get(i - 1).equals("guilds") && major.isEmpty()) {
        major = segment;
      }
      template.add(!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) ? "{id}" : segment);
    }
    return new Bucket(method + " " + String.join("/", template), major, 50, Duration.ofSeconds(1), true);
  }

  /**
   * One broken rule.
   *
   * @param path where in the body, dotted, e.g. {@code embeds.0.title}
   * @param code Discord's error code string, e.g. {@code BASE_TYPE_MAX_LENGTH}
   * @param message Discord's human-readable message
   */
  record Problem(String path, String code, String message) {}

  private DiscordRules() {}

  /** Counts characters as Discord does. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Checks a message create or edit body (channel message, webhook message or callback data). */
  static List<Problem> checkMessage(DataObject body) {
    List<Problem> problems = new ArrayList<>();
    maxLength(problems, body, "content", MAX_CONTENT, "content");
    checkEmbeds(problems, body);
    checkMessageComponents(problems, body);
    return problems;
  }

  /** Checks the {@code data} of a modal callback (type 9). */
  static List<Problem> checkModal(DataObject modal) {
    List<Problem> problems = new ArrayList<>();
    maxLength(problems, modal, "title", MAX_MODAL_TITLE, "data.title");
    maxLength(problems, modal, "custom_id", MAX_CUSTOM_ID, "data.custom_id");
    DataArray components = array(modal, "components");
    if (components.length() > MAX_MODAL_COMPONENTS) {
      problems.add(tooMany("data.components", MAX_MODAL_COMPONENTS));
    }
    for (int i = 0; i < components.length(); i++) {
      DataObject top = components.getObject(i);
      String path = "data.components." + i;
      int type = top.getInt("type", 0);
      if (type == TYPE_LABEL) {
        maxLength(problems, top, "label", MAX_MODAL_LABEL, path + ".label");
        top.optObject("component")
            .ifPresent(child -> checkTextInput(problems, child, path + ".component"));
      } else if (type == TYPE_ACTION_ROW) {
        // The older layout: a text input inside an action row carries its own label.
        DataArray children = array(top, "components");
        for (int j = 0; j < children.length(); j++) {
          DataObject child = children.getObject(j);
          String childPath = path + ".components." + j;
          maxLength(problems, child, "label", MAX_MODAL_LABEL, childPath + ".label");
          checkTextInput(problems, child, childPath);
        }
      }
    }
    return problems;
  }

  private static void checkTextInput(List<Problem> problems, DataObject input, String path) {
    if (input.getInt("type", 0) != TYPE_TEXT_INPUT) {
      return;
    }
    maxLength(problems, input, "custom_id", MAX_CUSTOM_ID, path + ".custom_id");
    maxLength(problems, input, "value", MAX_TEXT_INPUT, path + ".value");
    for (String key : List.of("max_length", "min_length")) {
      if (input.isType(key, DataType.INT) && input.getInt(key) > MAX_TEXT_INPUT) {
        problems.add(
            new Problem(
                path + "." + key,
                "NUMBER_TYPE_MAX",
                "int value should be less than or equal to " + MAX_TEXT_INPUT + "."));
      }
    }
  }

  private static void checkEmbeds(List<Problem> problems, DataObject body) {
    DataArray embeds = array(body, "embeds");
    if (embeds.length() > MAX_EMBEDS) {
      problems.add(tooMany("embeds", MAX_EMBEDS));
    }
    int total = 0;
    for (int i = 0; i < embeds.length(); i++) {
      DataObject embed = embeds.getObject(i);
      String path = "embeds." + i;
      total += maxLength(problems, embed, "title", MAX_EMBED_TITLE, path + ".title");
      total +=
          maxLength(problems, embed, "description", MAX_EMBED_DESCRIPTION, path + ".description");
      DataObject footer = embed.optObject("footer").orElseGet(DataObject::empty);
      total += maxLength(problems, footer, "text", MAX_FOOTER, path + ".footer.text");
      DataObject author = embed.optObject("author").orElseGet(DataObject::empty);
      total += maxLength(problems, author, "name", MAX_AUTHOR_NAME, path + ".author.name");
      DataArray fields = array(embed, "fields");
      if (fields.length() > MAX_EMBED_FIELDS) {
        problems.add(tooMany(path + ".fields", MAX_EMBED_FIELDS));
      }
      for (int j = 0; j < fields.length(); j++) {
        DataObject field = fields.getObject(j);
        String fieldPath = path + ".fields." + j;
        total += maxLength(problems, field, "name", MAX_FIELD_NAME, fieldPath + ".name");
        total += maxLength(problems, field, "value", MAX_FIELD_VALUE, fieldPath + ".value");
      }
    }
    if (total > MAX_EMBED_TOTAL) {
      problems.add(
          new Problem(
              "embeds",
              "MAX_EMBED_SIZE_EXCEEDED",
              "Embed size exceeds maximum size of " + MAX_EMBED_TOTAL));
    }
  }

  private static void checkMessageComponents(List<Problem> problems, DataObject body) {
    if ((body.getInt("flags", 0) & FLAG_COMPONENTS_V2) != 0) {
      return; // components V2 has other limits; the adapter does not use it
    }
    DataArray rows = array(body, "components");
    if (rows.length() > MAX_ACTION_ROWS) {
      problems.add(tooMany("components", MAX_ACTION_ROWS));
    }
    for (int i = 0; i < rows.length(); i++) {
      DataObject row = rows.getObject(i);
      String path = "components." + i;
      DataArray items = array(row, "components");
      if (items.length() > MAX_ROW_ITEMS) {
        problems.add(tooMany(path + ".components", MAX_ROW_ITEMS));
      }
      for (int j = 0; j < items.length(); j++) {
        DataObject item = items.getObject(j);
        String itemPath = path + ".components." + j;
        if (item.getInt("type", 0) == TYPE_BUTTON) {
          maxLength(problems, item, "label", MAX_BUTTON_LABEL, itemPath + ".label");
        }
        maxLength(problems, item, "custom_id", MAX_CUSTOM_ID, itemPath + ".custom_id");
      }
    }
  }

  /** Adds a problem if {@code key} is longer than {@code max}; returns its length either way. */
  private static int maxLength(
      List<Problem> problems, DataObject object, String key, int max, String path) {
    if (!object.isType(key, DataType.STRING)) {
      return 0;
    }
    int length = length(object.getString(key));
    if (length > max) {
      problems.add(
          new Problem(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length."));
    }
    return length;
  }

  private static Problem tooMany(String path, int max) {
    return new Problem(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
  }

  private static DataArray array(DataObject object, String key) {
    return object.isType(key, DataType.ARRAY) ? object.getArray(key) : DataArray.empty();
  }

  /**
   * Discord's nested {@code errors} object for a 50035 answer: each dotted path becomes nested
   * keys ending in {@code _errors}.
   */
  static DataObject errorTree(List<Problem> problems) {
    DataObject root = DataObject.empty();
    for (Problem problem : problems) {
      DataObject node = root;
      for (String part : problem.path().split("\\.")) {
        if (!node.isType(part, DataType.OBJECT)) {
          node.put(part, DataObject.empty());
        }
        node = node.getObject(part);
      }
      if (!node.isType("_errors", DataType.ARRAY)) {
        node.put("_errors", DataArray.empty());
      }
      node.getArray("_errors")
          .add(DataObject.empty().put("code", problem.code()).put("message", problem.message()));
    }
    return root;
  }
}
