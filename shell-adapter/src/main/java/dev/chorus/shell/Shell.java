package dev.chorus.shell;

import dev.chorus.core.command.CommandCatalog;
import dev.chorus.core.Chorus;
import dev.chorus.core.command.CommandParser;
import dev.chorus.core.command.DeadlineSpec;
import dev.chorus.core.command.StandardCommands;
import dev.chorus.core.community.Actor;
import dev.chorus.core.community.ChannelId;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.community.EventId;
import dev.chorus.core.community.MemberId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.conversation.Inbound;
import dev.chorus.core.message.Form;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The read–print loop of the local chat. Lines starting with {@code /respond} are commands of the
 * current member; lines starting with {@code :} steer the shell. Works the same typed by hand or
 * piped from a script; end of input ends it cleanly.
 */
public final class Shell {
  private static final String HELP = String.join("\n",
      "(shell) Type Chorus commands as a member would, for example:",
      "(shell)   " + StandardCommands.OPEN.with("Should we adopt the new data policy?", "--" + StandardCommands.DEADLINE, "7d"),
      "(shell)   " + CommandCatalog.bare("I support it if we get a transition period"),
      "(shell)   " + String.format(Locale.ROOT, "%-24s ", StandardCommands.HELP.invocation()) + "every Chorus command",
      "(shell) Shell commands:",
      "(shell)   :as <name>               act as that member (created on first use)",
      "(shell)   :in <channel>            switch channel (default general)",
      "(shell)   :community <name>        switch community (default local)",
      "(shell)   :facilitator <name>      give a member facilitator rights",
      "(shell)   :submit <n> <text>       fill form n's text field and submit it",
      "(shell)   :react <n> <emoji>       react to message n (👍 👎 🤷 on views, ✅ 🤷 ❌ ✋ on drafts)",
      "(shell)   :unreact <n> <emoji>     take a reaction back",
      "(shell)   :press <n> <label>       press a button on message n",
      "(shell)   :tick <duration>         move the clock on (25h, 3d, 90m) and see what came due: digests, reminders, deadlines",
      "(shell)   :help, :quit");

  private final Chorus chorus;
  private final ShellChat chat;
  private final ShellRenderer renderer;
  private final PrintStream out;
  private final @Nullable ShellTime time;
  private final ShellFiles files;
  private final List<Form> forms = new ArrayList<>();
  private final Set<String> facilitators = new HashSet<>();
  private String member = "you";
  private ChannelId channel = new ChannelId("general");
  private CommunityId community = new CommunityId("local");
  private long events;
  // Event ids must not repeat across sessions on a persistent store, or a new line would be taken
  // for the redelivery of an old one.
  private final String session = java.util.UUID.randomUUID().toString();

  /**
   * @param chorus built around {@code chat}
   * @param chat prints to {@code out}
   */
  public Shell(Chorus chorus, ShellChat chat, ShellRenderer renderer, PrintStream out) {
    this(chorus, chat, renderer, out, null);
  }

  /**
   * @param time the clock Chorus runs on, with its schedule; null when the shell cannot move time
   */
  public Shell(Chorus chorus, ShellChat chat, ShellRenderer renderer, PrintStream out, @Nullable ShellTime time) {
    this(chorus, chat, renderer, out, time, new ShellFiles(Path.of("data", "exports")));
  }

  /**
   * @param time the clock Chorus runs on, with its schedule; null when the shell cannot move time
   * @param files where a PDF or a picture for a member is written
   */
  public Shell(Chorus chorus, ShellChat chat, ShellRenderer renderer, PrintStream out, @Nullable ShellTime time,
      ShellFiles files) {
    this.files = files;
    this.time = time;
    this.chorus = chorus;
    this.chat = chat;
    this.renderer = renderer;
    this.out = out;
  }

  /** Runs until {@code :quit} or the end of input. */
  public void run(BufferedReader in, boolean interactive) throws IOException {
    if (interactive) {
      out.println("(shell) Chorus local chat. You are \"" + member + "\" in #" + channel
          + " of community \"" + community + "\". :help lists the shell commands, " + StandardCommands.HELP.invocation()
          + " Chorus's.");
    }
    while (true) {
      if (interactive) {
        out.print(member + "@" + channel + "> ");
        out.flush();
      }
      var line = in.readLine();
      if (line == null) {
        break;
      }
      var trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (!interactive) {
        out.println(member + "@" + channel + "> " + ShellRenderer.safe(trimmed));
      }
      if (trimmed.equals(":quit") || trimmed.equals(":q")) {
        break;
      }
      if (trimmed.startsWith(":")) {
        meta(trimmed);
      } else if (trimmed.startsWith(CommandCatalog.SLASH_COMMAND)) {
        answer(chorus.handle(new Inbound.CommandInvoked(community, channel, actor(), event(), trimmed)));
      } else {
        out.println("(shell) Commands start with " + CommandCatalog.SLASH_COMMAND + " (try " + StandardCommands.HELP.invocation()
            + "), shell commands with : (try :help).");
      }
      if (time != null) {
        // Real time passes in the shell too: what came due since the last line is done now (after a
        // :tick, already done).
        time.runDueEachMinute();
      }
      out.flush();
    }
    out.flush();
  }

