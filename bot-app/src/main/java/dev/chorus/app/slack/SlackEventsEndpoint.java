package dev.chorus.app.slack;

import dev.chorus.slack.SlackOAuth;
import dev.chorus.slack.SlackPlatform;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's Events and Interactivity request URL in HTTP mode: {@code POST /slack/events}; and, when
 * workspaces install Chorus themselves, the install's pages: {@code GET /slack/install} and
 * {@code GET /slack/oauth_redirect}.
 */
@RestController
@Profile("!shell")
@ConditionalOnExpression(SlackWiring.CONFIGURED)
public class SlackEventsEndpoint {
  private final SlackPlatform platform;

  SlackEventsEndpoint(SlackPlatform platform) {
    this.platform = platform;
  }

  /**
   * Slack's requests (events, commands, interactions with a modal's state) are a few hundred
   * kilobytes at most; anything larger is refused before it is read, signed or not, so one request
   * cannot fill the heap.
   */
  static final int LARGEST_BODY = 1024 * 1024;

  @PostMapping("/slack/events")
  ResponseEntity<String> events(HttpServletRequest request) throws Exception {
    if (request.getContentLengthLong() > LARGEST_BODY) {
      return tooLarge();
    }
    // The exact bytes Slack signed: read raw, never re-encoded, and never more than the largest Slack sends.
    var bytes = request.getInputStream().readNBytes(LARGEST_BODY + 1);
    if (bytes.length > LARGEST_BODY) {
      return tooLarge();
    }
    var body = new String(bytes, StandardCharsets.UTF_8);
    return answer(platform.handle(body, headers(request), request.getRemoteAddr()));
  }

  /** The install's pages; 404 where Chorus serves one workspace by its token. */
  @GetMapping({SlackOAuth.INSTALL_PATH, SlackOAuth.REDIRECT_PATH})
  ResponseEntity<String> install(HttpServletRequest request) throws Exception {
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> query.put(name, new ArrayList<>(List.of(values))));
    return answer(platform.handleGet(request.getRequestURI(), query, headers(request), request.getRemoteAddr()));
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (var name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  private static ResponseEntity<String> answer(SlackPlatform.HttpAnswer answer) {
    var headers = new HttpHeaders();
    answer.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        headers.addAll(name, values);
      }
    });
    return ResponseEntity.status(answer.status()).headers(headers)
        .contentType(MediaType.parseMediaType(answer.contentType())).body(answer.body());
  }

  private static ResponseEntity<String> tooLarge() {
    return ResponseEntity.status(413).contentType(MediaType.TEXT_PLAIN)
        .body("Request too large: Slack's requests are at most " + LARGEST_BODY / 1024 + " KiB.");
  }
}
