package org.catalogengine.spi.storage;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One search row of a final entity (spec S7, T9, T10): lower-cased key and value and the case-preserved value.
 * {@code elementKey}: the value is a string element of an array at the key, and the row also stands for T9's
 * {@code <key>.<value> = true} row, which a store need not keep (filters on that key are answered from this row).
 *
 * @since 0.1 (experimental)
 */
public record SearchEntry(String key, @Nullable String value, @Nullable String originalValue, boolean elementKey) {
  public SearchEntry {
    Objects.requireNonNull(key, "key");
  }

  /** A row that stands for itself only. */
  public SearchEntry(String key, @Nullable String value, @Nullable String originalValue) {
    this(key, value, originalValue, false);
  }
}
