package dev.chorus.discord.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A minimal {@code multipart/form-data} reader, enough for the bodies JDA sends: a {@code
 * payload_json} part plus {@code files[n]} parts.
 *
 * @param payloadJson the {@code payload_json} part, or {@code null} if there was none
 * @param files the parts that carried a file name
 */
record MultipartBody(@Nullable String payloadJson, List<Upload> files) {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  MultipartBody {
    files = List.copyOf(files);
  }

  static boolean isMultipart(@Nullable String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** Splits {@code body} at the boundary named in {@code contentType}. */
  static MultipartBody parse(String contentType, byte[] body) {
    Matcher boundaryMatch = BOUNDARY.matcher(contentType);
    if (!boundaryMatch.find()) {
      throw new IllegalArgumentException("multipart body without boundary: " + contentType);
    }
    byte[] delimiter = ("--" + boundaryMatch.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    String payloadJson = null;
    List<Upload> files = new ArrayList<>();
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int partStart = start + delimiter.length;
      if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
        break; // closing delimiter
      }
      partStart = skipLineBreak(body, partStart);
      int next = indexOf(body, delimiter, partStart);
      if (next < 0) {
        break;
      }
      int partEnd = next;
      // The CRLF before a delimiter belongs to the delimiter, not to the part.
      if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
        partEnd -= 2;
      }
      byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
      int headerEnd = indexOf(body, separator, partStart);
      if (headerEnd >= 0 && headerEnd < partEnd) {
        String headers =
            new String(body, partStart, headerEnd - partStart, StandardCharsets.ISO_8859_1);
        byte[] content = Arrays.copyOfRange(body, headerEnd + separator.length, partEnd);
        String name = find(NAME, headers);
        String fileName = find(FILE_NAME, headers);
        if (fileName != null) {
          files.add(new Upload(name == null ? "" : name, fileName, content));
        } else if ("payload_json".equals(name)) {
          payloadJson = new String(content, StandardCharsets.UTF_8);
        }
      }
      start = next;
    }
    return new MultipartBody(payloadJson, files);
  }

  private static @Nullable String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static int skipLineBreak(byte[] body, int at) {
    if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
      return at + 2;
    }
    return at;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
