package dev.chorus.core.overview;

import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.conversation.Decision;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Text;

/** {@code /respond help}: every command with an example. */
public final class ShowHelp {
  private final CommandCatalog catalog;

  public ShowHelp(CommandCatalog catalog) {
    this.catalog = catalog;
  }

  public Decision decide() {
    return Decision.Accepted.saying(new Effect.Reply(Card.of(
        new Block.Heading(Text.of("Chorus: develop a joint response together")),
        new Block.Bullets(catalog.helpLines().stream().map(Text::of).toList()))));
  }
}
