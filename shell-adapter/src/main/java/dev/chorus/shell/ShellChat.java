package dev.chorus.shell;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.ChannelAccess;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The shell's chat platform: every message Chorus posts is printed with its number, where it went,
 * its text, buttons and reactions; edits are printed again under the same number.
 */
public final class ShellChat implements Chat {
  private final PrintStream out;
  private final ShellRenderer renderer;
  private final Map<String, Card> current = new HashMap<>();
  private final IntSupplier nextNumber;

  /** Numbers messages from 1, for a shell whose store lives only as long as it does. */
  public ShellChat(PrintStream out, ShellRenderer renderer) {
    this(out, renderer, new AtomicInteger()::incrementAndGet);
  }

  /**
   * @param nextNumber hands out message numbers; with a persistent store it must continue where the
   *     last session stopped, since stored message links remember the numbers
   */
  public ShellChat(PrintStream out, ShellRenderer renderer, IntSupplier nextNumber) {
    this.out = out;
    this.renderer = renderer;
    this.nextNumber = nextNumber;
  }

  @Override
  public synchronized PostedMessage post(CommunityId community, Destination destination, Card card) {
    var id = String.valueOf(nextNumber.getAsInt());
    current.put(id, card);
    print("[" + id + "] " + where(community, destination), card);
    return new PostedMessage(id, destination);
  }

  @Override
  public synchronized void edit(CommunityId community, PostedMessage message, Card card) {
    if (card.equals(current.get(message.id()))) {
      return;
    }
    current.put(message.id(), card);
    print("[" + message.id() + "] edited, " + where(community, message.destination()), card);
  }

  /** The card message n shows, for {@code :press}; only messages of this session are known. */
  public synchronized @Nullable Card card(int number) {
    return current.get(String.valueOf(number));
  }

  private void print(String header, Card card) {
    out.println(header);
    for (var line : renderer.lines(card)) {
      out.println("    " + line);
    }
    out.flush();
  }

  private static String where(CommunityId community, Destination destination) {
    var prefix = community.value().equals("local") ? "" : community.value() + " ";
    if (destination instanceof Destination.Channel channel) {
      return prefix + "#" + channel.channel() + ":";
    }
    if (destination instanceof Destination.Thread thread) {
      return prefix + "#" + thread.channel() + " › thread of [" + thread.anchorMessageId() + "]:";
    }
    return prefix + "direct message to " + ((Destination.Direct) destination).member() + ":";
  }

  /** The local shell has one reader, who sees every channel it plays. */
  @Override
  public ChannelAccess access(CommunityId community, MemberId member,
      ChannelId channel) {
    return ChannelAccess.SEES;
  }
}
