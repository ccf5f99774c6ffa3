package dev.chorus.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextSimilarityTest {

  @Nested
  class English {

    @Test
    void singularAndPluralShareAStem() {
      // When
      var singular = TextSimilarity.tokens("We need a longer transition for small clinics");
      var plural = TextSimilarity.tokens("We need longer transitions for small clinics");

      // Then
      assertThat(TextSimilarity.analyzerFor("We need longer transitions for small clinics"))
          .isInstanceOf(EnglishAnalyzer.class);
      assertThat(plural).isEqualTo(singular);
      assertThat(singular).doesNotContain("a", "for");
    }

    @Test
    void textsThatDifferOnlyInInflectionAreAlike() {
      // Given
      var similarity = TextSimilarity.of(List.of(
          "We need a longer transition for small clinics",
          "We need longer transitions for small clinics",
          "Parking downtown should be free on Sundays"));

      // When
      double alike = similarity.cosine(0, 1);

      // Then
      assertThat(alike).isGreaterThanOrEqualTo(DraftComposer.NEAR_DUPLICATE);
    }
  }

  @Nested
  class German {

    @Test
    void germanTextIsReadByTheGermanAnalyzer() {
      // Given
      var text = "Wir brauchen mehr Übergangszeit für kleine Praxen";

      // When
      var tokens = TextSimilarity.tokens(text);

      // Then: stop words gone, umlaut folded, inflections stemmed
      assertThat(TextSimilarity.analyzerFor(text)).isInstanceOf(GermanAnalyzer.class);
      assertThat(tokens).doesNotContain("wir", "für");
      assertThat(tokens).contains("ubergangszeit", "klein", "brauch");
    }

    @Test
    void germanStopWordsAreRemoved() {
      // Given a German sentence without umlauts
      var text = "Die Praxen und die Kliniken brauchen mehr Zeit";

      // When
      var tokens = TextSimilarity.tokens(text);

      // Then
      assertThat(TextSimilarity.analyzerFor(text)).isInstanceOf(GermanAnalyzer.class);
      assertThat(tokens).doesNotContain("und", "die").isNotEmpty();
      assertThat(tokens).contains("zeit");
    }

    @Test
    void inflectedAdjectivesShareAToken() {
      assertThat(TextSimilarity.tokens("Wir brauchen Zeit für die kleinen Praxen"))
          .isEqualTo(TextSimilarity.tokens("Wir brauchen Zeit für kleine Praxen"));
    }

    @Test
    void sentencesThatDifferInOneNounAreStillAlike() {
      // Given
      var praxen = "Wir brauchen mehr Übergangszeit für kleine Praxen";
      var praxis = "Wir brauchen mehr Übergangszeit für kleine Praxis";

      // When
      var similarity = TextSimilarity.of(List.of(praxen, praxis));

      // Then every token but the last is shared (the light stemmer keeps "prax" and "praxis" apart)
      var a = TextSimilarity.tokens(praxen);
      var b = TextSimilarity.tokens(praxis);
      assertThat(a.subList(0, a.size() - 1)).isEqualTo(b.subList(0, b.size() - 1)).hasSize(4);
      assertThat(a.get(4)).isNotEqualTo(b.get(4));
      // shared tokens weigh idf = ln(3/3) + 1 = 1, each own token idf = ln(3/2) + 1: cosine = 4/(4 + idf²)
      double idf = Math.log(1.5) + 1;
      assertThat(similarity.cosine(0, 1)).isCloseTo(4 / (4 + idf * idf), within(1e-9))
          .isGreaterThanOrEqualTo(DraftComposer.SAME_THEME);
    }
  }

  @Nested
  class ChineseJapaneseKorean {

    @Test
    void chineseTextBecomesBigrams() {
      // Given a vTaiwan-style statement (Traditional Chinese, no spaces)
      var text = "政府應該規範優步";

      // When
      var tokens = TextSimilarity.tokens(text);

      // Then overlapping two-character tokens, not one token per sentence and not nothing
      assertThat(TextSimilarity.analyzerFor(text)).isInstanceOf(CJKAnalyzer.class);
      assertThat(tokens).containsExactly("政府", "府應", "應該", "該規", "規範", "範優", "優步");
    }

    @Test
    void chineseSentencesSharingWordsAreAlikeAndOthersAreNot() {
      // Given
      var similarity = TextSimilarity.of(List.of("政府應該規範優步", "政府不應該規範優步", "計程車司機需要更多保障"));

      // Then
      assertThat(similarity.cosine(0, 1)).isGreaterThan(0.5);
      assertThat(similarity.cosine(0, 2)).isCloseTo(0.0, within(1e-9));
    }
  }

  @Test
  void unrelatedTextsAreNotAlike() {
    // Given
    var similarity = TextSimilarity.of(List.of(
        "The parking lot needs more lights",
        "Bananas taste sweet in summer",
        "Wir brauchen mehr Übergangszeit für kleine Praxen"));

    // Then
    assertThat(similarity.cosine(0, 1)).isCloseTo(0.0, within(1e-9));
    assertThat(similarity.cosine(0, 2)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void aTextIsFullyAlikeToItselfAndLikenessIsSymmetric() {
    var similarity = TextSimilarity.of(List.of("Open the pool earlier", "Open the library earlier", "Close early"));

    assertThat(similarity.cosine(0, 0)).isCloseTo(1.0, within(1e-9));
    assertThat(similarity.cosine(0, 1)).isCloseTo(similarity.cosine(1, 0), within(1e-12));
    assertThat(similarity.cosine(0, 1)).isBetween(0.0, 1.0);
  }

  @Test
  void wordsEveryStatementUsesCountLessThanRareOnes() {
    // Given "library" in three statements, "opening hours" in two
    var similarity = TextSimilarity.of(List.of(
        "library roof repair",
        "library opening hours",
        "library coffee machine",
        "pool opening hours"));

    // Then sharing the rarer words makes texts more alike than sharing the common one
    assertThat(similarity.cosine(1, 3)).isGreaterThan(similarity.cosine(0, 1));
    assertThat(similarity.cosine(0, 1)).isPositive();
  }

  @Test
  void aTextOfOnlyStopWordsIsAlikeToNothingWithoutNaN() {
    // Given
    var similarity = TextSimilarity.of(List.of("and the", "The library"));

    // Then
    assertThat(TextSimilarity.tokens("and the")).isEmpty();
    assertThat(similarity.cosine(0, 1)).isZero();
    assertThat(similarity.cosine(0, 0)).isZero();
  }
}
