package dev.chorus.testkit;

import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Ballots;
import dev.chorus.core.question.Questions;
import dev.chorus.testkit.contract.StoreContract;

/** The in-memory store keeps the same contract as the Redis one. */
class InMemoryStoreContractTest extends StoreContract {
  private final InMemoryQuestions questions = new InMemoryQuestions();
  private final InMemoryMessageLinks links = new InMemoryMessageLinks();
  private final InMemorySeenReactions seen = new InMemorySeenReactions();

  InMemoryStoreContractTest() {
    questions.recordSeenIn(seen);
  }

  @Override
  protected dev.chorus.core.question.SeenReactions seenReactions() {
    return seen;
  }

  @Override
  protected Questions questions() {
    return questions;
  }

  @Override
  protected MessageLinks links() {
    return links;
  }

  @Override
  protected Ballots ballots() {
    return questions;
  }
}
