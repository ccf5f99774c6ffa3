package dev.chorus.core.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How alike two statements read: language-aware tokens (Lucene's English, German and CJK analyzers,
 * chosen per text), TF-IDF weights over the statements compared, cosine similarity.
 */
public final class TextSimilarity {
  private static final Analyzer ENGLISH = new EnglishAnalyzer();
  private static final Analyzer GERMAN = new GermanAnalyzer();
  private static final Analyzer CJK = new CJKAnalyzer();
  private static final Set<String> GERMAN_WORDS = Set.of(
      "der", "die", "das", "und", "nicht", "ist", "wir", "ich", "mit", "für", "auf", "ein", "eine", "zu", "den",
      "von", "sie", "es", "sind", "auch", "dass", "aber", "wird", "werden", "oder", "bei", "nur", "noch", "kein");
  private static final Set<String> ENGLISH_WORDS = Set.of(
      "the", "and", "is", "not", "we", "to", "of", "a", "in", "for", "it", "that", "are", "be", "with", "this",
      "on", "should", "will", "have", "but", "or", "they", "our", "no");

  private final List<Map<String, Double>> vectors;

  private TextSimilarity(List<Map<String, Double>> vectors) {
    this.vectors = vectors;
  }

  /** Weighs the tokens of all the texts together (TF-IDF), so words every statement uses count little. */
  public static TextSimilarity of(List<String> texts) {
    var counts = new ArrayList<Map<String, Integer>>();
    var documentFrequency = new HashMap<String, Integer>();
    for (var text : texts) {
      var count = new HashMap<String, Integer>();
      for (var token : tokens(text)) {
        count.merge(token, 1, Integer::sum);
      }
      counts.add(count);
      for (var token : count.keySet()) {
        documentFrequency.merge(token, 1, Integer::sum);
      }
    }
    var vectors = new ArrayList<Map<String, Double>>();
    int n = texts.size();
    for (var count : counts) {
      var vector = new HashMap<String, Double>();
      double norm = 0;
      for (var entry : count.entrySet()) {
        // Every token of every text was counted into documentFrequency above.
        double idf = Math.log((1.0 + n) / (1.0 + Objects.requireNonNull(documentFrequency.get(entry.getKey())))) + 1;
        double weight = (1 + Math.log(entry.getValue())) * idf;
        vector.put(entry.getKey(), weight);
        norm += weight * weight;
      }
      double length = Math.sqrt(norm);
      if (length > 0) {
        vector.replaceAll((token, weight) -> weight / length);
      }
      vectors.add(vector);
    }
    return new TextSimilarity(vectors);
  }

  /** Cosine similarity of texts {@code a} and {@code b}, 0 (nothing shared) to 1 (the same words). */
  public double cosine(int a, int b) {
    var small = vectors.get(a).size() <= vectors.get(b).size() ? vectors.get(a) : vectors.get(b);
    var large = small == vectors.get(a) ? vectors.get(b) : vectors.get(a);
    double dot = 0;
    for (var entry : small.entrySet()) {
      var other = large.get(entry.getKey());
      if (other != null) {
        dot += entry.getValue() * other;
      }
    }
    return dot;
  }

  /** The tokens of a text, by the analyzer of its language. */
  public static List<String> tokens(String text) {
    var analyzer = analyzerFor(text);
    var tokens = new ArrayList<String>();
    try (var stream = analyzer.tokenStream("text", text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return tokens;
  }

  static Analyzer analyzerFor(String text) {
    int cjk = 0;
    boolean umlaut = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      var script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
        cjk++;
      }
      if ("äöüßÄÖÜ".indexOf(cp) >= 0) {
        umlaut = true;
      }
      i += Character.charCount(cp);
    }
    if (cjk > 0) {
      return CJK;
    }
    int german = 0;
    int english = 0;
    for (var word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (GERMAN_WORDS.contains(word)) {
        german++;
      }
      if (ENGLISH_WORDS.contains(word)) {
        english++;
      }
    }
    return umlaut && german >= english || german > english ? GERMAN : ENGLISH;
  }
}
