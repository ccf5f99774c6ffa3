package dev.chorus.discord;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Text;
import dev.chorus.core.message.TextCuts;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;

/**
 * Renders a core {@link Card} as Discord messages: the card's words in embeds (its first heading as
 * the title), buttons in action rows. Within Discord's limits — a description of 4,096 characters,
 * 10 embeds and 6,000 characters of embed text a message, 5 rows of 5 buttons — a card too long for
 * one message continues in the next, cut between lines or words, never inside an escape. Every
 * message allows no mentions at all, and member words are neutralised ({@link DiscordText}), so
 * nothing a member writes can ping anyone or change the layout.
 */
public final class DiscordRenderer {
  public static final int LONGEST_DESCRIPTION = 4_096;
  public static final int LONGEST_TITLE = 256;
  public static final int MOST_EMBEDS = 10;
  public static final int LONGEST_EMBED_TEXT = 6_000;
  public static final int MOST_ROWS = 5;
  public static final int MOST_BUTTONS_A_ROW = 5;
  public static final int LONGEST_BUTTON_LABEL = 80;
  /** Discord allows 2,048; a summary is one line, so far less is kept. */
  static final int LONGEST_FOOTER = 300;
  static final int COLOUR = 0x2A9D8F;
  /** Member words are never shortened below this, to fit an edit into one message. */
  static final int SHORTEST_SHORTENED = 200;

  /** One Discord message: its embeds and its buttons. */
  public record DiscordMessage(List<MessageEmbed> embeds, List<ActionRow> rows) {
    public DiscordMessage {
      embeds = List.copyOf(embeds);
      rows = List.copyOf(rows);
    }

    /** As a new message, allowing no mention of anyone. */
    public MessageCreateData create() {
      return new MessageCreateBuilder().setEmbeds(embeds).setComponents(rows).setAllowedMentions(List.of())
          .mentionRepliedUser(false).build();
    }

    /** As the new content of a message Chorus posted, allowing no mention of anyone. */
    public MessageEditData edit() {
      return new MessageEditBuilder().setEmbeds(embeds).setComponents(rows).setAllowedMentions(List.of())
          .mentionRepliedUser(false).build();
    }
  }

  /** The guild a card is for, so that links to messages become jump links; null in direct messages. */
  private final @Nullable String guild;

  public DiscordRenderer(@Nullable String guild) {
    this.guild = guild;
  }

  /** A renderer for the community's guild (a Discord community is a guild). */
  public static DiscordRenderer of(CommunityId community) {
    var guild = DiscordIds.guildOf(community);
    return new DiscordRenderer(guild.isPresent() ? Long.toUnsignedString(guild.getAsLong()) : null);
  }

  public List<DiscordMessage> render(Card card) {
    String title = null;
    var parts = new ArrayList<String>();
    for (var block : card.blocks()) {
      if (block instanceof Block.Heading heading) {
        var rendered = inline(heading.text());
        if (title == null && parts.isEmpty() && rendered.length() <= LONGEST_TITLE) {
          title = rendered;
        } else {
          parts.add("**" + rendered + "**");
        }
      } else if (block instanceof Block.Paragraph paragraph) {
        parts.add(inline(paragraph.text()));
      } else if (block instanceof Block.Quote quote) {
        var lines = new StringBuilder();
        for (var line : DiscordText.neutral(quote.memberWords()).split("\n", -1)) {
          lines.append(lines.length() == 0 ? "" : "\n").append("> ").append(line);
        }
        parts.add(lines.toString());
      } else if (block instanceof Block.Fields fields) {
        var lines = new ArrayList<String>();
        for (var field : fields.fields()) {
          lines.add("**" + DiscordText.inline(field.label()) + ":** " + inline(field.value()));
        }
        parts.add(String.join("\n", lines));
      } else if (block instanceof Block.Bullets bullets) {
        var lines = new ArrayList<String>();
        for (var item : bullets.items()) {
          lines.add("• " + inline(item));
        }
        parts.add(String.join("\n", lines));
      }
    }
    var descriptions = new ArrayList<String>();
    for (var part : parts) {
      if (!part.isEmpty()) {
        descriptions.addAll(cut(part, LONGEST_DESCRIPTION));
      }
    }
    var footer = card.summary() == null ? null : TextCuts.clip(card.summary().plainText(), LONGEST_FOOTER);
    var messages = messages(title, joinSmall(descriptions), rows(card), footer == null ? 0 : footer.length());
    return footer == null ? messages : messages.stream().map(message -> footed(message, footer)).toList();
  }

  /**
   * The summary under the last embed of each message: plain text (a footer shows no markdown and
   * pings nobody) saying which question the message belongs to, and its tally, for a screen reader
   * and for whoever sees one message of several.
   */
  private static DiscordMessage footed(DiscordMessage message, String footer) {
    if (message.embeds().isEmpty()) {
      return message;
    }
    var embeds = new ArrayList<>(message.embeds());
    var last = embeds.size() - 1;
    embeds.set(last, new EmbedBuilder(embeds.get(last)).setFooter(footer).build());
    return new DiscordMessage(embeds, message.rows());
  }

  /**
   * The card as one message, for an edit (which replaces one message): while it needs more, the
   * longest member words are shortened, so the tally and the buttons always show. Only words of an
   * extreme length and markup density ever need it; the export keeps them whole.
   */
  public DiscordMessage renderOne(Card card) {
    var current = card;
    var messages = render(current);
    while (messages.size() > 1) {
      var shorter = shortenLongestQuote(current);
      if (shorter == null) {
        break;
      }
      current = shorter;
      messages = render(current);
    }
    return messages.get(0);
  }

