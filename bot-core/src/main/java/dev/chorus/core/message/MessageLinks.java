package dev.chorus.core.message;

import dev.chorus.core.community.CommunityId;
import java.util.List;
import java.util.Optional;

/** Which posted message shows which item, per community. */
public interface MessageLinks {

  void link(CommunityId community, PostedMessage message, Target target);

  Optional<Target> targetOf(CommunityId community, String messageId);

  /** Every message that shows the target, oldest first. */
  List<PostedMessage> messagesOf(CommunityId community, Target target);
}
