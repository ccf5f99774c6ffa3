package dev.chorus.core.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a file Chorus hands to a member: a PDF or a PNG survives only as bytes, never as a
 * string. Immutable: it keeps its own copy and gives out copies.
 */
public final class FileContent {
  private final byte[] bytes;

  private FileContent(byte[] bytes) {
    this.bytes = bytes;
  }

  public static FileContent of(byte[] bytes) {
    return new FileContent(bytes.clone());
  }

  /** Text as UTF-8. */
  public static FileContent text(String text) {
    return new FileContent(text.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  /** The bytes read as UTF-8, for the text formats. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileContent file && Arrays.equals(bytes, file.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The size only: a file's content stays out of logs. */
  @Override
  public String toString() {
    return bytes.length + " bytes";
  }
}
