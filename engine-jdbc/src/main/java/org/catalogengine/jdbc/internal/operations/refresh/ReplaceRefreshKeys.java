package org.catalogengine.jdbc.internal.operations.refresh;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.REFRESH_KEY;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;

/** L21: an entity's refresh keys become exactly the given (normalised, distinct, sorted) keys. */
public final class ReplaceRefreshKeys {
  private ReplaceRefreshKeys() {}

  public static void run(Tx tx, String entityId, List<String> keys) {
    tx.dsl().deleteFrom(tx.t().refreshKeys).where(ENTITY_ID.eq(entityId)).execute();
    for (List<String> chunk : Chunks.of(keys, 1_000)) {
      InsertValuesStep2<Record, String, String> insert =
          tx.dsl().insertInto(tx.t().refreshKeys, ENTITY_ID, REFRESH_KEY);
      for (String k : chunk) {
        insert = insert.values(entityId, k);
      }
      insert.execute();
    }
  }
}
