package dev.chorus.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark's runs, small: every vote cast through the real SDKs against the fakes is
 * stored and shown, and every event is acknowledged. What the benchmark prints rests on these.
 */
class LoadRunTest {

  @Test
  void slackVotesAreAllStoredShownAndAcknowledged() throws Exception {
    var run = SlackLoad.chorus(6, 2, Duration.ofSeconds(1), 3);
    assertThat(run.counted()).isEqualTo(12);
    assertThat(run.shown()).isEqualTo(run.due()).isEqualTo(14);
    assertThat(run.acknowledgements().count()).isEqualTo(12);
    assertThat(run.voteToTally().count()).isEqualTo(12);
    assertThat(SlackLoad.baseline(6, 2, Duration.ofSeconds(1), 3).count()).isEqualTo(12);
  }

  @Test
  void discordVotesAreAllStoredShownAndTheCommandsAcknowledged() throws Exception {
    var run = DiscordLoad.chorus(6, 2, Duration.ofSeconds(1), 3);
    assertThat(run.counted()).isEqualTo(12);
    assertThat(run.shown()).isEqualTo(run.due()).isEqualTo(14);
    // The first view's six votes came as commands.
    assertThat(run.acknowledgements().count()).isEqualTo(6);
    assertThat(run.acknowledgements().percentile(1.0)).isLessThan(Duration.ofSeconds(3));
    assertThat(DiscordLoad.baseline(6, 2, Duration.ofSeconds(1), 3).count()).isEqualTo(6);
  }
}