  private void meta(String line) {
    var parts = line.split("\\s+", 3);
    var command = parts[0].toLowerCase(Locale.ROOT);
    var first = parts.length > 1 ? parts[1] : "";
    var rest = parts.length > 2 ? parts[2] : "";
    switch (command) {
      case ":help" -> out.println(HELP);
      case ":as" -> {
        if (first.isEmpty()) {
          out.println("(shell) Say who: :as <name>");
        } else {
          member = first;
          out.println("(shell) You are now " + member + (facilitators.contains(key(member)) ? " (facilitator)." : "."));
        }
      }
      case ":in" -> {
        if (first.isEmpty()) {
          out.println("(shell) Say which channel: :in <channel>");
        } else {
          channel = new ChannelId(first.startsWith("#") && first.length() > 1 ? first.substring(1) : first);
          out.println("(shell) Now in #" + channel + ".");
        }
      }
      case ":community" -> {
        if (first.isEmpty()) {
          out.println("(shell) Say which community: :community <name>");
        } else {
          community = new CommunityId(first);
          out.println("(shell) Now in community " + community + ".");
        }
      }
      case ":facilitator" -> {
        if (first.isEmpty()) {
          out.println("(shell) Say who: :facilitator <name>");
        } else {
          facilitators.add(key(first));
          out.println("(shell) " + first + " now has facilitator rights in " + community + ".");
        }
      }
      case ":submit" -> submit(first, rest);
      case ":react", ":unreact" -> react(command.equals(":react"), first, rest);
      case ":press" -> press(first, rest);
      case ":tick" -> tick(first);
      default -> out.println("(shell) Unknown shell command " + ShellRenderer.safe(command) + "; :help lists them.");
    }
  }

  private void tick(String written) {
    if (time == null) {
      out.println("(shell) This shell's clock cannot be moved.");
      return;
    }
    var spec = written.isEmpty() ? null : CommandParser.parseDeadline(written, false).orElse(null);
    if (!(spec instanceof DeadlineSpec.After after)) {
      out.println("(shell) Say how far to move the clock, as a duration: :tick 25h, :tick 3d, :tick 90m");
      return;
    }
    var report = time.advance(after.duration());
    var due = new ArrayList<String>();
    count(due, report.channelDigests(), "channel digest", "channel digests");
    count(due, report.personalDigests(), "personal digest", "personal digests");
    count(due, report.reminders(), "reminder", "reminders");
    count(due, report.closed(), "question closed at its deadline", "questions closed at their deadlines");
    count(due, report.undelivered(), "message not delivered", "messages not delivered");
    out.println("(shell) It is now " + renderer.time(time.instant()) + ". "
        + (due.isEmpty() ? "Nothing came due." : "Came due: " + String.join(", ", due) + "."));
  }

  private static void count(List<String> into, int count, String one, String many) {
    if (count > 0) {
      into.add(count + " " + (count == 1 ? one : many));
    }
  }

  private void submit(String number, String text) {
    var index = number(number);
    if (index < 1 || index > forms.size()) {
      out.println("(shell) There is no form " + ShellRenderer.safe(number) + "; forms are numbered as they open.");
      return;
    }
    var form = forms.get(index - 1);
    answer(chorus.handle(new Inbound.FormSubmitted(community, channel, actor(), event(), form.id(),
        Map.of(form.fields().get(0).id(), text))));
  }

  private void react(boolean add, String number, String emoji) {
    if (number(number) < 1 || emoji.isBlank()) {
      out.println("(shell) Use :" + (add ? "react" : "unreact") + " <message number> <emoji>, e.g. :react 3 👍");
      return;
    }
    var inbound = add
        ? new Inbound.ReactionAdded(community, channel, actor(), event(), number, emoji.strip())
        : new Inbound.ReactionRemoved(community, channel, actor(), event(), number, emoji.strip());
    answer(chorus.handle(inbound));
  }

  private void press(String number, String label) {
    var card = chat.card(number(number));
    if (card == null) {
      out.println("(shell) There is no message " + ShellRenderer.safe(number) + ". Use :press <message number> <label>.");
      return;
    }
    var button = card.buttons().stream().filter(b -> b.label().equalsIgnoreCase(label.strip())).findFirst();
    if (button.isEmpty()) {
      out.println("(shell) Message " + number + " has no button \"" + ShellRenderer.safe(label) + "\".");
      return;
    }
    answer(chorus.handle(new Inbound.ButtonPressed(community, channel, actor(), event(), number, button.get().action())));
  }

  private void answer(List<Effect.Private> privates) {
    for (var answer : privates) {
      if (answer instanceof Effect.Reply reply) {
        for (var line : renderer.lines(reply.card())) {
          out.println("(private) " + line);
        }
      } else if (answer instanceof Effect.ShowForm show) {
        forms.add(show.form());
        var form = show.form();
        out.println("(private) form " + forms.size() + ": " + form.title());
        for (var field : form.fields()) {
          out.println("(private)   " + field.label() + (field.required() ? "" : " (optional)")
              + (field.prefill().isEmpty() ? "" : " [now: " + ShellRenderer.safe(field.prefill()) + "]"));
        }
        out.println("(private)   fill it with :submit " + forms.size() + " <text>");
      } else if (answer instanceof Effect.Attachment file) {
        attached(file);
      }
    }
  }

  private void attached(Effect.Attachment file) {
    if (ShellFiles.printable(file.mediaType())) {
      var text = file.content().text();
      out.println("(private) file " + file.fileName() + ":");
      out.println("--- file: " + file.fileName() + " ---");
      out.print(text.endsWith("\n") ? text : text + "\n");
      out.println("--- end of file ---");
      return;
    }
    try {
      out.println("(private) file " + file.fileName() + " (" + file.content().size() + " bytes) written to "
          + files.write(file));
    } catch (IOException e) {
      out.println("(private) file " + file.fileName() + " could not be written: " + e.getMessage());
    }
  }

  private Actor actor() {
    var id = new MemberId("shell-" + member.toLowerCase(Locale.ROOT));
    return new Actor(id, member, false, facilitators.contains(key(member)), false);
  }

  private String key(String name) {
    return community + "/" + name.toLowerCase(Locale.ROOT);
  }

  private EventId event() {
    return new EventId("shell-" + session + "-" + (++events));
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
