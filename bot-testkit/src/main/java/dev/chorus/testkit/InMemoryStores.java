package dev.chorus.testkit;

import dev.chorus.core.Stores;
import java.time.Clock;

/** Every store in memory, for one test: the ports Chorus and the schedule share. */
public final class InMemoryStores {
  private final InMemoryQuestions questions = new InMemoryQuestions();
  private final InMemoryMessageLinks links = new InMemoryMessageLinks();
  private final InMemoryNotifications notifications;
  private final InMemorySeenReactions seen = new InMemorySeenReactions();
  private final InMemorySharedReports shared = new InMemorySharedReports();
  private final InMemoryAgenda agenda = new InMemoryAgenda();

  public InMemoryStores(Clock clock) {
    this.notifications = new InMemoryNotifications(clock);
    questions.recordSeenIn(seen);
    questions.tellChangesTo(agenda);
    notifications.tellChangesTo(agenda);
  }

  public Stores stores() {
    return new Stores(questions, questions, links, notifications, notifications, notifications, seen, shared, agenda);
  }

  public InMemoryAgenda agenda() {
    return agenda;
  }

  public InMemoryQuestions questions() {
    return questions;
  }

  public InMemoryMessageLinks links() {
    return links;
  }

  public InMemoryNotifications notifications() {
    return notifications;
  }

  public InMemorySharedReports sharedReports() {
    return shared;
  }

  public InMemorySeenReactions seen() {
    return seen;
  }

  /** While true, every store fails as an unreachable one would. */
  public void failWhile(boolean down) {
    questions.failWhile(down);
    notifications.failWhile(down);
    seen.failWhile(down);
    shared.failWhile(down);
    agenda.failWhile(down);
  }
}
