package dev.chorus.core.draft;

import dev.chorus.core.analysis.DraftComposer;
import dev.chorus.core.analysis.VoteMatrix;
import dev.chorus.core.question.MemberKey;
import dev.chorus.core.question.Question;
import dev.chorus.core.question.StatementChoice;
import dev.chorus.core.question.StatementKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A question as the analysis sees it: every participant a row, every statement that
 * counts a column, the recorded votes, and an author's agreement with their own words where they
 * did not vote on them.
 *
 * @param members each participant's row
 * @param recordedVotes votes members cast (the implicit agreements of authors not counted)
 */
public record QuestionVotes(VoteMatrix votes, Map<MemberKey, Integer> members, DraftComposer.Statements statements,
    int recordedVotes) {

  public static QuestionVotes of(Question question) {
    var statements = question.activeStatements();
    var members = new HashMap<MemberKey, Integer>();
    for (var member : question.participants()) {
      members.put(member, members.size());
    }
    var builder = VoteMatrix.builder(members.size(), statements.size());
    var authorOf = new int[statements.size()];
    var amendment = new boolean[statements.size()];
    var texts = new ArrayList<String>();
    var labels = new ArrayList<String>();
    var counted = new BitSet();
    int recorded = 0;
    for (int j = 0; j < statements.size(); j++) {
      var statement = statements.get(j);
      texts.add(statement.text());
      labels.add(statement.id().toString());
      amendment[j] = statement.kind() == StatementKind.AMENDMENT;
      // participants() holds the author of every statement not withdrawn, and every voter.
      int author = Objects.requireNonNull(members.get(statement.author()));
      authorOf[j] = author;
      if (statement.kind() == StatementKind.VIEW) {
        counted.set(author);
      }
      if (!statement.votes().containsKey(statement.author())) {
        builder.add(author, j, 1);
      }
      for (Map.Entry<MemberKey, StatementChoice> vote : statement.votes().entrySet()) {
        builder.add(Objects.requireNonNull(members.get(vote.getKey())), j, vote.getValue().value());
        recorded++;
      }
    }
    return new QuestionVotes(builder.build(), Map.copyOf(members),
        new DraftComposer.Statements(texts, labels, authorOf, amendment, counted), recorded);
  }
}
