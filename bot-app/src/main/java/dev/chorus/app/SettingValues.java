package dev.chorus.app;

import org.jspecify.annotations.Nullable;

/** What the environment gave for a setting: an empty or blank variable counts as unset. */
public final class SettingValues {
  private SettingValues() {}

  public static @Nullable String present(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
