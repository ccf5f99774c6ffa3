package dev.chorus.app.store;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.export.Json;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Target;
import dev.chorus.core.question.DraftVersion;
import dev.chorus.core.question.QuestionId;
import dev.chorus.core.question.StatementId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Message links in Redis: message id → the item it shows, and item → every message showing it, both
 * written by one script so a reaction can never find a message its item does not know.
 */
public final class RedisMessageLinks implements MessageLinks {
  private static final RedisScript<Long> LINK = RedisScript.of("""
      redis.call('SET', KEYS[1], ARGV[1])
      return redis.call('RPUSH', KEYS[2], ARGV[2])
      """, Long.class);

  private final StringRedisTemplate redis;

  public RedisMessageLinks(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public void link(CommunityId community, PostedMessage message, Target target) {
    var name = name(target);
    RedisQuestions.call(() -> redis.execute(LINK,
        List.of(RedisKeys.message(community, message.id()), RedisKeys.target(community, name)), name, posted(message)));
  }

  @Override
  public Optional<Target> targetOf(CommunityId community, String messageId) {
    var name = RedisQuestions.call(() -> redis.opsForValue().get(RedisKeys.message(community, messageId)));
    return name == null ? Optional.empty() : Optional.of(target(name));
  }

  @Override
  public List<PostedMessage> messagesOf(CommunityId community, Target target) {
    var stored = RedisQuestions.call(() -> redis.opsForList().range(RedisKeys.target(community, name(target)), 0, -1));
    var messages = new ArrayList<PostedMessage>();
    if (stored != null) {
      for (var each : stored) {
        messages.add(posted(each));
      }
    }
    return messages;
  }

  static String name(Target target) {
    if (target instanceof Target.QuestionCard card) {
      return "card:" + card.question();
    }
    if (target instanceof Target.StatementMessage statement) {
      return "statement:" + statement.question() + ":" + statement.statement();
    }
    if (target instanceof Target.DraftMessage draft) {
      return "draft:" + draft.question() + ":" + draft.draft();
    }
    if (target instanceof Target.DraftAnnouncement announcement) {
      return "announcement:" + announcement.question() + ":" + announcement.draft();
    }
    return "outcome:" + target.question();
  }

  static Target target(String name) {
    var parts = name.split(":");
    var question = QuestionId.parse(parts[1]).orElseThrow();
    return switch (parts[0]) {
      case "card" -> new Target.QuestionCard(question);
      case "statement" -> new Target.StatementMessage(question, StatementId.parse(parts[2]).orElseThrow());
      case "draft" -> new Target.DraftMessage(question, DraftVersion.parse(parts[2]).orElseThrow());
      case "announcement" -> new Target.DraftAnnouncement(question, DraftVersion.parse(parts[2]).orElseThrow());
      case "outcome" -> new Target.OutcomeMessage(question);
      default -> throw new IllegalStateException("a stored message link names an unknown kind: " + parts[0]);
    };
  }

  static String posted(PostedMessage message) {
    var destination = message.destination();
    List<String> fields;
    if (destination instanceof Destination.Channel channel) {
      fields = List.of(message.id(), "channel", channel.channel().value());
    } else if (destination instanceof Destination.Thread thread) {
      fields = List.of(message.id(), "thread", thread.channel().value(), thread.anchorMessageId());
    } else {
      fields = List.of(message.id(), "direct", ((Destination.Direct) destination).member().value());
    }
    return Json.compact(fields);
  }

  static PostedMessage posted(String stored) {
    var fields = JsonFields.list(JsonReader.read(stored));
    var id = (String) fields.get(0);
    var kind = (String) fields.get(1);
    Destination destination = switch (kind) {
      case "channel" -> new Destination.Channel(new ChannelId((String) fields.get(2)));
      case "thread" -> new Destination.Thread(new ChannelId((String) fields.get(2)), (String) fields.get(3));
      default -> new Destination.Direct(new MemberId((String) fields.get(2)));
    };
    return new PostedMessage(id, destination);
  }
}
