package org.catalogengine.spi.storage;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One search row of a final entity (spec S7, T9, T10): lower-cased key and value and the case-preserved value.
 *
 * @since 0.1 (experimental)
 */
public record SearchEntry(String key, @Nullable String value, @Nullable String originalValue) {
  public SearchEntry {
    Objects.requireNonNull(key, "key");
  }
}