  private static @Nullable Card shortenLongestQuote(Card card) {
    int longest = -1;
    for (int i = 0; i < card.blocks().size(); i++) {
      if (card.blocks().get(i) instanceof Block.Quote quote && quote.memberWords().length() > SHORTEST_SHORTENED
          && (longest < 0 || quote.memberWords().length()
              > ((Block.Quote) card.blocks().get(longest)).memberWords().length())) {
        longest = i;
      }
    }
    if (longest < 0) {
      return null;
    }
    var blocks = new ArrayList<>(card.blocks());
    var words = ((Block.Quote) blocks.get(longest)).memberWords();
    blocks.set(longest, new Block.Quote(TextCuts.clip(words, words.length() * 3 / 4)));
    return new Card(blocks, card.buttons(), card.seededReactions(), card.picture(), card.summary());
  }

  /** Neighbouring parts share a description while they fit, so a short card is one embed. */
  private static List<String> joinSmall(List<String> parts) {
    var joined = new ArrayList<String>();
    var current = new StringBuilder();
    for (var part : parts) {
      if (current.length() > 0 && current.length() + 2 + part.length() > LONGEST_DESCRIPTION) {
        joined.add(current.toString());
        current.setLength(0);
      }
      current.append(current.length() == 0 ? "" : "\n\n").append(part);
    }
    if (current.length() > 0) {
      joined.add(current.toString());
    }
    return joined;
  }

  /** Embeds into messages within the embed count and the total length; the buttons go on the last. */
  private static List<DiscordMessage> messages(@Nullable String title, List<String> descriptions, List<ActionRow> rows,
      int footerLength) {
    var messages = new ArrayList<DiscordMessage>();
    var embeds = new ArrayList<MessageEmbed>();
    int length = 0;
    boolean titled = false;
    if (descriptions.isEmpty() && title != null) {
      descriptions = List.of("\u200B");
    }
    for (var description : descriptions) {
      var embed = new EmbedBuilder().setColor(COLOUR).setDescription(description);
      int embedLength = description.length();
      if (!titled && title != null) {
        embed.setTitle(title);
        embedLength += title.length();
        titled = true;
      }
      if (!embeds.isEmpty() && (embeds.size() == MOST_EMBEDS
          || length + embedLength > LONGEST_EMBED_TEXT - footerLength)) {
        messages.add(new DiscordMessage(embeds, List.of()));
        embeds = new ArrayList<>();
        length = 0;
      }
      embeds.add(embed.build());
      length += embedLength;
    }
    if (rows.isEmpty()) {
      if (!embeds.isEmpty() || messages.isEmpty()) {
        messages.add(new DiscordMessage(embeds, List.of()));
      }
      return messages;
    }
    for (int from = 0; from < rows.size(); from += MOST_ROWS) {
      var some = rows.subList(from, Math.min(rows.size(), from + MOST_ROWS));
      messages.add(new DiscordMessage(from == 0 ? embeds : List.of(), some));
    }
    return messages;
  }

  private static List<ActionRow> rows(Card card) {
    var rows = new ArrayList<ActionRow>();
    var buttons = card.buttons();
    for (int from = 0; from < buttons.size(); from += MOST_BUTTONS_A_ROW) {
      var row = new ArrayList<Button>();
      for (var button : buttons.subList(from, Math.min(buttons.size(), from + MOST_BUTTONS_A_ROW))) {
        row.add(Button.secondary(button.action(), TextCuts.clip(button.label(), LONGEST_BUTTON_LABEL)));
      }
      rows.add(ActionRow.of(row));
    }
    return rows;
  }

  /** Text in Discord markdown: words neutralised, times in each reader's zone, links as jump links. */
  String inline(Text text) {
    var out = new StringBuilder();
    for (var span : text.spans()) {
      if (span instanceof Text.Span.Plain plain) {
        out.append(DiscordText.neutral(plain.text()));
      } else if (span instanceof Text.Span.Quoted quoted) {
        out.append(DiscordText.inline(quoted.text()));
      } else if (span instanceof Text.Span.Moment moment) {
        out.append("<t:").append(moment.at().getEpochSecond()).append(":f>");
      } else if (span instanceof Text.Span.Link link) {
        var url = link.message() == null ? null : jumpLink(link.message());
        var label = DiscordText.inline(link.label());
        out.append(url == null ? label : "[" + label + "](" + url + ")");
      } else if (span instanceof Text.Span.Address address) {
        // Angle brackets keep Discord from fetching the page for a preview; the address stays whole.
        out.append('<').append(address.url()).append('>');
      }
    }
    return out.toString();
  }

  /** Discord's link to a message (in a thread, the thread is its channel); null outside a guild. */
  private @Nullable String jumpLink(PostedMessage message) {
    if (guild == null || message.destination() instanceof Destination.Direct) {
      return null;
    }
    return "https://discord.com/channels/" + guild + "/" + DiscordIds.channelOf(message.id()) + "/"
        + DiscordIds.messageOf(message.id());
  }

  /** Text cut into parts of at most {@code longest}: between lines, else between words, never inside an escape. */
  static List<String> cut(String text, int longest) {
    return TextCuts.cut(text, longest, DiscordText::safeCut);
  }
}
