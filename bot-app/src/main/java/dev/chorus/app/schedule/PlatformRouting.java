package dev.chorus.app.schedule;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.LazyCard;
import dev.chorus.core.message.Chat;
import dev.chorus.core.message.ChatException;
import dev.chorus.core.message.Destination;
import dev.chorus.core.message.MemberReaction;
import dev.chorus.core.message.PostedMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Several platforms as one {@link Chat} and one {@link ChannelMembers}: each community's messages go
 * to the platform that serves it. A community whose platform this replica does not run is refused,
 * so its work waits for a replica that does.
 */
final class PlatformRouting implements Chat, ChannelMembers {
  private final List<ChatPlatform> platforms;

  PlatformRouting(List<ChatPlatform> platforms) {
    this.platforms = List.copyOf(platforms);
  }

  private Optional<ChatPlatform> find(CommunityId community) {
    return platforms.stream().filter(platform -> platform.serves(community)).findFirst();
  }

  /** Whether this replica runs the platform of the community. */
  boolean serves(CommunityId community) {
    return find(community).isPresent();
  }

  private ChatPlatform of(CommunityId community) {
    return find(community).orElseThrow(
        () -> new ChatException("This replica does not run the platform of that community."));
  }

  @Override
  public PostedMessage post(CommunityId community, Destination destination, Card card) {
    return of(community).chat().post(community, destination, card);
  }

  @Override
  public PostedMessage postOnce(CommunityId community, Destination destination, Card card, String once) {
    return of(community).chat().postOnce(community, destination, card, once);
  }

  @Override
  public void decorate(CommunityId community, PostedMessage message, Card card) {
    of(community).chat().decorate(community, message, card);
  }

  @Override
  public Optional<List<MemberReaction>> reactionsOn(CommunityId community, PostedMessage message) {
    return of(community).chat().reactionsOn(community, message);
  }

  @Override
  public void edit(CommunityId community, PostedMessage message, Card card) {
    of(community).chat().edit(community, message, card);
  }

  /** Passed on with its revision, so the platform's chat can still drop an edit older than one it sent. */
  @Override
  public void edit(CommunityId community, PostedMessage message, LazyCard card, long revision) {
    of(community).chat().edit(community, message, card, revision);
  }

  @Override
  public Optional<Set<MemberId>> in(CommunityId community, ChannelId channel) {
    return find(community).flatMap(platform -> platform.members().in(community, channel));
  }

  @Override
  public dev.chorus.core.message.ChannelAccess access(CommunityId community, dev.chorus.core.community.MemberId member,
      dev.chorus.core.community.ChannelId channel) {
    return of(community).chat().access(community, member, channel);
  }
}
