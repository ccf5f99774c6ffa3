package dev.chorus.core.conversation;

import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.FileContent;
import dev.chorus.core.message.LazyCard;
import dev.chorus.core.message.Form;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** What Chorus does in answer: public messages posted or edited, and private answers to the member. */
public sealed interface Effect {

  /**
   * Posted for everyone; the message is linked to the target so reactions and edits find it.
   *
   * @param once for a message that must go out once however often it is tried (a scheduled one),
   *     a key naming it; null for the others
   */
  record Post(Place place, Card card, @Nullable Target link, @Nullable String once) implements Effect {
    public Post(Place place, Card card, @Nullable Target link) {
      this(place, card, link, null);
    }
  }

  /**
   * Every message showing the target now shows this card.
   *
   * @param revision the revision of the question the card shows, so that an edit decided earlier never
   *     replaces one decided later; {@link Chat#UNKNOWN_REVISION} where it is not known
   */
  record Edit(Target target, LazyCard render, long revision) implements Effect {
    public Edit(Target target, Card card) {
      this(target, LazyCard.ready(card), Chat.UNKNOWN_REVISION);
    }

    /** An edit whose card is built only if it is sent: a vote's tally may be overtaken by the next one's. */
    public Edit(Target target, Supplier<Card> render) {
      this(target, LazyCard.of(render), Chat.UNKNOWN_REVISION);
    }

    /** The card, built now if it was not yet. */
    public Card card() {
      return render.get();
    }

    /** The same edit, known to show the question at {@code revision}. */
    public Edit at(long revision) {
      return new Edit(target, render, revision);
    }
  }

  /** Only for the member who acted (Slack/Discord ephemeral; the shell prints it as private). */
  sealed interface Private extends Effect {}

  record Reply(Card card) implements Private {
    public static Reply of(Text text) {
      return new Reply(Card.text(text));
    }

    public static Reply of(String text) {
      return of(Text.of(text));
    }

    /** For a member whose event the platform adapter had no room to take: nothing was changed. */
    public static Reply overloaded() {
      return of("Chorus is very busy just now and could not take that, so nothing was changed. "
          + "Please try again in a minute.");
    }
  }

  /** A form to fill in (Slack modal, Discord modal). */
  record ShowForm(Form form) implements Private {
    public static ShowForm of(Form form) {
      return new ShowForm(form);
    }
  }

  /** A file for the member, such as an export: bytes, so a PDF or a picture arrives whole. */
  record Attachment(String fileName, String mediaType, FileContent content) implements Private {}
}
