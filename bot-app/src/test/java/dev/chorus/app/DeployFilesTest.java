package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * There is no Docker on the build machines, so the image and compose file are checked by reading
 * them: what they build on, what the build gets, who runs, how health is checked, what Redis keeps,
 * which settings pass. DockerBuildStageIT runs the image's build stage.
 */
class DeployFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path DEPLOY = ROOT.resolve("deploy");

  @Test
  void theImageBuildsWithTheWrapperAndRunsOnAJre17AsANonRootUserWithAHealthCheck() throws Exception {
    var dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    var stages = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();
    assertThat(stages).as("a build stage and a runtime stage").hasSize(2);
    assertThat(stages.get(0)).startsWith("eclipse-temurin:17-jdk");
    assertThat(stages.get(1)).isEqualTo("eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("./mvnw").contains("COPY --from=build");
    var runtime = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
    var user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
    assertThat(user.find()).as("the runtime stage names a user").isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
    assertThat(runtime).containsPattern("(?m)^HEALTHCHECK .*\\n?.*CMD .*/actuator/health/readiness");
    assertThat(runtime).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/chorus.jar\"]").contains("CMD [\"run\"]");
  }

  @Test
  void everyModuleOfTheRootPomReachesTheImagesBuildStage() throws Exception {
    var stage = DockerBuildStage.parse(Files.readString(DEPLOY.resolve("Dockerfile")));
    var files = stage.filesInImage(ROOT, DockerIgnore.read(ROOT)).keySet();
    var build = stage.runs().get(0).workdir();
    assertThat(files).contains(build + "/pom.xml", build + "/mvnw", build + "/.mvn/wrapper/maven-wrapper.properties");
    var modules = modules(ROOT.resolve("pom.xml"));
    assertThat(modules).isNotEmpty();
    for (var module : modules) {
      try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src"))) {
        var missing = Stream.concat(Stream.of(ROOT.resolve(module).resolve("pom.xml")), sources)
            .filter(Files::isRegularFile)
            .map(file -> build + "/" + ROOT.relativize(file).toString().replace('\\', '/'))
            .filter(file -> !files.contains(file)).toList();
        assertThat(missing).as("files of module %s the build stage does not get", module).isEmpty();
      }
    }
    assertThat(DEPLOY.resolve("Dockerfile.dockerignore")).as("it would take the place of the root .dockerignore")
        .doesNotExist();
  }

  @Test
  void noBuildOutputVersionControlLocalDataOrSecretReachesTheImagesBuildStage() throws Exception {
    var ignore = DockerIgnore.read(ROOT);
    for (var path : List.of("bot-app/target/chorus.jar", "target/classes/A.class", ".git", ".git/HEAD",
        "data/chorus.rdb", "bot-app/data/appendonlydir/chorus.aof", "deploy/.env", ".env.local", ".idea/workspace.xml",
        "bot-app/bot-app.iml", "deploy/tls/chorus.key", "chorus.p12")) {
      assertThat(ignore.excludes(path)).as(path).isTrue();
    }
    var stage = DockerBuildStage.parse(Files.readString(DEPLOY.resolve("Dockerfile")));
    assertThat(stage.filesInImage(ROOT, ignore).values()).map(ROOT::relativize).map(Path::toString)
        .noneMatch(path -> path.matches("(.*/)?(target|\\.git)(/.*)?"));
  }

  /** The root pom's modules, profiles' included. */
  private static List<String> modules(Path pom) throws Exception {
    var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    var elements = document.getElementsByTagName("module");
    return java.util.stream.IntStream.range(0, elements.getLength())
        .mapToObj(i -> elements.item(i).getTextContent().strip()).toList();
  }

  @Test
  void composeRunsRedisWithAnAppendOnlyFileOnANamedVolumeAndPassesTheSettings() throws Exception {
    var compose = Files.readString(DEPLOY.resolve("compose.yaml"));
    assertThat(compose).contains("\"--appendonly\", \"yes\"").contains("\"--appendfsync\", \"everysec\"");
    assertThat(compose).contains("redis-data:/data").containsPattern("(?m)^volumes:\\n  redis-data:");
    assertThat(compose).contains("test: [\"CMD\", \"redis-cli\", \"ping\"]").contains("condition: service_healthy");
    assertThat(compose).contains("REDIS_URL: redis://redis:6379")
        .contains("CHORUS_SECRET: ${CHORUS_SECRET:?");
    for (var variable : List.of("CHORUS_FACILITATOR_ROLE", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
        "DISCORD_TOKEN", "DISCORD_GUILD_IDS", "SERVER_PORT")) {
      assertThat(compose).as(variable).contains(variable + ":");
    }
    assertThat(compose).as("secrets come from the environment, never written here")
        .doesNotContainPattern("(?i)(token|secret): ['\"]?[A-Za-z0-9]{8,}");
  }

  @Test
  void theReadmeDocumentsEverySettingOfDesignSection11() throws Exception {
    var readme = Files.readString(Path.of("..", "README.md"));
    for (var variable : List.of("REDIS_URL", "CHORUS_DATA_DIR", "CHORUS_SECRET", "CHORUS_FACILITATOR_ROLE",
        "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "CHORUS_SLACK_API_URL", "DISCORD_TOKEN",
        "DISCORD_GUILD_IDS", "DISCORD_SHARDS_TOTAL", "DISCORD_SHARD_IDS", "CHORUS_DISCORD_API_URL",
        "CHORUS_DISCORD_GATEWAY_URL", "SERVER_PORT", "CHORUS_RECONCILE_INTERVAL", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET",
        "CHORUS_PUBLIC_URL", "CHORUS_UNINSTALL_GRACE")) {
      assertThat(readme).as(variable).contains("`" + variable + "`");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSlackManifestIsValidYamlAskingForExactlyTheScopesTheCodeUses() throws Exception {
    var manifest = (java.util.Map<String, Object>) new org.yaml.snakeyaml.Yaml()
        .load(Files.readString(Path.of("..", "deploy", "slack", "manifest.yaml")));
    var oauth = (java.util.Map<String, Object>) manifest.get("oauth_config");
    var scopes = (List<String>) ((java.util.Map<String, Object>) oauth.get("scopes")).get("bot");
    assertThat((List<String>) oauth.get("redirect_urls")).singleElement().asString()
        .endsWith(dev.chorus.slack.SlackOAuth.REDIRECT_PATH);
    assertThat(new java.util.TreeSet<>(scopes)).isEqualTo(dev.chorus.slack.SlackScopes.all());
    var features = (java.util.Map<String, Object>) manifest.get("features");
    var commands = (List<java.util.Map<String, Object>>) features.get("slash_commands");
    assertThat(commands).extracting(c -> c.get("command")).containsExactly("/respond");
    var shortcuts = (List<java.util.Map<String, Object>>) features.get("shortcuts");
    assertThat(shortcuts).extracting(s -> s.get("callback_id") + " " + s.get("type") + " " + s.get("name"))
        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(dev.chorus.core.conversation.Inbound.Shortcut.values())
            .map(s -> dev.chorus.slack.SlackShortcuts.callbackId(s) + " message " + dev.chorus.slack.SlackShortcuts.name(s))
            .toList());
    var settings = (java.util.Map<String, Object>) manifest.get("settings");
    var events = (java.util.Map<String, Object>) settings.get("event_subscriptions");
    assertThat((List<String>) events.get("bot_events")).containsExactlyInAnyOrder("reaction_added", "reaction_removed",
        "app_uninstalled", "tokens_revoked", "app_home_opened");
    assertThat((java.util.Map<String, Object>) features.get("app_home")).containsEntry("home_tab_enabled", true);
    assertThat(dev.chorus.slack.SlackScopes.BY_EVENT.keySet()).containsAll((List<String>) events.get("bot_events"));
    var interactivity = (java.util.Map<String, Object>) settings.get("interactivity");
    assertThat(List.of(commands.get(0).get("url"), events.get("request_url"), interactivity.get("request_url")))
        .allMatch(url -> String.valueOf(url).endsWith("/slack/events"));
  }
}
