package dev.chorus.slack;

import com.slack.api.methods.request.chat.ChatGetPermalinkRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import dev.chorus.core.Chorus;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.export.Json;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.message.Block;
import dev.chorus.core.message.Card;
import dev.chorus.core.message.PostedMessage;
import dev.chorus.core.message.Text;
import dev.chorus.core.ordering.MemberOrder;
import dev.chorus.core.question.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The Home tab: published with {@code views.publish} when a member opens it, and again shortly after
 * anything the member does while they use it (a vote, a view, a change of settings), so it never
 * shows a draft they have voted on, and after a card is posted in a channel of the community (a new
 * question, a draft's announcement, an outcome). Members who opened it in the last {@link #FOLLOWED} are followed,
 * on this replica; their changes are published at most once every {@link #SETTLE}.
 */
final class SlackHome {
  private static final System.Logger LOG = System.getLogger(SlackHome.class.getName());
  /** How long after opening the tab a member's changes still republish it. */
  static final Duration FOLLOWED = Duration.ofHours(12);
  /** A burst of changes (several votes at once) publishes the home once, this long after the first. */
  static final Duration SETTLE = Duration.ofSeconds(2);
  /** Slack's limit on a home view's blocks. */
  static final int MOST_BLOCKS = 100;

  private final Chorus chorus;
  private final SlackChat chat;
  private final ScheduledExecutorService timer;
  private final MemberOrder order;
  private final Clock clock;
  /** Each linked message's permalink, asked of Slack once: a message's address never changes. */
  private final Map<String, String> permalinks = new ConcurrentHashMap<>();
  /** Each followed member (community and member id) with when they last opened the tab and the app's DM with them. */
  private final Map<String, Opened> opened = new ConcurrentHashMap<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  private record Opened(Instant at, String channel) {}

  /**
   * @param timer only waits out the settling; the publishing runs in {@code order}
   * @param order the members' own order: a home is built and published after the member's earlier
   *     events, on the workers, never on the timer's one thread (a publish waits for Redis and Slack)
   */
  SlackHome(Chorus chorus, SlackChat chat, ScheduledExecutorService timer, MemberOrder order, Clock clock) {
    this.chorus = chorus;
    this.chat = chat;
    this.timer = timer;
    this.order = order;
    this.clock = clock;
  }

  private static String key(CommunityId community, String member) {
    return community.value() + "/" + member;
  }

  /** The member opened the tab: they are followed from now, and their home is published (on the caller's thread). */
  void opened(CommunityId community, String member, String channel) {
    opened.put(key(community, member), new Opened(clock.instant(), channel));
    publish(community, member);
  }

  /** The app's direct-message channel with a member who opened the tab; null for one who did not. */
  @Nullable String channelOf(CommunityId community, String member) {
    var seen = opened.get(key(community, member));
    return seen == null ? null : seen.channel();
  }

  /** Something the member did may change their home: republished soon if they use the tab. */
  void changed(CommunityId community, String member) {
    var key = key(community, member);
    var seen = opened.get(key);
    if (seen == null) {
      return;
    }
    if (seen.at().plus(FOLLOWED).isBefore(clock.instant())) {
      opened.remove(key, seen);
      return;
    }
    if (pending.add(key)) {
      timer.schedule(() -> {
        pending.remove(key);
        // With the workers full, the timer publishes it itself: a home is never left stale.
        order.run(MemberOrder.key(community, member), () -> publish(community, member), () -> publish(community, member));
      }, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Something every member may see in their home changed (a question opened or closed, a draft
   * announced): each member of the community who uses the tab gets theirs republished soon.
   */
  void changedForEveryone(CommunityId community) {
    var prefix = community.value() + "/";
    for (var key : opened.keySet()) {
      if (key.startsWith(prefix)) {
        changed(community, key.substring(prefix.length()));
      }
    }
  }

  /** Builds the member's home and publishes it; a failure is logged, and the next opening tries again. */
  void publish(CommunityId community, String member) {
    Card card;
    try {
      card = chorus.home(community, new MemberId(member));
    } catch (StoreUnavailableException e) {
      card = Card.of(new Block.Heading(Text.of("Your questions")), new Block.Paragraph(Text.of(
          "Chorus could not read your questions just now. Open this tab again in a moment.")));
    }
    var request = ViewsPublishRequest.builder().userId(member).viewAsString(view(community, card)).build();
    try {
      chat.now(community, client -> client.viewsPublish(request), "Slack did not show the home");
    } catch (RuntimeException e) {
      Failures.log(LOG, Level.WARNING, "a member's home was not published", e);
    }
  }

  /** A message's permalink, for a link in the home; null when Slack would not give it (then the link's words show). */
  private @Nullable String permalink(CommunityId community, PostedMessage message) {
    var known = permalinks.get(message.id());
    if (known != null) {
      return known;
    }
    try {
      var asked = ChatGetPermalinkRequest.builder().channel(SlackIds.channel(message.id()).value())
          .messageTs(SlackIds.timestamp(message.id())).build();
      var link = chat.now(community, client -> client.chatGetPermalink(asked), "Slack did not give a message's link")
          .getPermalink();
      if (link != null) {
        permalinks.put(message.id(), link);
      }
      return link;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The card as a home view: its blocks and buttons, within Slack's hundred blocks. */
  String view(CommunityId community, Card card) {
    var blocks = new ArrayList<Map<String, Object>>();
    for (var message : new SlackRenderer(posted -> permalink(community, posted)).render(card)) {
      blocks.addAll(message.blocks());
    }
    var view = new LinkedHashMap<String, Object>();
    view.put("type", "home");
    view.put("blocks", blocks.size() <= MOST_BLOCKS ? blocks : blocks.subList(0, MOST_BLOCKS));
    return Json.compact(view);
  }
}
