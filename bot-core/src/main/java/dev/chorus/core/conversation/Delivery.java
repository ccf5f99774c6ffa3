package dev.chorus.core.conversation;

import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.LazyCard;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import dev.chorus.core.message.Text;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.StoreUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Carries out the public effects of a committed decision through the {@link Chat} port, links each
 * posted message to what it shows, and returns the private answers for the member, including a
 * plain word when the platform refused a message.
 */
public final class Delivery {
  static final String LINK_LOST = "the message was posted, but the store did not answer, so reactions on it may not count; "
      + "votes by command (" + StandardCommands.VOTE.invocation() + ") always do.";
  static final String STALE = "a message may show an older tally until the next vote.";
  static final String NOT_SHOWN = "a message could not be posted; " + StandardCommands.STATUS.invocation()
      + " shows where things stand.";
  private static final System.Logger LOG = System.getLogger(Delivery.class.getName());

  private final Chat chat;
  private final MessageLinks links;
  private final Linked linked;

  /** Told each time a posted message has been linked to what it shows, with the card it was posted with. */
  @FunctionalInterface
  public interface Linked {
    Linked NONE = (community, message, target, card) -> {};

    void linked(CommunityId community, PostedMessage message, Target target, Card card);
  }

  public Delivery(Chat chat, MessageLinks links) {
    this(chat, links, Linked.NONE);
  }

  public Delivery(Chat chat, MessageLinks links, Linked linked) {
    this.chat = chat;
    this.links = links;
    this.linked = linked;
  }

  /**
   * Edits stamped with the revision of the question they show, as it was stored, so a chat that
   * orders edits can tell the newer from the older.
   */
  public static List<Effect> atRevisions(List<Effect> effects, List<Question> stored) {
    var stamped = new java.util.ArrayList<Effect>(effects.size());
    for (var effect : effects) {
      if (effect instanceof Effect.Edit edit) {
        var shown = stored.stream().filter(q -> q.id().equals(edit.target().question())).findFirst();
        stamped.add(shown.isPresent() ? edit.at(shown.get().revision()) : edit);
      } else {
        stamped.add(effect);
      }
    }
    return stamped;
  }

  public List<Effect.Private> deliver(CommunityId community, List<Effect> effects) {
    var privates = new ArrayList<Effect.Private>();
    var problems = new LinkedHashSet<String>();
    for (var effect : effects) {
      // The change is already saved: whatever fails from here on is told as such, never as "not saved".
      if (effect instanceof Effect.Post post) {
        try {
          var destination = destination(community, post.place());
          var card = withLinks(community, post.card());
          var message = post.once() == null ? chat.post(community, destination, card)
              : chat.postOnce(community, destination, card, post.once());
          // Link first, decorate later: a vote on the message must find what it shows from its first second.
          try {
            if (post.link() != null) {
              links.link(community, message, post.link());
              linked.linked(community, message, post.link(), card);
            }
          } finally {
            decorate(community, message, card);
          }
        } catch (ChatException e) {
          problems.add(e.memberMessage());
        } catch (StoreUnavailableException e) {
          problems.add(LINK_LOST);
        } catch (RuntimeException e) {
          Failures.log(LOG, "posting a message failed after its change was saved", e);
          problems.add(NOT_SHOWN);
        }
      } else if (effect instanceof Effect.Edit edit) {
        try {
          // Built, and its links looked up, once for every message showing the target, and only if sent.
          var card = LazyCard.of(() -> withLinks(community, edit.card()));
          for (var message : links.messagesOf(community, edit.target())) {
            try {
              chat.edit(community, message, card, edit.revision());
            } catch (ChatException e) {
              problems.add(e.memberMessage());
            } catch (RuntimeException e) {
              Failures.log(LOG, "editing a message failed after its change was saved", e);
              problems.add(STALE);
            }
          }
        } catch (StoreUnavailableException e) {
          problems.add(STALE);
        }
      } else if (effect instanceof Effect.Private answer) {
        privates.add(answer);
      }
    }
    for (var problem : problems) {
      privates.add(Effect.Reply.of("Your change is saved, but Chorus could not update the channel: " + problem));
    }
    return privates;
  }

  /** Seeds are no part of the change: one that cannot be queued is left to the members. */
  private void decorate(CommunityId community, PostedMessage message, Card card) {
    try {
      chat.decorate(community, message, card);
    } catch (RuntimeException e) {
      Failures.log(LOG, System.Logger.Level.WARNING, "a message's vote reactions were not seeded", e);
    }
  }

  /** The card with each link pointing at the message that shows its target; a link to nothing stays plain words. */
  public Card withLinks(CommunityId community, Card card) {
    if (!card.hasLinks()) {
      // The common case, a tally edit among them: nothing to find, nothing to copy.
      return card;
    }
    return card.mapTexts(text -> {
      if (!text.hasLinks()) {
        return text;
      }
      var spans = new ArrayList<Text.Span>();
      for (var span : text.spans()) {
        if (span instanceof Text.Span.Link link && link.message() == null) {
          List<PostedMessage> shown;
          try {
            shown = links.messagesOf(community, link.target());
          } catch (StoreUnavailableException e) {
            shown = List.of();
          }
          spans.add(new Text.Span.Link(link.target(), link.label(), shown.isEmpty() ? null : shown.get(0)));
        } else {
          spans.add(span);
        }
      }
      return new Text(spans);
    });
  }

  private Destination destination(CommunityId community, Place place) {
    if (place instanceof Place.Channel channel) {
      return new Destination.Channel(channel.channel());
    }
    if (place instanceof Place.Direct direct) {
      return new Destination.Direct(direct.member());
    }
    var thread = (Place.QuestionThread) place;
    List<PostedMessage> cards;
    try {
      cards = links.messagesOf(community, new Target.QuestionCard(thread.question()));
    } catch (StoreUnavailableException e) {
      cards = List.of();
    }
    if (cards.isEmpty()) {
      // The card could not be posted; the channel itself is the best place left.
      return new Destination.Channel(thread.channel());
    }
    return new Destination.Thread(thread.channel(), cards.get(0).id());
  }
}
