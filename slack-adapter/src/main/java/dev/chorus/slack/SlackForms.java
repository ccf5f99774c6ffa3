package dev.chorus.slack;

import dev.chorus.core.community.ChannelId;
import dev.chorus.core.export.Json;
import dev.chorus.core.message.Form;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A core {@link Form} as a Slack modal, and back. The form's id and the channel it was asked for
 * travel in the modal's {@code private_metadata}; each field is an input block named by its id.
 */
final class SlackForms {
  static final String CALLBACK = "chorus-form";
  static final int LONGEST_TITLE = 24;
  static final int LONGEST_INITIAL = 3_000;

  private SlackForms() {}

  static String modal(Form form, ChannelId channel) {
    var view = new LinkedHashMap<String, Object>();
    view.put("type", "modal");
    view.put("callback_id", CALLBACK);
    view.put("title", SlackRenderer.plain(SlackRenderer.clip(form.title(), LONGEST_TITLE)));
    view.put("submit", SlackRenderer.plain("Send"));
    view.put("close", SlackRenderer.plain("Cancel"));
    view.put("private_metadata", form.id() + "\n" + channel.value());
    var blocks = new ArrayList<Object>();
    for (var field : form.fields()) {
      var element = new LinkedHashMap<String, Object>();
      element.put("type", "plain_text_input");
      element.put("action_id", "value");
      element.put("multiline", field.multiline());
      element.put("max_length", field.maxLength());
      if (!field.prefill().isEmpty()) {
        element.put("initial_value", SlackRenderer.clip(field.prefill(), LONGEST_INITIAL));
      }
      var input = new LinkedHashMap<String, Object>();
      input.put("type", "input");
      input.put("block_id", field.id());
      input.put("optional", !field.required());
      input.put("label", SlackRenderer.plain(SlackRenderer.clip(field.label(), 2_000)));
      input.put("element", element);
      blocks.add(input);
    }
    view.put("blocks", blocks);
    return Json.compact(view);
  }

  /** The form id and channel a submitted modal was opened for. */
  record Opened(String formId, ChannelId channel) {}

  static Opened opened(String privateMetadata) {
    int newline = privateMetadata.indexOf('\n');
    return new Opened(privateMetadata.substring(0, newline), new ChannelId(privateMetadata.substring(newline + 1)));
  }

  /** The fields as typed: block id → text ({@code ""} for an optional field left empty). */
  static Map<String, String> values(Map<String, Map<String, com.slack.api.model.view.ViewState.Value>> state) {
    var fields = new LinkedHashMap<String, String>();
    state.forEach((block, actions) -> {
      var value = actions.get("value");
      fields.put(block, value == null || value.getValue() == null ? "" : value.getValue());
    });
    return fields;
  }
}
