package dev.chorus.app.shell;

import dev.chorus.core.Chorus;
import dev.chorus.core.report.Reports;
import dev.chorus.core.Stores;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.app.redis.RedisSettings;
import dev.chorus.shell.Shell;
import dev.chorus.shell.ShellChat;
import dev.chorus.shell.ShellFiles;
import dev.chorus.shell.ShellRenderer;
import dev.chorus.shell.ShellTime;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Starts the shell when the application runs with the {@code shell} command. */
@Component
@Profile("shell")
class ShellRunner implements ApplicationRunner {
  static final String MESSAGE_COUNTER = "chorus:shell:messages";
  private final Stores stores;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;
  private final RunSchedule.Timing timing;
  private final StringRedisTemplate redis;
  private final Observer observer;
  private final Path exports;
  private final Reports reports;

  ShellRunner(Stores stores, Pseudonyms pseudonyms, Clock clock, Settings settings, RunSchedule.Timing timing,
      StringRedisTemplate redis, Observer observer, RedisSettings storage, Reports reports) {
    this.reports = reports;
    this.exports = storage.dataDir().resolve("exports");
    this.stores = stores;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
    this.timing = timing;
    this.redis = redis;
    this.observer = observer;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    var in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
    var renderer = new ShellRenderer(ZoneId.systemDefault());
    // Message numbers continue across sessions: the store remembers which message shows what.
    var chat = new ShellChat(out, renderer, () -> Math.toIntExact(redis.opsForValue().increment(MESSAGE_COUNTER)));
    // The shell's own clock: real time, moved on by :tick to try digests, reminders and deadlines.
    var time = new ShellTime(clock);
    var chorus = new Chorus(stores, chat, pseudonyms, time, settings, new SecureRandom(), observer, reports);
    // Nobody can list a terminal's channel: reminders go to those who took part without a view.
    time.schedule(new RunSchedule(stores, ChannelMembers.UNKNOWN, chat, pseudonyms, time, settings, timing, observer,
        RunSchedule.BeforeClose.NOTHING, community -> true, reports));
    new Shell(chorus, chat, renderer, out, time, new ShellFiles(exports)).run(in, System.console() != null);
  }
}
