package dev.chorus.app.operations;

import dev.chorus.app.SettingValues;
import java.lang.System.Logger.Level;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar chorus.jar run}: the service. It serves health and metrics on {@code SERVER_PORT}
 * and starts every chat platform whose settings are present — saying plainly when none is.
 */
@Component
@Profile("run")
class RunCommand implements ApplicationRunner {
  private static final System.Logger LOG = System.getLogger(RunCommand.class.getName());
  private final Environment environment;

  RunCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    var slack = present("SLACK_BOT_TOKEN");
    var discord = present("DISCORD_TOKEN");
    if (!slack && !discord) {
      LOG.log(Level.WARNING, "No chat platform is configured: set SLACK_BOT_TOKEN (with SLACK_APP_TOKEN or "
          + "SLACK_SIGNING_SECRET) for Slack, or DISCORD_TOKEN for Discord. Serving health and metrics only.");
      return;
    }
    if (slack) {
      LOG.log(Level.WARNING, present("SLACK_APP_TOKEN") ? "Slack is on, in Socket Mode."
          : "Slack is on: Slack's requests are taken at POST /slack/events (HTTP mode).");
    }
    if (discord) {
      LOG.log(Level.WARNING, "Discord is on: its shards connect to the gateway.");
    }
  }

  private boolean present(String name) {
    return SettingValues.present(environment.getProperty(name)) != null;
  }
}
