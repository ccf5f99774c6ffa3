package dev.chorus.discord.fake;

import java.time.Instant;
import java.util.List;

/**
 * One REST request the fake received and how it answered it.
 *
 * @param method HTTP method, upper case
 * @param path path below {@code /api/v10/}, percent-decoded, without the query, e.g. {@code
 *     channels/1/messages} or {@code webhooks/1/token/messages/@original}
 * @param body request body as text; for multipart requests the {@code payload_json} part
 * @param at when the request arrived
 * @param status HTTP status the fake answered with
 * @param query raw query string, empty when there was none
 * @param files files of a multipart request, in the order they were sent
 */
public record Call(
    String method, String path, String body, Instant at, int status, String query, List<Upload> files) {

  public Call {
    files = List.copyOf(files);
  }

  /** {@code "METHOD path"}, the form {@link FakeDiscord#rateLimitNext} matches against. */
  public String route() {
    return method + " " + path;
  }
}
