package dev.chorus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The .dockerignore matcher follows Docker's rules, not .gitignore's, on the cases that differ or matter here. */
class DockerIgnoreTest {

  @Test
  void doubleStarCrossesAnyNumberOfFoldersEvenNone() {
    var ignore = DockerIgnore.parse("**/target\n");
    assertThat(ignore.excludes("target")).isTrue();
    assertThat(ignore.excludes("bot-app/target")).isTrue();
    assertThat(ignore.excludes("bot-app/target/classes/dev/chorus/App.class")).isTrue();
    assertThat(ignore.excludes("bot-app/src/main/java/targets/Aim.java")).isFalse();
    assertThat(ignore.excludes("bot-app/src/target.txt")).isFalse();
  }

  @Test
  void aPatternWithoutDoubleStarIsAnchoredAtTheContextRootAndStarStaysInOneFolder() {
    var ignore = DockerIgnore.parse("*.iml\ndata\n");
    assertThat(ignore.excludes("chorus.iml")).isTrue();
    assertThat(ignore.excludes("bot-app/bot-app.iml")).as("unlike .gitignore, no match below the root").isFalse();
    assertThat(ignore.excludes("data/chorus.rdb")).isTrue();
    assertThat(ignore.excludes("bot-app/data/chorus.rdb")).isFalse();
    assertThat(DockerIgnore.parse("*/data\n").excludes("bot-app/data/chorus.rdb")).isTrue();
  }

  @Test
  void theLastMatchingLineWinsSoAnExceptionCountsOnlyAfterWhatItExcepts() {
    assertThat(DockerIgnore.parse("*.md\n!README.md\n").excludes("README.md")).isFalse();
    assertThat(DockerIgnore.parse("*.md\n!README.md\n").excludes("NOTES.md")).isTrue();
    assertThat(DockerIgnore.parse("!README.md\n*.md\n").excludes("README.md")).isTrue();
    var folderWithOneFileBack = DockerIgnore.parse("examples\n!examples/polis/README.md\n");
    assertThat(folderWithOneFileBack.excludes("examples/polis/README.md")).isFalse();
    assertThat(folderWithOneFileBack.excludes("examples/polis/comments.csv")).isTrue();
    assertThat(folderWithOneFileBack.hasExceptions()).isTrue();
  }

  @Test
  void leadingAndTrailingSlashesDotsAndDoubledSlashesAreCleanedAway() {
    var ignore = DockerIgnore.parse("/data/\n./examples//polis/\nsecrets/../.env\n");
    assertThat(ignore.rules()).extracting(DockerIgnore.Rule::pattern).containsExactly("data", "examples/polis", ".env");
    assertThat(ignore.excludes("data/chorus.rdb")).isTrue();
    assertThat(ignore.excludes("examples/polis/a/comments.csv")).isTrue();
    assertThat(ignore.excludes("examples/joint-response.txt")).isFalse();
    assertThat(ignore.excludes(".env")).isTrue();
  }

  @Test
  void commentsAndBlankLinesAreNoPatternsAndAFolderCoversEverythingInside() {
    var ignore = DockerIgnore.parse("# .git is a folder in a clone and a file in a worktree\n\n   \n.git\n");
    assertThat(ignore.rules()).hasSize(1);
    assertThat(ignore.excludes(".git")).isTrue();
    assertThat(ignore.excludes(".git/refs/heads/main")).isTrue();
    assertThat(ignore.excludes(".gitignore")).isFalse();
    assertThat(ignore.excludes("# .git is a folder in a clone and a file in a worktree")).isFalse();
  }

  @Test
  void questionMarkAndClassesMatchOneCharacterButNeverASlash() {
    var ignore = DockerIgnore.parse("log?.txt\nkey[0-9].pem\nrun[^a].sh\n");
    assertThat(ignore.excludes("log1.txt")).isTrue();
    assertThat(ignore.excludes("log12.txt")).isFalse();
    assertThat(ignore.excludes("log/.txt")).isFalse();
    assertThat(ignore.excludes("key7.pem")).isTrue();
    assertThat(ignore.excludes("keyx.pem")).isFalse();
    assertThat(ignore.excludes("runb.sh")).isTrue();
    assertThat(ignore.excludes("runa.sh")).isFalse();
    assertThat(ignore.excludes("run/.sh")).isFalse();
    assertThat(DockerIgnore.parse("a.b\n").excludes("axb")).as("a dot is a dot").isFalse();
  }
}
