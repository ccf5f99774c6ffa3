package dev.chorus.core.question;

/**
 * Only {@link #ACTIVE} statements count. A replaced view keeps its votes as history; a withdrawn one
 * keeps nothing of its text; a hidden one keeps its text for the export only.
 */
public enum StatementStatus {
  ACTIVE,
  REPLACED,
  WITHDRAWN,
  HIDDEN
}
