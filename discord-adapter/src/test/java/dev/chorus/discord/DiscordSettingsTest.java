package dev.chorus.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
  @Test
  void shardIdsAreReadAsListsAndRanges() {
    assertThat(DiscordSettings.parseShardIds("0,1")).containsExactly(0, 1);
    assertThat(DiscordSettings.parseShardIds("0-3")).containsExactly(0, 1, 2, 3);
    assertThat(DiscordSettings.parseShardIds(" 4, 0-2 ")).containsExactly(0, 1, 2, 4);
    assertThat(DiscordSettings.parseShardIds("")).isEmpty();
  }

  @Test
  void badShardSettingsNameTheVariable() {
    assertThatThrownBy(() -> DiscordSettings.parseShardIds("one")).hasMessageContaining("DISCORD_SHARD_IDS");
    assertThatThrownBy(() -> new DiscordSettings("t", DiscordSettings.DEFAULT_API_URL, null, List.of(), 2, List.of(2), null))
        .hasMessageContaining("DISCORD_SHARDS_TOTAL");
  }

  @Test
  void aReplicaWithoutNamedShardsRunsThemAll() {
    assertThat(new DiscordSettings("t", DiscordSettings.DEFAULT_API_URL, null, List.of(), 3, List.of(), null).shards())
        .containsExactly(0, 1, 2);
  }

  @Test
  void theTokenNeverShows() {
    var settings = DiscordSettings.of("secret-token-value");
    assertThat(settings.toString()).doesNotContain("secret-token-value").contains("hidden");
  }
}
