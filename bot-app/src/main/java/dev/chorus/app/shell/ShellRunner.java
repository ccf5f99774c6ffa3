package dev.chorus.app.shell;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.Questions;
import dev.chorus.shell.Shell;
import dev.chorus.shell.ShellChat;
import dev.chorus.shell.ShellRenderer;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
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
  private final Questions questions;
  private final Ballots ballots;
  private final MessageLinks links;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final Settings settings;
  private final StringRedisTemplate redis;
  private final Observer observer;

  ShellRunner(Questions questions, Ballots ballots, MessageLinks links, Pseudonyms pseudonyms, Clock clock, Settings settings,
      StringRedisTemplate redis, Observer observer) {
    this.redis = redis;
    this.observer = observer;
    this.questions = questions;
    this.ballots = ballots;
    this.links = links;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    var out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    var in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8));
    var renderer = new ShellRenderer(ZoneId.systemDefault());
    // Message numbers continue across sessions: the store remembers which message shows what.
    var chat = new ShellChat(out, renderer, () -> Math.toIntExact(redis.opsForValue().increment(MESSAGE_COUNTER)));
    var chorus = new Chorus(questions, ballots, links, chat, pseudonyms, clock, settings, new SecureRandom(), observer);
    new Shell(chorus, chat, renderer, out).run(in, System.console() != null);
  }
}
