package dev.chorus.core.polis;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
public final class Csv {
  private Csv() {}

  public static List<List<String>> read(Reader reader) throws IOException {
    var rows = new ArrayList<List<String>>();
    var row = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = reader.read()) != -1) {
      any = true;
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          reader.mark(1);
          int next = reader.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              reader.reset();
            }
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        row.add(stripCr(field));
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
      } else {
        field.append(ch);
      }
    }
    if (any) {
      row.add(stripCr(field));
      rows.add(row);
    }
    return rows;
  }

  private static String stripCr(StringBuilder field) {
    int end = field.length();
    return end > 0 && field.charAt(end - 1) == '\r' ? field.substring(0, end - 1) : field.toString();
  }
}
