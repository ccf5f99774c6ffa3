package dev.chorus.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.report.TemplateReports;
import dev.chorus.shell.Shell;
import dev.chorus.shell.ShellChat;
import dev.chorus.shell.ShellFiles;
import dev.chorus.shell.ShellRenderer;
import dev.chorus.shell.ShellTime;
import dev.chorus.testkit.Conversation;
import dev.chorus.testkit.InMemoryStores;
import dev.chorus.testkit.MutableClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Q1 of {@code examples/joint-response.txt}, played in the shell as the example's first line says,
 * and exported as the member alice would: {@code /respond #Q1 export html} or {@code pdf}.
 */
final class ExampleQuestionOne {
  private ExampleQuestionOne() {}

  /** The file the shell wrote for {@code /respond #Q1 export <format>}, in {@code folder}. */
  static Path exported(Path folder, String format) throws IOException {
    // The example ends the shell with :quit; the export goes just before it.
    var script = Files.readString(Path.of("..", "examples", "joint-response.txt"))
        .replaceFirst("(?m)^:quit\\s*$", ":in general\n:as alice\n/respond #Q1 export " + format + "\n:quit\n");
    var clock = MutableClock.at("2026-11-02T09:00:00Z");
    var time = new ShellTime(clock);
    var stores = new InMemoryStores(time);
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var renderer = new ShellRenderer(ZoneOffset.UTC);
    var chat = new ShellChat(out, renderer);
    var pseudonyms = new Pseudonyms(Conversation.TEST_SECRET);
    var reports = new TemplateReports();
    var chorus = new Chorus(stores.stores(), chat, pseudonyms, time, Settings.DEFAULTS, new Random(7), Observer.NONE,
        reports);
    time.schedule(new RunSchedule(stores.stores(), ChannelMembers.UNKNOWN, chat, pseudonyms, time, Settings.DEFAULTS,
        RunSchedule.Timing.DEFAULTS, Observer.NONE, RunSchedule.BeforeClose.NOTHING, community -> true, reports));
    new Shell(chorus, chat, renderer, out, time, new ShellFiles(folder))
        .run(new BufferedReader(new StringReader(script)), false);
    var printed = bytes.toString(StandardCharsets.UTF_8);
    var file = folder.resolve("chorus-Q1." + format).toAbsolutePath();
    assertThat(printed).contains("file chorus-Q1." + format + " (").contains("written to " + file);
    return file;
  }
}
