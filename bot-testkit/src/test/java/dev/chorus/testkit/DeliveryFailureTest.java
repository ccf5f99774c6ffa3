package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.question.QuestionId;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Once a change is saved, a platform that refuses or breaks is reported as such, never as "nothing changed". */
class DeliveryFailureTest {
  private final MutableClock clock = MutableClock.at("2026-11-02T09:00:00Z");
  private final InMemoryStores stores = new InMemoryStores(clock);
  private final CommunityId community = new CommunityId("c");

  private String say(Chat chat, String line, int event) {
    var chorus = new Chorus(stores.stores(), chat, new Pseudonyms(Conversation.TEST_SECRET), clock, Settings.DEFAULTS,
        new Random(1));
    List<Effect.Private> answer = chorus.handle(new Inbound.CommandInvoked(community, new ChannelId("general"),
        Actor.member("U1", "ana"), new EventId("e" + event), line));
    return answer.stream().map(p -> ((Effect.Reply) p).card().plainText()).collect(Collectors.joining("\n"));
  }

  @Test
  void aChannelChorusIsNotInIsToldPlainlyAndTheQuestionIsStillOpened() {
    var refusing = new Chat() {
      @Override
      public PostedMessage post(CommunityId c, Destination destination, Card card) {
        throw new ChatException("Chorus is not in this channel: invite it with /invite @Chorus.");
      }

      @Override
      public void edit(CommunityId c, PostedMessage message, Card card) {}
    };
    var answer = say(refusing, "/respond open Saved anyway", 1);
    assertThat(answer).contains("Q1 is open").contains("saved, but Chorus could not update the channel")
        .contains("invite it with /invite @Chorus");
    assertThat(stores.questions().find(community, new QuestionId(1))).isPresent();
  }

  @Test
  void aBrokenPlatformAfterTheSaveIsNotReportedAsNothingChanged() {
    var broken = new Chat() {
      @Override
      public PostedMessage post(CommunityId c, Destination destination, Card card) {
        throw new IllegalStateException("the platform client blew up");
      }

      @Override
      public void edit(CommunityId c, PostedMessage message, Card card) {
        throw new IllegalStateException("the platform client blew up");
      }
    };
    var answer = say(broken, "/respond open Saved anyway", 1);
    assertThat(answer).contains("Q1 is open").contains("saved").doesNotContain("nothing was changed");
    assertThat(say(broken, "/respond My view", 2)).contains("V1").doesNotContain("nothing was changed");
    assertThat(stores.questions().find(community, new QuestionId(1)).orElseThrow().statements()).hasSize(1);
  }
}
