package dev.chorus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.community.Actor;
import dev.chorus.core.community.CommunityId;
import dev.chorus.core.conversation.Effect;
import dev.chorus.core.question.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Nothing crosses between communities, the tenants Chorus serves side by side (docs/architecture.md).
 * Two seeded scripts of members talking to Chorus, each played in its own community on fresh ports,
 * then both interleaved on shared ports, where their question ids (Q1 …), member ids (the same names)
 * and message numbers all collide: each community must end exactly as it does alone, and must answer
 * its members exactly as it does alone.
 */
class CommunityIsolationTest {
  /** Fixed; -Dchorus.isolation.seed=N replays other scripts. */
  private static final long SEED = Long.getLong("chorus.isolation.seed", 20261128L);
  private static final int ACTIONS = 300;
  private static final CommunityId B = new CommunityId("B");
  private static final List<String> MEMBERS = List.of("alice", "bob", "carol", "dave", "erin");
  private static final String FACILITATOR = "fran";
  private static final String[] CHANNELS = {"general", "policy"};
  private static final String[] WORDS = {
      "we", "need", "a", "transition", "period", "the", "data", "policy", "is", "too", "strict", "members",
      "should", "decide", "together", "small", "groups", "lose", "access", "fund", "training", "first", "later",
      "source", "tools", "matter", "privacy", "risk", "questions", "time", "budget", "rooms", "jobs", "ministry"};
  private static final String[] EMOJI = {
      "👍", "👎", "🤷", "✅", "❌", "✋", "+1", "-1", "thumbsup", "+1::skin-tone-3", "shrug", "man-shrugging",
      "white_check_mark", "x", "raised_hand", "🎉", "heart", ":+1:", "👍🏽"};
  private static final String[] BUTTONS = {"Agree", "Disagree", "Pass", "Abstain", "Block"};

  private enum Act { SAY, REACT, UNREACT, PRESS, FORM }

  /** One thing a member does; the same script can be played in any community. */
  private record Step(Act act, String member, String channel, String text, int message) {
    @Override
    public String toString() {
      return member + " in " + channel + ": " + (act == Act.SAY || act == Act.FORM ? act + " " + text
          : act + " " + text + " on message " + message);
    }
  }

  /** What one community did and said, in order. */
  private record Run(List<Step> steps, List<List<Effect.Private>> answers, List<String> texts) {}

