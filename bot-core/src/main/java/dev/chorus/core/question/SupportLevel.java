package dev.chorus.core.question;

/** The level of support an outcome has, strongest first. */
public enum SupportLevel {
  CONSENSUS("consensus"),
  BROAD_SUPPORT("broad support"),
  MAJORITY("majority"),
  NO_CONSENSUS("no consensus");

  private final String label;

  SupportLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
