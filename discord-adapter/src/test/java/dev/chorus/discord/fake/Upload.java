package dev.chorus.discord.fake;

import java.nio.charset.StandardCharsets;

/**
 * A file part of a multipart request.
 *
 * @param field form field name, e.g. {@code files[0]}
 * @param fileName the file name the client gave
 * @param bytes the file's content
 */
public record Upload(String field, String fileName, byte[] bytes) {

  public Upload {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content decoded as UTF-8, handy for text attachments. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Upload[" + field + ", " + fileName + ", " + bytes.length + " bytes]";
  }
}