  @Test
  void eachCommunityEndsTheSameOnSharedPortsAsAlone() {
    var scriptA = script(new Random(SEED), ACTIONS);
    var scriptB = script(new Random(SEED + 1), ACTIONS);

    var aloneA = prepare(Conversation.start());
    var a = aloneA.community();
    var aloneB = prepare(Conversation.in(B));
    var runAloneA = new Run(scriptA, new ArrayList<>(), new ArrayList<>());
    var runAloneB = new Run(scriptB, new ArrayList<>(), new ArrayList<>());
    for (var step : scriptA) {
      play(aloneA, step, runAloneA);
    }
    for (var step : scriptB) {
      play(aloneB, step, runAloneB);
    }

    var sharedA = prepare(Conversation.start());
    var sharedB = prepare(sharedA.neighbour(B));
    var runSharedA = new Run(scriptA, new ArrayList<>(), new ArrayList<>());
    var runSharedB = new Run(scriptB, new ArrayList<>(), new ArrayList<>());
    var mix = new Random(SEED + 2);
    int nextA = 0;
    int nextB = 0;
    while (nextA < scriptA.size() || nextB < scriptB.size()) {
      int leftA = scriptA.size() - nextA;
      int leftB = scriptB.size() - nextB;
      if (mix.nextInt(leftA + leftB) < leftA) {
        play(sharedA, scriptA.get(nextA++), runSharedA);
      } else {
        play(sharedB, scriptB.get(nextB++), runSharedB);
      }
    }

    // The scripts do real work, and the two communities really collide on the shared ports.
    for (var alone : List.of(aloneA, aloneB)) {
      var run = alone == aloneA ? runAloneA : runAloneB;
      var questions = alone.questions().snapshot(alone.community());
      long accepted = run.texts().stream().filter(t -> !t.contains("Try: ") && !t.isEmpty()).count();
      assertThat(questions.size()).as("seed %d: questions opened in %s", SEED, alone.community()).isGreaterThanOrEqualTo(4);
      assertThat(questions.values().stream().mapToInt(q -> q.statements().size()).sum())
          .as("seed %d: views and amendments in %s", SEED, alone.community()).isGreaterThanOrEqualTo(20);
      assertThat(questions.values().stream().mapToInt(q -> q.drafts().size()).sum())
          .as("seed %d: drafts in %s", SEED, alone.community()).isGreaterThanOrEqualTo(2);
      assertThat(questions.values().stream().mapToInt(q -> q.statements().stream().mapToInt(st -> st.votes().size()).sum()
          + q.drafts().stream().mapToInt(d -> d.ballots().size()).sum()).sum())
          .as("seed %d: votes in %s", SEED, alone.community()).isGreaterThanOrEqualTo(5);
      assertThat(accepted).as("seed %d: accepted actions in %s", SEED, alone.community()).isGreaterThanOrEqualTo(ACTIONS / 4);
      assertThat(alone.chat().messages(alone.community()).size()).as("seed %d: messages in %s", SEED, alone.community())
          .isGreaterThanOrEqualTo(30);
      System.out.println("seed " + SEED + ": " + alone.community() + " alone: " + questions.size() + " questions, "
          + questions.values().stream().mapToInt(q -> q.statements().size()).sum() + " views and amendments, "
          + questions.values().stream().mapToInt(q -> q.statements().stream().mapToInt(st -> st.votes().size()).sum()).sum()
          + " statement votes, " + questions.values().stream().mapToInt(q -> q.drafts().size()).sum() + " drafts, "
          + alone.chat().messages(alone.community()).size() + " messages, " + accepted + " of " + run.texts().size()
          + " actions answered without a refusal");
    }
    assertThat(titles(aloneA, a)).as("the two scripts differ").isNotEqualTo(titles(aloneB, B));

    var differences = new ArrayList<String>();
    compare(a, aloneA, runAloneA, sharedA, runSharedA, differences);
    compare(B, aloneB, runAloneB, sharedB, runSharedB, differences);
    assertThat(differences).as("seed %d: what differs on shared ports from the community alone", SEED).isEmpty();

    aQuestionIdOfOneCommunityMeansNothingInTheOther(sharedA, sharedB);
  }

  /** A command in B naming a question that exists only in A is refused, and changes nothing anywhere. */
  private void aQuestionIdOfOneCommunityMeansNothingInTheOther(Conversation sharedA, Conversation sharedB) {
    var fran = sharedA.facilitator(FACILITATOR);
    sharedA.inChannel("general");
    while (sharedA.questions().lastNumber(sharedA.community()) <= sharedB.questions().lastNumber(B)) {
      var opened = sharedA.say(fran, "/respond open One more question only A has");
      assertThat(opened.refused()).as(opened.text()).isFalse();
    }
    var onlyInA = sharedA.questions().inCommunity(sharedA.community()).stream()
        .filter(q -> sharedB.questions().find(B, q.id()).isEmpty()).limit(3).toList();
    assertThat(onlyInA).isNotEmpty();
    var commands = List.of("", "status", "view From the wrong community", "A bare view", "vote V1 agree",
        "vote v1 agree", "close", "reopen", "export", "export json", "edit --title Taken over", "hide V1 spam",
        "draft A draft from elsewhere", "amend Change it", "reason Because", "forget");
    var bFran = sharedB.facilitator(FACILITATOR);
    var bAlice = sharedB.member("alice");
    for (var q : onlyInA) {
      for (var command : commands) {
        for (var who : List.of(bAlice, bFran)) {
          // In the channel the question has in A, so only the community tells them apart.
          sharedB.inChannel(q.channel().value());
          var before = everything(sharedA, sharedB);
          var line = ("/respond #" + q.id() + " " + command).strip();
          var answer = sharedB.say(who, line);
          assertThat(answer.refused()).as("seed %d: %s in B by %s, answered %s", SEED, line, who.displayName(), answer.text())
              .isTrue();
          assertThat(answer.text()).as("seed %d: %s in B", SEED, line).contains("There is no " + q.id());
          assertThat(everything(sharedA, sharedB)).as("seed %d: state after %s in B", SEED, line).isEqualTo(before);
        }
      }
    }
    // A reaction on a message number that only the other community has: nothing to count, nothing changes.
    int messagesA = sharedA.chat().messages(sharedA.community()).size();
    int messagesB = sharedB.chat().messages(B).size();
    var reacting = messagesA > messagesB ? sharedB : sharedA;
    int from = Math.min(messagesA, messagesB) + 1;
    int to = Math.min(Math.max(messagesA, messagesB), from + 20);
    assertThat(to).as("seed %d: the communities have different numbers of messages", SEED).isGreaterThanOrEqualTo(from);
    for (int n = from; n <= to; n++) {
      var before = everything(sharedA, sharedB);
      var answer = reacting.react(reacting.member("alice"), n, "👍");
      assertThat(answer.refused()).as("reaction on message %d in %s", n, reacting.community()).isFalse();
      assertThat(everything(sharedA, sharedB)).as("seed %d: state after a reaction on message %d in %s", SEED, n,
          reacting.community()).isEqualTo(before);
    }
  }

