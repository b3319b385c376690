package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.col;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.stitching.Generations;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.StitchCommit;
import org.jooq.impl.DSL;

/**
 * O4, one round: deletes entities without an incoming edge (cascade S10) after marking the sources of relations to
 * them for reprocessing and restitching; each removal takes a generation for the change listeners. The next
 * round finds the children that lost their only parent (transitive cleanup).
 */
public final class DeleteOrphans {
  private DeleteOrphans() {}

  /** Returns the removals with their generations, sorted by ref. */
  public static List<StitchCommit> run(Tx tx, int limit) {
    List<String> orphans = tx.dsl().select(col("r", ENTITY_REF)).from(tx.t().refreshState.as("r"))
        .whereNotExists(DSL.selectOne().from(tx.t().references.as("e"))
            .where(col("e", TARGET_ENTITY_REF).eq(col("r", ENTITY_REF))))
        .orderBy(col("r", ENTITY_REF))
        .limit(limit)
        .fetch(col("r", ENTITY_REF));
    if (orphans.isEmpty()) {
      return List.of();
    }
    // after the processing of the batch that dropped them; the sources of relations to them are reprocessed
    MarkForReprocessing.relationSourcesOf(tx, orphans);
    org.catalogengine.jdbc.internal.operations.provider.DeleteEntities.run(tx, orphans);
    return Generations.removals(tx, orphans);
  }
}
