package dev.chorus.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorus.core.conversation.Effect;
import dev.chorus.core.message.FileContent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellFilesTest {
  @TempDir Path data;

  @Test
  void aBinaryFileIsWrittenByteForByteIntoTheExportsFolder() throws Exception {
    // Bytes that are not UTF-8: a string on the way would have turned them into replacement characters.
    var bytes = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 10};
    var files = new ShellFiles(data.resolve("exports"));

    var written = files.write(new Effect.Attachment("chorus-Q1.png", "image/png", FileContent.of(bytes)));

    assertThat(written).isEqualTo(data.resolve("exports").resolve("chorus-Q1.png").toAbsolutePath());
    assertThat(Files.readAllBytes(written)).isEqualTo(bytes);
    try (var left = Files.list(data.resolve("exports"))) {
      assertThat(left).as("no partial file is left behind").containsExactly(written);
    }
  }

  @Test
  void aFileNameCannotLeaveTheFolder() throws Exception {
    var files = new ShellFiles(data.resolve("exports"));

    var written = files.write(new Effect.Attachment("../../escaped.pdf", "application/pdf", FileContent.text("%PDF")));

    assertThat(written.getParent()).isEqualTo(data.resolve("exports").toAbsolutePath());
    assertThat(written.getFileName()).hasToString("escaped.pdf");
  }

  @Test
  void textIsPrintedAndPdfsAndPicturesAreNot() {
    assertThat(ShellFiles.printable("text/markdown; charset=utf-8")).isTrue();
    assertThat(ShellFiles.printable("application/json")).isTrue();
    assertThat(ShellFiles.printable("text/csv")).isTrue();
    assertThat(ShellFiles.printable("text/html; charset=utf-8")).isFalse();
    assertThat(ShellFiles.printable("application/pdf")).isFalse();
    assertThat(ShellFiles.printable("image/png")).isFalse();
  }
}
