package dev.chorus.app.store;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;

/**
 * The key names. Every key of a community carries the community as its hash tag
 * ({@code chorus:{slack:T1}:q:7}), so multi-key scripts work on Redis Cluster and communities spread
 * over it. Braces and percent signs in ids are escaped so an id can never end the tag early.
 */
final class RedisKeys {
  private RedisKeys() {}

  static String prefix(CommunityId community) {
    return "chorus:{" + escape(community.value()) + "}:";
  }

  static String question(CommunityId community, int number) {
    return prefix(community) + "q:" + number;
  }

  static String all(CommunityId community) {
    return prefix(community) + "questions";
  }

  static String channel(CommunityId community, ChannelId channel) {
    return prefix(community) + "channel:" + escape(channel.value());
  }

  /**
   * The channel's open and lately closed questions: a sorted set of numbers, scored by when each
   * closed (epoch milliseconds), {@code +inf} while open. What commands without a number read.
   */
  static String recentInChannel(CommunityId community, ChannelId channel) {
    return prefix(community) + "recent:" + escape(channel.value());
  }

  /** The same over the whole community. */
  static String recent(CommunityId community) {
    return prefix(community) + "recent";
  }

  /** The open questions that have a deadline: a sorted set of numbers scored by the deadline (epoch ms). */
  static String deadlines(CommunityId community) {
    return prefix(community) + "deadlines";
  }

  /** Set once the community's questions stored before the recent lists and deadlines existed are in them. */
  static String recentIndexed(CommunityId community) {
    return prefix(community) + "indexed";
  }

  static String lastNumber(CommunityId community) {
    return prefix(community) + "last";
  }

  static String event(CommunityId community, EventId event) {
    return prefix(community) + "event:" + escape(event.value());
  }

  static String message(CommunityId community, String messageId) {
    return prefix(community) + "msg:" + escape(messageId);
  }

  static String seen(CommunityId community, String messageId) {
    return prefix(community) + "seen:" + escape(messageId);
  }

  static String target(CommunityId community, String target) {
    return prefix(community) + "target:" + target;
  }

  static String digests(CommunityId community) {
    return prefix(community) + "digests";
  }

  static String members(CommunityId community) {
    return prefix(community) + "members";
  }

  static String pinnedRoles(CommunityId community) {
    return prefix(community) + "roles";
  }

  /** Each shared question's current link, as the SHA-256 of its token. */
  static String shares(CommunityId community) {
    return prefix(community) + "shares";
  }

  /**
   * Where a shared link's token hash leads. Without a community's hash tag, as the link names no
   * community; only ever read or written alone.
   */
  static String sharedLink(String tokenHash) {
    return "chorus:shared:" + tokenHash;
  }

  static String job(CommunityId community, String job) {
    return prefix(community) + "job:" + escape(job);
  }

  /**
   * The communities that have questions, for scheduled work. The one key without a community's
   * hash tag: it is never used in a script together with a community's keys.
   */
  static final String COMMUNITIES = "chorus:communities";
  /** Forgets not yet followed by a rewrite of Redis's append-only file (see {@link OldCopies}). */
  static final String ERASE_REQUESTS = "chorus:erase-requests";

  /**
   * The fingerprint of the server secret the stored pseudonyms were made with ({@link RedisSecretFingerprint}),
   * for the whole Redis like {@link #COMMUNITIES}.
   */
  static final String SECRET_FINGERPRINT = "chorus:secret-fingerprint";

  /** The community whose question counter this key is, or null for any other key. */
  static @org.jspecify.annotations.Nullable CommunityId communityOfCounter(String key) {
    if (!key.startsWith("chorus:{") || !key.endsWith("}:last")) {
      return null;
    }
    var escaped = key.substring("chorus:{".length(), key.length() - "}:last".length());
    return new CommunityId(escaped.replace("%7D", "}").replace("%7B", "{").replace("%25", "%"));
  }

  static String escape(String id) {
    return id.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
  }
}
