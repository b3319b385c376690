package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.FAILURE_COUNT;
import static org.catalogengine.jdbc.internal.schema.Tables.LAST_DISCOVERY_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_HASH;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.InsertValuesStep3;
import org.jooq.InsertValuesStep6;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/**
 * Inserts new entities with multi-row statements: the refresh-state row and a queue row due now (L4). Rows
 * arrive sorted by ref, so concurrent writers take index locks in the same order.
 */
public final class InsertEntities {
  private InsertEntities() {}

  /** A new entity row. */
  public record NewEntity(String entityId, String ref, String body, String hash, @Nullable String locationKey) {}

  public static void run(Tx tx, List<NewEntity> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int maxRows = Math.min(500, tx.dialect().maxBindParameters() / 6);
    for (List<NewEntity> chunk : Chunks.bySize(rows, maxRows, tx.dialect().maxStatementBytes(),
        r -> 2L * r.body().length() + 200)) {
      InsertValuesStep6<Record, String, String, String, String, String, Long> insert = tx.dsl()
          .insertInto(tx.t().refreshState, ENTITY_ID, ENTITY_REF, UNPROCESSED_ENTITY, UNPROCESSED_HASH,
              LOCATION_KEY, LAST_DISCOVERY_AT);
      for (NewEntity r : chunk) {
        insert = insert.values(r.entityId(), r.ref(), r.body(), r.hash(), r.locationKey(), tx.now());
      }
      insert.execute();
    }
    for (List<NewEntity> chunk : Chunks.of(rows, Math.min(1_000, tx.dialect().maxBindParameters() / 3))) {
      InsertValuesStep3<Record, String, Long, Integer> insert =
          tx.dsl().insertInto(tx.t().processingQueue, ENTITY_ID, NEXT_UPDATE_AT, FAILURE_COUNT);
      for (NewEntity r : chunk) {
        insert = insert.values(r.entityId(), tx.now(), 0);
      }
      insert.execute();
    }
  }
}
