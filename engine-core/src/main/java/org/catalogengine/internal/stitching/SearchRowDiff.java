package org.catalogengine.internal.stitching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The search rows to delete and to insert to turn an entity's stored rows into its new rows (DESIGN decision 5).
 *
 * <p>A row whose {@code (key, value)} stays but whose {@code originalValue} or {@code elementKey} changes appears in
 * both lists; apply the deletes before the inserts, because storage keeps {@code (entity, key, value)} unique.
 *
 * @param deletes rows to remove, in {@link SearchRow#ORDER}
 * @param inserts rows to add, in {@link SearchRow#ORDER}
 */
public record SearchRowDiff(List<SearchRow> deletes, List<SearchRow> inserts) {

  private static final SearchRowDiff EMPTY = new SearchRowDiff(List.of(), List.of());

  public SearchRowDiff {
    deletes = List.copyOf(deletes);
    inserts = List.copyOf(inserts);
  }

  /**
   * Compares two row lists in one linear merge pass.
   *
   * @param previous the stored rows, sorted by {@link SearchRow#ORDER} with unique {@code (key, value)}
   *     ({@link SearchRows#sorted} sorts rows read back from storage)
   * @param next the new rows, as {@link SearchRows#of} returns them
   * @return the difference; {@link #isEmpty()} when nothing changed
   * @throws IllegalArgumentException if either list is not strictly ascending in {@link SearchRow#ORDER}
   */
  public static SearchRowDiff between(List<SearchRow> previous, List<SearchRow> next) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(next, "next");
    List<SearchRow> deletes = null;
    List<SearchRow> inserts = null;
    int i = 0;
    int j = 0;
    int np = previous.size();
    int nn = next.size();
    SearchRow lastP = null;
    SearchRow lastN = null;
    while (i < np || j < nn) {
      if (j == nn) {
        lastP = checkAscending("previous", lastP, previous.get(i++));
        deletes = add(deletes, lastP);
        continue;
      }
      if (i == np) {
        lastN = checkAscending("next", lastN, next.get(j++));
        inserts = add(inserts, lastN);
        continue;
      }
      SearchRow p = previous.get(i);
      SearchRow n = next.get(j);
      int c = SearchRow.compareKeyValue(p, n);
      if (c <= 0) {
        lastP = checkAscending("previous", lastP, p);
        i++;
      }
      if (c >= 0) {
        lastN = checkAscending("next", lastN, n);
        j++;
      }
      if (c < 0) {
        deletes = add(deletes, p);
      } else if (c > 0) {
        inserts = add(inserts, n);
      } else if (!Objects.equals(p.originalValue(), n.originalValue()) || p.elementKey() != n.elementKey()) {
        deletes = add(deletes, p);
        inserts = add(inserts, n);
      }
    }
    if (deletes == null && inserts == null) {
      return EMPTY;
    }
    return new SearchRowDiff(deletes == null ? List.of() : deletes, inserts == null ? List.of() : inserts);
  }

  /** True when the stored rows already equal the new rows. */
  public boolean isEmpty() {
    return deletes.isEmpty() && inserts.isEmpty();
  }

  private static List<SearchRow> add(@Nullable List<SearchRow> list, SearchRow row) {
    List<SearchRow> l = list == null ? new ArrayList<>() : list;
    l.add(row);
    return l;
  }

  private static SearchRow checkAscending(String which, @Nullable SearchRow last, SearchRow row) {
    if (last != null && SearchRow.compareKeyValue(last, row) >= 0) {
      throw new IllegalArgumentException("Search rows '" + which + "' are not strictly sorted by (key, value): "
          + last + " before " + row);
    }
    return row;
  }
}
