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
import java.util.ArrayList;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jspecify.annotations.Nullable;

/**
 * Inserts new entities with JDBC batches: the refresh-state row and a queue row due now (L4). Rows
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
    List<Object[]> states = new ArrayList<>(rows.size());
    List<Object[]> queue = new ArrayList<>(rows.size());
    Long now = tx.now();
    for (NewEntity r : rows) {
      states.add(new Object[] {r.entityId(), r.ref(), r.body(), r.hash(), r.locationKey(), now});
      queue.add(new Object[] {r.entityId(), now, 0});
    }
    Jdbc.batch(tx, tx.dsl().insertInto(tx.t().refreshState, ENTITY_ID, ENTITY_REF, UNPROCESSED_ENTITY,
        UNPROCESSED_HASH, LOCATION_KEY, LAST_DISCOVERY_AT).values("", "", "", "", "", 0L), states);
    Jdbc.batch(tx, tx.dsl().insertInto(tx.t().processingQueue, ENTITY_ID, NEXT_UPDATE_AT, FAILURE_COUNT)
        .values("", 0L, 0), queue);
  }
}
