package dev.chorus.core.message;

import java.util.List;

/**
 * A form (Slack modal, Discord modal) a member fills in.
 *
 * @param id what submitting it does, read back by core (see {@link FormKind})
 */
public record Form(String id, String title, List<FormField> fields) {
  public Form {
    fields = List.copyOf(fields);
  }

  /** A text field; the first field is the main one. */
  public record FormField(String id, String label, String prefill, int maxLength, boolean multiline, boolean required) {}
}
