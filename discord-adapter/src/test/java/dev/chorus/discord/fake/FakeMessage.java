package dev.chorus.discord.fake;

import java.time.Instant;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a message the bot created, as the fake stores it.
 *
 * @param id the message's snowflake
 * @param channelId the channel it is in
 * @param interactionId the interaction it answers, or {@code null} for a plain channel message
 * @param ephemeral whether only the interaction's user can see it (flag 64)
 * @param json the full Discord message object, current state, as JSON text
 * @param revisions the content after creation and after every edit, oldest first
 * @param reactions the reactions currently on it
 * @param files the files uploaded with it
 */
public record FakeMessage(
    long id,
    long channelId,
    @Nullable Long interactionId,
    boolean ephemeral,
    String json,
    List<Revision> revisions,
    List<FakeReaction> reactions,
    List<Upload> files) {

  public FakeMessage {
    revisions = List.copyOf(revisions);
    reactions = List.copyOf(reactions);
    files = List.copyOf(files);
  }

  /**
   * One state of a message.
   *
   * @param at when it was created or edited
   * @param content the content then
   * @param embedsJson the embeds array then, as JSON text
   * @param componentsJson the components array then, as JSON text
   */
  public record Revision(Instant at, String content, String embedsJson, String componentsJson) {}

  /** A fresh, mutable parse of {@link #json()}. */
  public DataObject data() {
    return DataObject.fromJson(json);
  }

  /** The current content. */
  public String content() {
    return data().getString("content", "");
  }

  /** The current embeds. */
  public DataArray embeds() {
    return data().optArray("embeds").orElseGet(DataArray::empty);
  }

  /** The current components. */
  public DataArray components() {
    return data().optArray("components").orElseGet(DataArray::empty);
  }

  /** Everything it shows as text: content, then each embed's title and description, for assertions. */
  public String text() {
    var out = new StringBuilder(content());
    var embeds = embeds();
    for (int i = 0; i < embeds.length(); i++) {
      var embed = embeds.getObject(i);
      out.append('\n').append(embed.getString("title", "")).append('\n').append(embed.getString("description", ""));
    }
    return out.toString();
  }

  /**
   * What a screen reader can say for it in one go, without its layout: the content, and the footer of
   * its last embed (where Chorus puts a card's one-line summary); for a message of plain text (one
   * embed, no title, no footer), that text.
   */
  public String plainSummary() {
    var embeds = embeds();
    var footer = embeds.length() == 0 ? ""
        : embeds.getObject(embeds.length() - 1).optObject("footer").map(f -> f.getString("text", "")).orElse("");
    if (footer.isEmpty() && embeds.length() == 1 && embeds.getObject(0).getString("title", "").isEmpty()) {
      footer = embeds.getObject(0).getString("description", "");
    }
    return (content() + " " + footer).strip();
  }

  /** The custom ids of its buttons, in order. */
  public java.util.List<String> buttonIds() {
    var ids = new java.util.ArrayList<String>();
    var rows = components();
    for (int i = 0; i < rows.length(); i++) {
      var inner = rows.getObject(i).optArray("components").orElseGet(DataArray::empty);
      for (int j = 0; j < inner.length(); j++) {
        inner.getObject(j).opt("custom_id").ifPresent(id -> ids.add(String.valueOf(id)));
      }
    }
    return ids;
  }

  /** The message flags. */
  public int flags() {
    return data().getInt("flags", 0);
  }

  /** How many times it was edited after creation. */
  public int editCount() {
    return revisions.size() - 1;
  }

  /** When each edit happened, oldest first (creation excluded). */
  public List<Instant> editTimes() {
    return revisions.stream().skip(1).map(Revision::at).toList();
  }
}
