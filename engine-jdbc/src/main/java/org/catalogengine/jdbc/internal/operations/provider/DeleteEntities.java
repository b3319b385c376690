package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.ORIGINATING_ENTITY_ID;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;

/**
 * Deletes entities: their refresh-state rows, whose foreign keys cascade to queue, edges, keys and final entity
 * (S10), and their search and relation rows, which have no foreign key on PostgreSQL and MariaDB (schema V2) and
 * are deleted here. Every deletion of an entity goes through this class.
 */
public final class DeleteEntities {
  private DeleteEntities() {}

  /** Deletes the sorted {@code refs}; returns the number of entities deleted. */
  public static int run(Tx tx, List<String> refs) {
    int n = 0;
    for (List<String> chunk : Chunks.of(refs, Chunks.IN_LIST)) {
      List<String> ids = tx.dsl().select(ENTITY_ID).from(tx.t().refreshState).where(ENTITY_REF.in(chunk))
          .fetch(ENTITY_ID);
      // The entity rows first: a processing write that holds one of them (it updates the processed body before it
      // inserts relation rows) makes this wait until it commits, so the deletes below see its rows
      n += tx.dsl().deleteFrom(tx.t().refreshState).where(ENTITY_REF.in(chunk)).execute();
      if (!ids.isEmpty()) {
        tx.dsl().deleteFrom(tx.t().search).where(ENTITY_ID.in(ids)).execute();
        tx.dsl().deleteFrom(tx.t().relations).where(ORIGINATING_ENTITY_ID.in(ids)).execute();
      }
    }
    return n;
  }
}
