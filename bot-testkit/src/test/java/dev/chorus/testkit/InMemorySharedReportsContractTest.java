package dev.chorus.testkit;

import dev.chorus.core.report.SharedReports;
import dev.chorus.testkit.contract.SharedReportsContract;

class InMemorySharedReportsContractTest extends SharedReportsContract {
  private final InMemorySharedReports shared = new InMemorySharedReports();

  @Override
  protected SharedReports sharedReports() {
    return shared;
  }
}
