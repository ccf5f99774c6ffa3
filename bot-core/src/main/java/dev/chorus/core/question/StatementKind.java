package dev.chorus.core.question;

/** What a statement is: a member's own view, or a proposed change to the latest draft. */
public enum StatementKind {
  VIEW("view"),
  AMENDMENT("amendment");

  private final String label;

  StatementKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
