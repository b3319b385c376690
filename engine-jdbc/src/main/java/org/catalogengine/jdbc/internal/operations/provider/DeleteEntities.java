package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;

/** Deletes refresh-state rows; foreign keys cascade to queue, edges, relations, keys, search, final (S10). */
public final class DeleteEntities {
  private DeleteEntities() {}

  /** Deletes the sorted {@code refs}; returns the number of rows deleted. */
  public static int run(Tx tx, List<String> refs) {
    int n = 0;
    for (List<String> chunk : Chunks.of(refs, Chunks.IN_LIST)) {
      n += tx.dsl().deleteFrom(tx.t().refreshState).where(ENTITY_REF.in(chunk)).execute();
    }
    return n;
  }
}
