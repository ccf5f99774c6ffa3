package dev.chorus.benchmarks.load;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/** Points the baseline's JDA at the fake's gateway, as Chorus's Discord adapter does for a gateway of its own. */
final class FakeGatewaySession extends SessionControllerAdapter {
  private final String url;

  FakeGatewaySession(String url) {
    this.url = url;
  }

  @Override
  public String getGateway() {
    return url;
  }

  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    var asked = super.getShardedGateway(api);
    return new ShardedGateway(url, asked.getShardTotal(), asked.getConcurrency());
  }
}
