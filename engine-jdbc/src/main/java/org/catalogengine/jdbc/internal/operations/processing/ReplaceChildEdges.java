package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;

/**
 * L20: deletes every edge from the parent and every edge to a written child, then inserts parent → child for
 * each written child. A child last emitted by A and now by B moves to B (CS46).
 */
public final class ReplaceChildEdges {
  private ReplaceChildEdges() {}

  /** {@code written} sorted and distinct. */
  public static void run(Tx tx, String parent, List<String> written) {
    tx.dsl().deleteFrom(tx.t().references).where(SOURCE_ENTITY_REF.eq(parent)).execute();
    for (List<String> chunk : Chunks.of(written, Chunks.IN_LIST)) {
      tx.dsl().deleteFrom(tx.t().references).where(TARGET_ENTITY_REF.in(chunk)).execute();
    }
    for (List<String> chunk : Chunks.of(written, 1_000)) {
      InsertValuesStep2<Record, String, String> insert =
          tx.dsl().insertInto(tx.t().references, SOURCE_ENTITY_REF, TARGET_ENTITY_REF);
      for (String child : chunk) {
        insert = insert.values(parent, child);
      }
      insert.execute();
    }
  }
}
