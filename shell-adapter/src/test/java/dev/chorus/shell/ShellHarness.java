package dev.chorus.shell;

import dev.chorus.core.Chorus;
import dev.chorus.core.anonymity.Pseudonyms;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Settings;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.QuestionId;
import dev.chorus.testkit.Conversation;
import dev.chorus.core.conversation.Observer;
import dev.chorus.core.digest.ChannelMembers;
import dev.chorus.core.digest.RunSchedule;
import dev.chorus.testkit.InMemoryStores;
import dev.chorus.testkit.InMemoryQuestions;
import dev.chorus.testkit.MutableClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Runs the shell on a script, on in-memory ports, and keeps what it printed and stored. */
final class ShellHarness {
  final MutableClock clock = MutableClock.at("2026-11-02T09:00:00Z");
  final ShellTime time = new ShellTime(clock);
  final InMemoryStores stores = new InMemoryStores(time);
  final InMemoryQuestions questions = stores.questions();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  String run(String script) throws IOException {
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var renderer = new ShellRenderer(ZoneOffset.UTC);
    var chat = new ShellChat(out, renderer);
    var pseudonyms = new Pseudonyms(Conversation.TEST_SECRET);
    var chorus = new Chorus(stores.stores(), chat, pseudonyms, time, Settings.DEFAULTS, new Random(7));
    time.schedule(new RunSchedule(stores.stores(), ChannelMembers.UNKNOWN, chat, pseudonyms, time, Settings.DEFAULTS,
        RunSchedule.Timing.DEFAULTS, Observer.NONE));
    new Shell(chorus, chat, renderer, out, time).run(new BufferedReader(new StringReader(script)), false);
    return output();
  }

  String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  Question question(int number) {
    return questions.find(new CommunityId("local"), new QuestionId(number)).orElseThrow();
  }

  /** The output cut into turns: the prompt line with what the member typed, then everything it printed. */
  List<Turn> turns() {
    var turns = new ArrayList<Turn>();
    Turn current = null;
    for (var line : output().split("\n")) {
      var prompt = line.indexOf("> ");
      if (!line.startsWith(" ") && !line.startsWith("(") && !line.startsWith("[") && prompt > 0
          && line.substring(0, prompt).contains("@")) {
        current = new Turn(line.substring(0, line.indexOf('@')), line.substring(prompt + 2), new ArrayList<>(), new ArrayList<>());
        turns.add(current);
      } else if (current != null) {
        if (line.startsWith("(private)")) {
          current.privately().add(line.substring("(private)".length()).strip());
        } else {
          current.publicly().add(line);
        }
      }
    }
    return turns;
  }

  /** One member's line and what followed it, split into private and public output. */
  record Turn(String member, String typed, List<String> publicly, List<String> privately) {
    String privateText() {
      return String.join("\n", privately);
    }

    String publicText() {
      return String.join("\n", publicly);
    }
  }
}
