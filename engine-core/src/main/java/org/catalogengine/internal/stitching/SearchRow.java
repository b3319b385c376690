package org.catalogengine.internal.stitching;

import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One flattened {@code (key, value)} row of a final entity (spec S7, T9–T10): lower-cased key and value, plus the
 * case-preserved original value; value and original value are both null for null leaves and overlong values.
 *
 * <p>{@code elementKey}: the value is a string element of an array at {@code key}, and the row also stands for
 * T9's {@code <key>.<value> = true} row, which is not stored (see {@link SearchRows}).
 */
public record SearchRow(String key, @Nullable String value, @Nullable String originalValue, boolean elementKey) {

  /** The order of every row list this package produces: by key, then value (nulls first). */
  public static final Comparator<SearchRow> ORDER = SearchRow::compareKeyValue;

  public SearchRow {
    Objects.requireNonNull(key, "key");
  }

  /** A row that stands for itself only. */
  public SearchRow(String key, @Nullable String value, @Nullable String originalValue) {
    this(key, value, originalValue, false);
  }

  /** The {@code <key>.<value>} key of the T9 row this row also stands for, or null if it stands for none. */
  public @Nullable String impliedElementKey() {
    return elementKey && value != null ? key + '.' + value : null;
  }

  /** Compares by key, then by value with null first; ignores {@code originalValue} and {@code elementKey}. */
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