  private static List<Object> everything(Conversation a, Conversation b) {
    var out = new ArrayList<Object>();
    for (var c : List.of(a, b)) {
      out.add(c.questions().snapshot(c.community()));
      out.add(c.links().snapshot(c.community()));
      out.add(c.chat().transcript(c.community()));
    }
    return out;
  }

  // ---------------------------------------------------------------- comparing

  private static void compare(CommunityId community, Conversation alone, Run aloneRun, Conversation shared, Run sharedRun,
      List<String> differences) {
    var was = alone.questions().snapshot(community);
    var now = shared.questions().snapshot(community);
    if (!was.equals(now)) {
      var keys = new TreeSet<Integer>(was.keySet());
      keys.addAll(now.keySet());
      var differing = keys.stream().filter(key -> !Objects.equals(was.get(key), now.get(key))).toList();
      for (var key : differing.subList(0, Math.min(3, differing.size()))) {
        differences.add(community + ": stored Q" + key + " differs (" + differing.size() + " questions differ):\n  alone:  "
            + cut(was.get(key)) + "\n  shared: " + cut(now.get(key)));
      }
    }
    var transcriptAlone = alone.chat().transcript(community);
    var transcriptShared = shared.chat().transcript(community);
    firstDifference(community + ": transcript", transcriptAlone, transcriptShared, differences);
    firstDifference(community + ": posted messages", alone.chat().messages(community), shared.chat().messages(community),
        differences);
    Map<String, ?> linksAlone = alone.links().snapshot(community);
    Map<String, ?> linksShared = shared.links().snapshot(community);
    if (!linksAlone.equals(linksShared)) {
      var keys = new TreeSet<String>(linksAlone.keySet());
      keys.addAll(linksShared.keySet());
      for (var key : keys) {
        if (!Objects.equals(linksAlone.get(key), linksShared.get(key))) {
          differences.add(community + ": message " + key + " links to " + linksShared.get(key) + " instead of "
              + linksAlone.get(key));
        }
      }
    }
    for (int i = 0; i < Math.max(aloneRun.answers().size(), sharedRun.answers().size()); i++) {
      var one = i < aloneRun.answers().size() ? aloneRun.answers().get(i) : null;
      var other = i < sharedRun.answers().size() ? sharedRun.answers().get(i) : null;
      if (!Objects.equals(one, other)) {
        differences.add(community + ": answer to step " + i + " (" + aloneRun.steps().get(i) + ") differs:\n  alone:  "
            + aloneRun.texts().get(i) + "\n  shared: " + (i < sharedRun.texts().size() ? sharedRun.texts().get(i) : "none"));
        break;
      }
    }
  }

