package dev.chorus.app.operations;

import dev.chorus.app.platform.ChatPlatformModule;
import dev.chorus.core.logging.Failures;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar chorus.jar run}: the service. It serves health and metrics on {@code SERVER_PORT}
 * and starts every chat platform whose settings are present — saying plainly when none is — and
 * stops them on shutdown, in reverse order.
 */
@Component
@Profile("run")
class RunCommand implements ApplicationRunner, DisposableBean {
  private static final System.Logger LOG = System.getLogger(RunCommand.class.getName());
  private final List<ChatPlatformModule> platforms;
  private final List<ChatPlatformModule> started = new ArrayList<>();

  RunCommand(List<ChatPlatformModule> platforms) {
    this.platforms = List.copyOf(platforms);
  }

  @Override
  public void run(ApplicationArguments args) {
    // Warnings, so that they show at the default level operators run at.
    startConfigured().forEach(line -> LOG.log(Level.WARNING, line));
  }

  /** Starts each configured platform; what start-up says, one line each. */
  synchronized List<String> startConfigured() {
    var said = new ArrayList<String>();
    for (var platform : platforms) {
      if (platform.configured()) {
        platform.start();
        started.add(platform);
        said.add(platform.running());
      }
    }
    if (said.isEmpty()) {
      said.add("No chat platform is configured: set " + platforms.stream().map(ChatPlatformModule::howToConfigure)
          .collect(Collectors.joining(", or ")) + ". Serving health and metrics only.");
    }
    return said;
  }

  @Override
  public synchronized void destroy() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).stop();
      } catch (RuntimeException e) {
        // One platform that stops badly does not keep the others running.
        Failures.log(LOG, started.get(i).name() + " did not stop cleanly", e);
      }
    }
    started.clear();
  }
}
