package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.discord.DiscordIds;
import dev.chorus.slack.SlackIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each adapter owns its community-id prefix: written once, in its ids class, and used from there by the
 * wiring and the tests, so a platform's ids are never spelled two ways.
 */
class CommunityPrefixesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> MODULES = List.of("bot-app", "shell-adapter", "slack-adapter", "discord-adapter");
  private static final Pattern SPELLED_OUT = Pattern.compile("\"(slack|discord):");
  private static final Set<String> OWNERS = Set.of("SlackIds.java", "DiscordIds.java");

  @Test
  void eachPrefixIsWrittenOnlyInItsAdaptersIdsClass() throws IOException {
    var spelled = new ArrayList<String>();
    for (var module : MODULES) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src"))) {
        for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          if (OWNERS.contains(file.getFileName().toString())) {
            continue;
          }
          var lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            if (SPELLED_OUT.matcher(lines.get(i)).find()) {
              spelled.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(spelled).isEmpty();
  }

  @Test
  void eachAdapterKnowsItsOwnCommunitiesAndNoOthers() {
    var workspace = SlackIds.community("T1");
    var guild = DiscordIds.community(42L);

    assertThat(SlackIds.owns(workspace)).isTrue();
    assertThat(SlackIds.owns(guild)).isFalse();
    assertThat(DiscordIds.owns(guild)).isTrue();
    assertThat(DiscordIds.owns(workspace)).isFalse();
    assertThat(SlackIds.PREFIX).isNotEqualTo(DiscordIds.PREFIX);
  }
}
