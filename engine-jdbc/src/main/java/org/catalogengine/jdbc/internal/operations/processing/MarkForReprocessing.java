package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;

/** Makes entities due for processing now and requests their stitch (P7/O4, R8). */
public final class MarkForReprocessing {
  /** How much later than now relation peers of a change are due; processing claims look this far ahead. */
  public static final long PEER_DELAY_MILLIS = 1;

  private MarkForReprocessing() {}

  /**
   * Marks every entity that is the source of a relation targeting one of {@code deleted} (and is not itself
   * being deleted); returns the marked refs, sorted. These are relation peers of a change: they are due
   * {@link #PEER_DELAY_MILLIS} after the entities the same transaction writes, so processing claims (which look
   * that far ahead) take those first, and their stitch requests are peers' ({@link RequestStitch}).
   */
  public static List<String> relationSourcesOf(Tx tx, List<String> deleted) {
    if (deleted.isEmpty()) {
      return List.of();
    }
    Set<String> doomed = new HashSet<>(deleted);
    TreeSet<String> sources = new TreeSet<>();
    for (List<String> chunk : Chunks.of(deleted, Chunks.IN_LIST)) {
      for (String s : tx.dsl().fetchValues(RelationRows.sourcesOf(tx.t().relations, chunk, null))) {
        if (!doomed.contains(s)) {
          sources.add(s);
        }
      }
    }
    List<String> refs = List.copyOf(sources);
    mark(tx, refs, true);
    return refs;
  }

  /** Makes the sorted {@code refs} due now and requests a stitch of each. */
  public static void refs(Tx tx, Collection<String> refs) {
    mark(tx, refs, false);
  }

  private static void mark(Tx tx, Collection<String> refs, boolean peers) {
    if (refs.isEmpty()) {
      return;
    }
    List<String> sorted = refs.stream().sorted().distinct().toList();
    long due = peers ? tx.now() + PEER_DELAY_MILLIS : tx.now();
    for (List<String> chunk : Chunks.of(sorted, Chunks.IN_LIST)) {
      tx.dsl().update(tx.t().processingQueue)
          .set(NEXT_UPDATE_AT, due)
          .where(ENTITY_ID.in(tx.dsl().select(ENTITY_ID).from(tx.t().refreshState).where(ENTITY_REF.in(chunk))))
          .execute();
    }
    RequestStitch.run(tx, sorted, peers ? Set.copyOf(sorted) : Set.of());
  }
}
