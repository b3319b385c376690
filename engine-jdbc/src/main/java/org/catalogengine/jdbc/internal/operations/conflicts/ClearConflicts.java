package org.catalogengine.jdbc.internal.operations.conflicts;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;

/** Removes a source's conflicts that no longer occur (it wrote the ref, or stopped sending it). */
public final class ClearConflicts {
  private ClearConflicts() {}

  /** The refs this source has conflicts for (few; read before deciding what to clear). */
  public static Set<String> refsOf(Tx tx, String source) {
    return Set.copyOf(tx.dsl().select(ENTITY_REF).from(tx.t().conflicts).where(SOURCE.eq(source))
        .fetch(ENTITY_REF));
  }

  /** Deletes the source's conflicts on {@code refs}. */
  public static void run(Tx tx, String source, Collection<String> refs) {
    for (List<String> chunk : Chunks.of(refs.stream().sorted().toList(), Chunks.IN_LIST)) {
      tx.dsl().deleteFrom(tx.t().conflicts).where(SOURCE.eq(source)).and(ENTITY_REF.in(chunk)).execute();
    }
  }
}
