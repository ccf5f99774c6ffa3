package dev.chorus.core.message;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A card built when first asked for, and then kept. A live tally is edited at most once per window
 * however fast votes come ({@link CoalescedEdits}), so the cards of votes a later one overtook are
 * never built at all.
 */
public final class LazyCard implements Supplier<Card> {
  private @Nullable Supplier<Card> render;
  private volatile @Nullable Card card;

  private LazyCard(@Nullable Supplier<Card> render, @Nullable Card card) {
    this.render = render;
    this.card = card;
  }

  /** Built by {@code render} the first time it is asked for; a lazy card is returned as it is. */
  public static LazyCard of(Supplier<Card> render) {
    if (render instanceof LazyCard lazy) {
      return lazy;
    }
    return new LazyCard(Objects.requireNonNull(render, "render"), null);
  }

  /** A card already built. */
  public static LazyCard ready(Card card) {
    return new LazyCard(null, Objects.requireNonNull(card, "card"));
  }

  @Override
  public Card get() {
    var built = card;
    if (built != null) {
      return built;
    }
    synchronized (this) {
      if (card == null) {
        // Built once; the recipe (and what it holds on to) is let go.
        card = Objects.requireNonNull(Objects.requireNonNull(render, "render").get(), "the card built");
        render = null;
      }
      return Objects.requireNonNull(card);
    }
  }

  @Override
  public String toString() {
    return card == null ? "LazyCard[not built yet]" : "LazyCard[" + card + "]";
  }
}
