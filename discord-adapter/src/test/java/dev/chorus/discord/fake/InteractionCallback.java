package dev.chorus.discord.fake;

import java.time.Duration;
import java.time.Instant;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A {@code POST interactions/{id}/{token}/callback} the fake received.
 *
 * @param interactionId the interaction it answered
 * @param type the callback type (4 message, 5 deferred message, 6 deferred update, 7 update, 8
 *     autocomplete result, 9 modal)
 * @param json the callback body ({@code type} and {@code data}) as JSON text
 * @param at when it arrived
 * @param sinceDispatch time between the interaction's dispatch and this callback
 * @param status the HTTP status the fake answered with
 */
public record InteractionCallback(
    long interactionId, int type, String json, Instant at, Duration sinceDispatch, int status) {

  /** Whether the fake accepted it (a 2xx status). */
  public boolean accepted() {
    return status / 100 == 2;
  }

  /** The callback's {@code data} object, or an empty object if it had none. */
  public DataObject data() {
    return DataObject.fromJson(json).optObject("data").orElseGet(DataObject::empty);
  }
}