  private static <T> void firstDifference(String what, List<T> alone, List<T> shared, List<String> differences) {
    for (int i = 0; i < Math.max(alone.size(), shared.size()); i++) {
      var one = i < alone.size() ? alone.get(i) : null;
      var other = i < shared.size() ? shared.get(i) : null;
      if (!Objects.equals(one, other)) {
        differences.add(what + " differs first at message " + (i + 1) + " (" + alone.size() + " alone, " + shared.size()
            + " shared):\n  alone:  " + cut(one) + "\n  shared: " + cut(other));
        return;
      }
    }
  }

  private static String cut(Object value) {
    var text = String.valueOf(value);
    return text.length() <= 800 ? text : text.substring(0, 800) + "…";
  }

  private static List<String> titles(Conversation c, CommunityId community) {
    return c.questions().snapshot(community).values().stream().map(Question::title).toList();
  }

  // ---------------------------------------------------------------- playing

  private static Conversation prepare(Conversation c) {
    c.facilitator(FACILITATOR);
    for (var name : MEMBERS) {
      c.member(name);
    }
    return c;
  }

  private static void play(Conversation c, Step step, Run run) {
    c.inChannel(step.channel());
    Actor who = c.member(step.member());
    var privates = new ArrayList<Effect.Private>();
    var text = new StringBuilder();
    switch (step.act()) {
      case SAY: {
        var answer = c.say(who, step.text());
        privates.addAll(answer.privates());
        text.append(answer.text());
        break;
      }
      case REACT: {
        var answer = c.react(who, step.message(), step.text());
        privates.addAll(answer.privates());
        text.append(answer.text());
        break;
      }
      case UNREACT: {
        var answer = c.unreact(who, step.message(), step.text());
        privates.addAll(answer.privates());
        text.append(answer.text());
        break;
      }
      case PRESS: {
        // Only a button the message shows can be pressed; the same in every run of the script.
        var posted = c.chat().find(c.community(), step.message());
        boolean has = posted.isPresent()
            && posted.get().card().buttons().stream().anyMatch(b -> b.label().equalsIgnoreCase(step.text()));
        if (has) {
          var answer = c.press(who, step.message(), step.text());
          privates.addAll(answer.privates());
          text.append(answer.text());
        } else {
          text.append("(no such button)");
        }
        break;
      }
      default: {
        var offered = c.say(who, "/respond");
        privates.addAll(offered.privates());
        text.append(offered.text());
        var form = offered.form();
        if (form.isPresent()) {
          var answer = c.submit(who, form.get(), step.text());
          privates.addAll(answer.privates());
          text.append(" | ").append(answer.text());
        }
        break;
      }
    }
    assertThat(text.toString()).as("seed %d: %s in %s", SEED, step, c.community())
        .doesNotContain("Something went wrong").doesNotContain("could not save");
    run.answers().add(privates);
    run.texts().add(text.toString());
  }

  // ---------------------------------------------------------------- the scripts

  /** What the generator believes about a question; it need not be exact, only plausible. */
  private static final class Planned {
    final int number;
    final String channel;
    final String opener;
    int statements;
    int drafts;
    boolean open = true;

    Planned(int number, String channel, String opener) {
      this.number = number;
      this.channel = channel;
      this.opener = opener;
    }
  }

