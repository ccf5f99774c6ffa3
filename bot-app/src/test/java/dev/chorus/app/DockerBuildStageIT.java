package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * There is no Docker on the build machines, so the image's build stage is replayed: its COPY lines put the
 * repository (less what {@code .dockerignore} keeps out) into a scratch folder standing for the image, and
 * its RUN lines run there through {@code /bin/sh -c}, offline against the local Maven repository.
 */
class DockerBuildStageIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

  @Test
  void theBuildStageBuildsWhatTheRuntimeStageCopiesFromIt() throws Exception {
    var stage = DockerBuildStage.parse(Files.readString(ROOT.resolve("deploy/Dockerfile")));
    assertThat(stage.runs()).as("the build stage runs a build").isNotEmpty();
    assertThat(stage.outputs()).as("the runtime stage copies something out of the build stage").isNotEmpty();
    var scratch = Files.createTempDirectory("chorus-image-build");
    try {
      var image = scratch.resolve("image");
      stage.copyInto(image, ROOT, DockerIgnore.read(ROOT));
      var log = scratch.resolve("build.log");
      var started = System.nanoTime();
      for (var run : stage.runs()) {
        var exitCode = runOffline(run, image, log);
        assertThat(exitCode).as("RUN %s in %s failed:%n%s", run.command(), run.workdir(), Files.readString(log))
            .isZero();
      }
      System.out.printf("DockerBuildStageIT: the build stage's RUN lines took %d s, reading %s%n",
          Duration.ofNanos(System.nanoTime() - started).toSeconds(), System.getProperty("maven.repo.local"));
      for (var output : stage.outputs()) {
        assertThat(DockerBuildStage.inside(image, output)).as("%s, which the runtime stage copies", output)
            .isRegularFile();
      }
    } finally {
      deleteRecursively(scratch);
    }
  }

  /** Runs one RUN line as Docker would, but offline; returns its exit code, its output going to {@code log}. */
  private static int runOffline(DockerBuildStage.Run run, Path image, Path log)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder("/bin/sh", "-c", run.command())
        .directory(DockerBuildStage.inside(image, run.workdir()).toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    var environment = builder.environment();
    // Nothing from the outer build may steer the nested one away from the scratch copy.
    environment.keySet().removeAll(List.of("MAVEN_ARGS", "MAVEN_BASEDIR", "MAVEN_CONFIG",
        "MAVEN_PROJECTBASEDIR", "MAVEN_CMD_LINE_ARGS"));
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    // Maven 3.9 adds MAVEN_ARGS to its command line: offline, and reading the repository this build reads.
    var localRepository = System.getProperty("maven.repo.local", "");
    assertThat(localRepository).as("MAVEN_ARGS is split at spaces").doesNotContainPattern("\\s");
    var repositoryArgument = localRepository.isBlank() ? "" : " -Dmaven.repo.local=" + localRepository;
    environment.put("MAVEN_ARGS", "-o -B -q" + repositoryArgument);
    var process = builder.start();
    if (!process.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      Files.writeString(log, "\n(stopped after " + BUILD_TIMEOUT.toMinutes() + " minutes)",
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return -1;
    }
    return process.exitValue();
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
