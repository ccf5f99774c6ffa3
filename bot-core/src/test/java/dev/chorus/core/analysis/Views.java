package dev.chorus.core.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: a question's views and votes, turned into the analysis input the way WriteDraft does
 * it — each statement has an author, an author who did not vote on their own statement counts +1 on
 * it, a recorded vote always wins, labels are V1, V2, …, and coverage is about the authors of views.
 */
final class Views {
  private final int members;
  private final List<String> texts = new ArrayList<>();
  private final List<Integer> authors = new ArrayList<>();
  private final List<Boolean> amendments = new ArrayList<>();
  private final Map<Long, Integer> recorded = new LinkedHashMap<>();

  Views(int members) {
    this.members = members;
  }

  /** Adds a view written by {@code author}; returns its statement index. */
  int view(int author, String text) {
    texts.add(text);
    authors.add(author);
    amendments.add(false);
    return texts.size() - 1;
  }

  /** Adds an amendment written by {@code author}; returns its statement index. */
  int amendment(int author, String text) {
    int j = view(author, text);
    amendments.set(j, true);
    return j;
  }

  Views vote(int member, int statement, int value) {
    recorded.put(((long) member << 32) | statement, value);
    return this;
  }

  int members() {
    return members;
  }

  int statementCount() {
    return texts.size();
  }

  String text(int statement) {
    return texts.get(statement);
  }

  VoteMatrix matrix() {
    var builder = VoteMatrix.builder(members, texts.size());
    for (int j = 0; j < texts.size(); j++) {
      int author = authors.get(j);
      if (!recorded.containsKey(((long) author << 32) | j)) {
        builder.add(author, j, 1);
      }
    }
    for (var vote : recorded.entrySet()) {
      int member = (int) (vote.getKey() >>> 32);
      int statement = (int) (long) vote.getKey();
      builder.add(member, statement, vote.getValue());
    }
    return builder.build();
  }

  int[] authorOf() {
    var authorOf = new int[authors.size()];
    for (int j = 0; j < authorOf.length; j++) {
      authorOf[j] = authors.get(j);
    }
    return authorOf;
  }

  DraftComposer.Statements statements() {
    var labels = new ArrayList<String>();
    var amendment = new boolean[texts.size()];
    var counted = new BitSet();
    for (int j = 0; j < texts.size(); j++) {
      labels.add(label(j));
      amendment[j] = amendments.get(j);
      if (!amendment[j]) {
        counted.set(authors.get(j));
      }
    }
    return new DraftComposer.Statements(List.copyOf(texts), labels, authorOf(), amendment, counted);
  }

  static String label(int statement) {
    return "V" + (statement + 1);
  }

  Landscape landscape() {
    return Landscape.of(matrix(), authorOf());
  }

  DraftComposer.Composed draft(int limit) {
    var votes = matrix();
    var landscape = Landscape.of(votes, authorOf());
    return new DraftComposer().compose(votes, landscape, statements(), "Draft written by Chorus.", limit);
  }

  /** The members of each group, by group number, as sets of member indices. */
  static List<java.util.Set<Integer>> membersByGroup(OpinionGroups.Result groups) {
    var byGroup = new ArrayList<java.util.Set<Integer>>();
    for (int g = 0; g < groups.groups(); g++) {
      byGroup.add(new java.util.TreeSet<>());
    }
    for (int i = 0; i < groups.groupOf().length; i++) {
      if (groups.groupOf()[i] >= 0) {
        byGroup.get(groups.groupOf()[i]).add(i);
      }
    }
    return byGroup;
  }
}
