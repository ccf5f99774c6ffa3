package dev.chorus.app.store;

import dev.chorus.core.message.MessageLinks;
import dev.chorus.core.question.Questions;
import dev.chorus.testkit.contract.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Redis store keeps the same contract as the in-memory one, on a real redis-server. */
class RedisStoreContractIT extends StoreContract {
  @TempDir
  static Path data;

  private static RedisFixture fixture;
  private static RedisQuestions questions;
  private static RedisMessageLinks links;

  @BeforeAll
  static void startRedis() {
    fixture = new RedisFixture(data);
    questions = new RedisQuestions(fixture.redis);
    links = new RedisMessageLinks(fixture.redis);
  }

  @AfterAll
  static void stopRedis() {
    fixture.close();
  }

  @Override
  protected Questions questions() {
    return questions;
  }

  @Override
  protected MessageLinks links() {
    return links;
  }
}
