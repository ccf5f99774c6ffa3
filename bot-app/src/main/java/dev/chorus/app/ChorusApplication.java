package dev.chorus.app;

import dev.chorus.app.analyze.AnalyzeCommand;
import dev.chorus.app.bench.HistoryBench;
import dev.chorus.app.bench.VoteIngestionBench;
import dev.chorus.core.command.CommandCatalog;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** {@code java -jar chorus.jar <command>}: the entry point. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChorusApplication {

  static final String USAGE = String.join("\n",
      "Usage: java -jar chorus.jar <command>",
      "",
      "Commands:",
      "  shell   a local chat in this terminal: play members and try every " + CommandCatalog.SLASH_COMMAND + " command",
      "          (no token, no network; pipe a script in to replay a conversation)",
      "  analyze --polis <folder> [--json] [--report <file.html|file.pdf>]",
      "          Chorus's analysis of a Polis export, with its evaluation figures, and its report",
      "  run     the service: health and metrics on SERVER_PORT (default 8080), and the chat platforms",
      "          whose settings are present",
      "  bench-votes",
      "          votes per second through Chorus and Redis, beside a raw Redis SET loop",
      "  bench-history [--communities N] [--closed N] [--open N]",
      "          what a long history costs: a command, a schedule pass, memory (default 1,000",
      "          communities, 100,000 closed and 1,000 open questions)",
      "  help    this text");

  public static void main(String[] args) {
    var command = args.length == 0 ? "help" : args[0];
    switch (command) {
      case "shell" -> {
        exitIfRedisIsUnreachable();
        var app = new SpringApplication(ChorusApplication.class);
        // The shell is a terminal program: no web server, no port taken.
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setAdditionalProfiles("shell");
        var context = app.run(Arrays.copyOfRange(args, 1, args.length));
        System.exit(SpringApplication.exit(context));
      }
      case "run" -> {
        exitIfRedisIsUnreachable();
        var app = new SpringApplication(ChorusApplication.class);
        app.setAdditionalProfiles("run");
        app.run(Arrays.copyOfRange(args, 1, args.length));
      }
      case "bench-votes" -> {
        try {
          System.exit(VoteIngestionBench.run(List.of(args).subList(1, args.length), System.out));
        } catch (Exception e) {
          System.err.println("bench-votes: " + e.getMessage());
          System.exit(1);
        }
      }
      case "bench-history" -> {
        try {
          System.exit(HistoryBench.run(List.of(args).subList(1, args.length), System.out));
        } catch (Exception e) {
          System.err.println("bench-history: " + e.getMessage());
          System.exit(1);
        }
      }
      case "analyze" -> System.exit(AnalyzeCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
      case "help", "--help", "-h" -> System.out.println(USAGE);
      default -> {
        System.err.println("Unknown command \"" + command + "\".\n\n" + USAGE);
        System.exit(2);
      }
    }
  }

  /** One clear line, before anything starts, when Redis cannot be had: nobody answers at REDIS_URL, or the data folder is taken. */
  private static void exitIfRedisIsUnreachable() {
    var dataDir = System.getenv().getOrDefault("CHORUS_DATA_DIR", "./data");
    var problem = RedisPreflight.problem(System.getenv("REDIS_URL"), java.nio.file.Path.of(dataDir));
    if (problem != null) {
      System.err.println(problem);
      System.exit(1);
    }
  }
}
