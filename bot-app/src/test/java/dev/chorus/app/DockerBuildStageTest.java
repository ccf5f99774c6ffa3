package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorus.app.DockerBuildStage.Copy;
import dev.chorus.app.DockerBuildStage.Run;
import dev.chorus.app.DockerBuildStage.Workdir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a Dockerfile's build stage and laying out what its COPY lines copy, as Docker would. */
class DockerBuildStageTest {

  @Test
  void readsTheFirstStagesStepsInOrderAndWhatLaterStagesCopyOutOfIt() {
    var stage = DockerBuildStage.parse("""
        # syntax comment
        FROM eclipse-temurin:17-jdk AS build
        WORKDIR /src
        COPY --chown=1000:1000 mvnw pom.xml ./
        WORKDIR app
        COPY src \\
             src
        RUN --mount=type=cache,target=/root/.m2 ./mvnw -B \\
          package

        FROM eclipse-temurin:17-jre
        COPY --from=build --chown=app:app /src/app/target/app.jar /app/app.jar
        COPY --from=other /x /y
        COPY local.txt /app/
        RUN echo runtime only
        """);
    assertThat(stage.name()).isEqualTo("build");
    assertThat(stage.steps()).containsExactly(
        new Workdir("/src"),
        new Copy(List.of("mvnw", "pom.xml"), "/src/"),
        new Workdir("/src/app"),
        new Copy(List.of("src"), "/src/app/src"),
        new Run("./mvnw -B package", "/src/app"));
    assertThat(stage.outputs()).containsExactly("/src/app/target/app.jar");
  }

  @Test
  void refusesWhatTheReplayCannotFollowRatherThanDriftingFromTheRealBuild() {
    assertThatThrownBy(() -> DockerBuildStage.parse("FROM jdk AS build\nENV MAVEN_OPTS=-Xmx1g\n"))
        .hasMessageContaining("does not know ENV");
    assertThatThrownBy(() -> DockerBuildStage.parse("FROM jdk AS build\nCOPY --from=tools /bin/x /bin/x\n"))
        .hasMessageContaining("only from the context");
    assertThatThrownBy(() -> DockerBuildStage.parse("FROM jdk AS build\nCOPY [\"a\", \"b\"]\n"))
        .hasMessageContaining("plain form");
    assertThatThrownBy(() -> DockerBuildStage.parse("FROM jdk AS build\nRUN [\"./mvnw\", \"package\"]\n"))
        .hasMessageContaining("shell form");
  }

  @Test
  void aFolderGivesItsContentAFileGoesIntoAFolderOrBecomesTheDestinationAndIgnoredFilesStayOut(@TempDir Path context)
      throws Exception {
    for (var file : List.of("pom.xml", "mvnw", "core/pom.xml", "core/src/A.java", "core/target/A.class",
        "notes.txt")) {
      Files.createDirectories(context.resolve(file).getParent());
      Files.writeString(context.resolve(file), file);
    }
    var stage = DockerBuildStage.parse("""
        FROM jdk AS build
        WORKDIR /src
        COPY pom.xml mvnw ./
        COPY core core
        COPY notes.txt docs/README
        COPY /notes.txt .
        """);
    var files = stage.filesInImage(context, DockerIgnore.parse("**/target\n"));
    assertThat(files.keySet()).containsExactly("/src/core/pom.xml", "/src/core/src/A.java", "/src/docs/README",
        "/src/mvnw", "/src/notes.txt", "/src/pom.xml");
    assertThat(files.get("/src/docs/README")).isEqualTo(context.resolve("notes.txt"));

    var excluded = DockerBuildStage.parse("FROM jdk AS build\nCOPY core/target /t\n");
    assertThatThrownBy(() -> excluded.filesInImage(context, DockerIgnore.parse("**/target\n")))
        .hasMessageContaining("not in the build context");
  }

  @Test
  void copyIntoLaysTheFilesOutUnderTheImageRootKeepingTheExecutableBit(@TempDir Path temp) throws Exception {
    var context = Files.createDirectories(temp.resolve("context"));
    var wrapper = Files.writeString(context.resolve("mvnw"), "#!/bin/sh\n");
    wrapper.toFile().setExecutable(true);
    var image = temp.resolve("image");
    var stage = DockerBuildStage.parse("FROM jdk AS build\nWORKDIR /src\nCOPY . .\n");
    stage.copyInto(image, context, DockerIgnore.parse(""));
    assertThat(image.resolve("src/mvnw")).hasContent("#!/bin/sh").isExecutable();
  }
}
