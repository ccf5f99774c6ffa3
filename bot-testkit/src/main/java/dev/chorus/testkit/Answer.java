package dev.chorus.testkit;

import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.Form;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What Chorus told one member privately in answer to one thing they did. */
public record Answer(List<Effect.Private> privates) {
  public Answer {
    privates = List.copyOf(privates);
  }

  /** Every private reply's words, joined. */
  public String text() {
    return privates.stream()
        .map(p -> p instanceof Effect.Reply reply ? reply.card().plainText()
            : p instanceof Effect.Attachment file ? "[file " + file.fileName() + "]"
            : "[form " + ((Effect.ShowForm) p).form().title() + "]")
        .collect(Collectors.joining("\n"));
  }

  public boolean silent() {
    return privates.isEmpty();
  }

  /** A refusal names what to do instead after "Try:". */
  public boolean refused() {
    return text().contains("Try: ");
  }

  public Optional<Form> form() {
    return privates.stream().filter(Effect.ShowForm.class::isInstance).map(p -> ((Effect.ShowForm) p).form()).findFirst();
  }

  public Effect.Attachment file() {
    return privates.stream().filter(Effect.Attachment.class::isInstance).map(Effect.Attachment.class::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no file in: " + text()));
  }
}
