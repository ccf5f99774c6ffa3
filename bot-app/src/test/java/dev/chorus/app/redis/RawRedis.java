package dev.chorus.app.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Redis over a plain socket: sends exactly the commands a test gives (no AUTH, HELLO or anything a
 * client library would add) and returns each reply as text: {@code +OK}, {@code -ERR …}, {@code :1},
 * a bulk string's content, or an array's elements one a line.
 */
final class RawRedis implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawRedis(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  String call(String... words) throws IOException {
    var command = new StringBuilder("*").append(words.length).append("\r\n");
    for (var word : words) {
      command.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
    }
    out.write(command.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    return reply();
  }

  private String reply() throws IOException {
    var line = line();
    return switch (line.charAt(0)) {
      case '$' -> {
        int length = Integer.parseInt(line.substring(1));
        if (length < 0) {
          yield "(nil)";
        }
        var bytes = in.readNBytes(length + 2);
        yield new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      case '*' -> {
        var elements = new ArrayList<String>();
        for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
          elements.add(reply());
        }
        yield String.join("\n", elements);
      }
      default -> line;
    };
  }

  private String line() throws IOException {
    var bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