  private static List<Step> script(Random random, int actions) {
    var steps = new ArrayList<Step>();
    var questions = new ArrayList<Planned>();
    int messages = 0;
    while (steps.size() < actions) {
      int roll = random.nextInt(100);
      var member = MEMBERS.get(random.nextInt(MEMBERS.size()));
      if (questions.isEmpty() || roll < 4) {
        var channel = CHANNELS[random.nextInt(CHANNELS.length)];
        var title = capitalised(sentence(random, 3 + random.nextInt(5)));
        var options = (random.nextInt(4) == 0 ? " --anonymous" : "") + (random.nextInt(3) == 0 ? " --deadline 7d" : "")
            + (random.nextInt(4) == 0 ? " --context " + sentence(random, 8) : "")
            + (random.nextInt(5) == 0 ? " --for the Ministry" : "");
        steps.add(new Step(Act.SAY, member, channel, "/respond open " + title + options, 0));
        questions.add(new Planned(questions.size() + 1, channel, member));
        messages++;
        continue;
      }
      // Mostly the newer questions, as members would.
      var q = questions.get(Math.max(0, questions.size() - 1 - random.nextInt(Math.min(3, questions.size()))));
      if (!q.open && random.nextInt(5) != 0) {
        for (int i = questions.size() - 1; i >= 0; i--) {
          if (questions.get(i).open) {
            q = questions.get(i);
            break;
          }
        }
      }
      var channel = random.nextInt(12) == 0 ? CHANNELS[random.nextInt(CHANNELS.length)] : q.channel;
      var named = random.nextInt(10) == 0 ? "/respond " : "/respond #Q" + q.number + " ";
      var facilitator = random.nextInt(3) == 0 ? FACILITATOR : q.opener;
      // Reactions and buttons mostly on recent messages, where the views and drafts are.
      int recent = Math.max(1, messages - random.nextInt(Math.min(messages, 12) + 1) + (random.nextInt(8) == 0 ? 2 : 0));
      if (roll < 30) {
        steps.add(new Step(Act.SAY, member, channel, named + (random.nextInt(5) == 0 ? "view " : "")
            + capitalised(sentence(random, 4 + random.nextInt(10))), 0));
        q.statements++;
        messages++;
      } else if (roll < 44) {
        steps.add(new Step(Act.SAY, member, channel, named + "vote V" + (1 + random.nextInt(Math.max(1, q.statements)))
            + " " + pick(random, "agree", "disagree", "pass", "agree"), 0));
      } else if (roll < 51) {
        steps.add(new Step(Act.SAY, member, channel, named + "vote v" + (1 + random.nextInt(Math.max(1, q.drafts)))
            + " " + pick(random, "agree", "abstain", "disagree", "block", "agree"), 0));
      } else if (roll < 65) {
        steps.add(new Step(Act.REACT, member, channel, EMOJI[random.nextInt(EMOJI.length)], recent));
      } else if (roll < 68) {
        steps.add(new Step(Act.UNREACT, member, channel, EMOJI[random.nextInt(EMOJI.length)], recent));
      } else if (roll < 71) {
        steps.add(new Step(Act.PRESS, member, channel, BUTTONS[random.nextInt(BUTTONS.length)], recent));
      } else if (roll < 76) {
        steps.add(new Step(Act.SAY, facilitator, channel, named + "draft " + capitalised(sentence(random, 12)), 0));
        q.drafts++;
        messages += 2;
      } else if (roll < 81) {
        steps.add(new Step(Act.SAY, member, channel, named + "amend " + capitalised(sentence(random, 6)), 0));
        q.statements++;
        messages++;
      } else if (roll < 83) {
        steps.add(new Step(Act.SAY, member, channel, named + "reason " + capitalised(sentence(random, 6)), 0));
      } else if (roll < 85) {
        steps.add(new Step(Act.SAY, facilitator, channel, named + (q.open ? "close" : "reopen"), 0));
        q.open = !q.open;
        messages++;
      } else if (roll < 88) {
        var change = pick(random, "--title " + capitalised(sentence(random, 4)), "--context " + sentence(random, 7),
            "--deadline 5d", "--deadline none", "--for the Council");
        steps.add(new Step(Act.SAY, facilitator, channel, named + "edit " + change, 0));
        messages++;
      } else if (roll < 90) {
        steps.add(new Step(Act.SAY, member, channel, random.nextInt(6) == 0 ? "/respond forget me" : named + "forget", 0));
      } else if (roll < 93) {
        steps.add(new Step(Act.SAY, member, channel, named + "export " + pick(random, "markdown", "json", "csv", ""), 0));
      } else if (roll < 97) {
        steps.add(new Step(Act.SAY, member, channel, pick(random, named + "status", "/respond list", "/respond list all",
            "/respond help"), 0));
      } else if (roll < 98) {
        steps.add(new Step(Act.SAY, facilitator, channel, named + "hide V" + (1 + random.nextInt(Math.max(1, q.statements)))
            + " Off topic", 0));
      } else {
        steps.add(new Step(Act.FORM, member, channel, capitalised(sentence(random, 7)), 0));
        messages++;
      }
    }
    return steps;
  }

  private static String sentence(Random random, int words) {
    var out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String pick(Random random, String... from) {
    return from[random.nextInt(from.length)];
  }
}
