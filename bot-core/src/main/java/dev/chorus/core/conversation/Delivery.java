package dev.chorus.core.conversation;

import dev.chorus.core.community.CommunityId;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.Place;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Carries out the public effects of a committed decision through the {@link Chat} port, links each
 * posted message to what it shows, and returns the private answers for the member, including a
 * plain word when the platform refused a message.
 */
public final class Delivery {
  private final Chat chat;
  private final MessageLinks links;

  public Delivery(Chat chat, MessageLinks links) {
    this.chat = chat;
    this.links = links;
  }

  public List<Effect.Private> deliver(CommunityId community, List<Effect> effects) {
    var privates = new ArrayList<Effect.Private>();
    var problems = new LinkedHashSet<String>();
    for (var effect : effects) {
      if (effect instanceof Effect.Post post) {
        try {
          var message = chat.post(community, destination(community, post.place()), post.card());
          if (post.link() != null) {
            links.link(community, message, post.link());
          }
        } catch (ChatException e) {
          problems.add(e.memberMessage());
        }
      } else if (effect instanceof Effect.Edit edit) {
        for (var message : links.messagesOf(community, edit.target())) {
          try {
            chat.edit(community, message, edit.card());
          } catch (ChatException e) {
            problems.add(e.memberMessage());
          }
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

  private Destination destination(CommunityId community, Place place) {
    if (place instanceof Place.Channel channel) {
      return new Destination.Channel(channel.channel());
    }
    if (place instanceof Place.Direct direct) {
      return new Destination.Direct(direct.member());
    }
    var thread = (Place.QuestionThread) place;
    var cards = links.messagesOf(community, new Target.QuestionCard(thread.question()));
    if (cards.isEmpty()) {
      // The card could not be posted; the channel itself is the best place left.
      return new Destination.Channel(thread.channel());
    }
    PostedMessage card = cards.get(0);
    return new Destination.Thread(thread.channel(), card.id());
  }
}
