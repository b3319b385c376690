package org.catalogengine.internal.stitching;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One flattened {@code (key, value)} row of a final entity (spec S7, T9–T10): lower-cased key and value, plus the
 * case-preserved original value; value and original value are both null for null leaves and overlong values.
 */
public record SearchRow(String key, @Nullable String value, @Nullable String originalValue) {

  /** The order of every row list this package produces: by key, then value (nulls first). */
  public static final Comparator<SearchRow> ORDER = SearchRow::compareKeyValue;

  public SearchRow {
    Objects.requireNonNull(key, "key");
  }

  /** Compares by key, then by value with null first; ignores {@code originalValue}. */
  static int compareKeyValue(SearchRow a, SearchRow b) {
    int c = a.key.compareTo(b.key);
    if (c != 0) {
      return c;
    }
    String va = a.value;
    String vb = b.value;
    if (va == null) {
      return vb == null ? 0 : -1;
    }
    return vb == null ? 1 : va.compareTo(vb);
  }
}
