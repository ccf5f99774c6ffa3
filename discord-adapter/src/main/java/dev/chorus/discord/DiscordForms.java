package dev.chorus.discord;

import dev.chorus.core.message.Form;
import dev.chorus.core.message.TextCuts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * A core {@link Form} as a Discord modal (JDA 6: each text input inside a label), and a submitted
 * modal back as the form's fields. Within Discord's limits: 5 inputs, a title and labels of 45
 * characters, inputs of 4,000.
 */
final class DiscordForms {
  /** Marks modals Chorus opened, so a submission of anything else is not taken for a form. */
  static final String PREFIX = "chorus:";
  static final int LONGEST_TITLE = 45;
  static final int LONGEST_LABEL = 45;
  static final int LONGEST_INPUT = 4_000;
  static final int MOST_INPUTS = 5;

  private DiscordForms() {}

  static Modal modal(Form form) {
    var labels = new ArrayList<Label>();
    for (var field : form.fields().subList(0, Math.min(MOST_INPUTS, form.fields().size()))) {
      int longest = Math.max(1, Math.min(field.maxLength(), LONGEST_INPUT));
      var input = TextInput.create(field.id(), field.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
          .setRequired(field.required()).setMaxLength(longest);
      if (!field.prefill().isEmpty()) {
        input.setValue(field.prefill().length() <= longest ? field.prefill() : field.prefill().substring(0, longest));
      }
      labels.add(Label.of(TextCuts.clip(field.label().replace('\n', ' '), LONGEST_LABEL), input.build()));
    }
    return Modal.create(PREFIX + form.id(), TextCuts.clip(form.title(), LONGEST_TITLE))
        .addComponents(labels).build();
  }

  /** The form a submitted modal answers; empty when Chorus did not open it. */
  static Optional<String> formId(String modalId) {
    return modalId.startsWith(PREFIX) ? Optional.of(modalId.substring(PREFIX.length())) : Optional.empty();
  }

  static Map<String, String> values(List<ModalMapping> mappings) {
    var values = new LinkedHashMap<String, String>();
    for (var mapping : mappings) {
      values.put(mapping.getCustomId(), mapping.getAsString());
    }
    return values;
  }
}
