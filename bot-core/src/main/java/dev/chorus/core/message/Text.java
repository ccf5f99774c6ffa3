package dev.chorus.core.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A line of text made of spans. Chorus's own words are {@link Span.Plain}; anything a member wrote
 * is {@link Span.Quoted}, which every renderer escapes so it can neither ping nor change the layout;
 * a {@link Span.Moment} is shown in each reader's time zone where the platform can.
 */
public record Text(List<Span> spans) {
  public Text {
    spans = List.copyOf(spans);
  }

  public static Text of(String plain) {
    return new Text(List.of(new Span.Plain(plain)));
  }

  public static Text quoted(String memberWords) {
    return new Text(List.of(new Span.Quoted(memberWords)));
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean hasLinks() {
    for (var span : spans) {
      if (span instanceof Span.Link) {
        return true;
      }
    }
    return false;
  }

  /** The words without any rendering, for tests and logs that hold no member text. */
  public String plainText() {
    var out = new StringBuilder();
    for (var span : spans) {
      if (span instanceof Span.Plain plain) {
        out.append(plain.text());
      } else if (span instanceof Span.Quoted quoted) {
        out.append(quoted.text());
      } else if (span instanceof Span.Moment moment) {
        out.append(moment.at());
      } else if (span instanceof Span.Link link) {
        out.append(link.label());
      } else if (span instanceof Span.Address address) {
        out.append(address.url());
      }
    }
    return out.toString();
  }

  /** A piece of a text. */
  public sealed interface Span {
    /** Chorus's own words, already safe. */
    record Plain(String text) implements Span {
      public Plain {
        Objects.requireNonNull(text, "text");
      }
    }

    /** A member's words: escaped by the renderer. */
    record Quoted(String text) implements Span {
      public Quoted {
        Objects.requireNonNull(text, "text");
      }
    }

    /**
     * A link to a message Chorus posted, in Chorus's words: platforms show it as a link (Slack
     * permalink, Discord jump link), the shell by the message's number. Delivery finds the message.
     *
     * @param message the message showing the target, once delivery found it; null before, or when none was posted
     */
    record Link(Target target, String label, @Nullable PostedMessage message) implements Span {
      public Link {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(label, "label");
      }
    }

    /**
     * A web address of Chorus's own, such as a shared report's link: shown as a link, never escaped
     * (an escaped character would break it) and never unfurled. Only characters that cannot end or
     * format a link on any platform are allowed.
     */
    record Address(String url) implements Span {
      private static final java.util.regex.Pattern SAFE =
          java.util.regex.Pattern.compile("https?://[A-Za-z0-9._~:/?#\\[\\]@!$'()*+,;=%-]+");

      public Address {
        Objects.requireNonNull(url, "url");
        if (!SAFE.matcher(url).matches()) {
          throw new IllegalArgumentException("not a web address Chorus can show as a link");
        }
      }

      /** Whether the text can be shown as an address. */
      public static boolean allowed(String url) {
        return SAFE.matcher(url).matches();
      }
    }

    /** A point in time, shown in the reader's own zone where possible. */
    record Moment(Instant at) implements Span {
      public Moment {
        Objects.requireNonNull(at, "at");
      }
    }
  }

  /** Builds a text span by span. */
  public static final class Builder {
    private final List<Span> spans = new ArrayList<>();

    public Builder plain(String text) {
      if (!text.isEmpty()) {
        spans.add(new Span.Plain(text));
      }
      return this;
    }

    public Builder quoted(String text) {
      spans.add(new Span.Quoted(text));
      return this;
    }

    public Builder moment(Instant at) {
      spans.add(new Span.Moment(at));
      return this;
    }

    /** A web address of Chorus's own, shown as a link. */
    public Builder address(String url) {
      spans.add(new Span.Address(url));
      return this;
    }

    /** A link to the message that shows the target, labelled in Chorus's words. */
    public Builder link(Target target, String label) {
      spans.add(new Span.Link(target, label, null));
      return this;
    }

    public Builder text(Text text) {
      spans.addAll(text.spans());
      return this;
    }

    public Text build() {
      return new Text(spans);
    }
  }
}
