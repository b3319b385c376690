package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.FAILURE_COUNT;
import static org.catalogengine.jdbc.internal.schema.Tables.LAST_DISCOVERY_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_HASH;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jspecify.annotations.Nullable;

/**
 * Overwrites the unprocessed body, hash and key of existing entities (JDBC batch) and makes them due now with a
 * fresh failure count (L4, P6). Rows arrive sorted by ref.
 */
public final class UpdateEntities {
  private UpdateEntities() {}

  /** A changed entity row. */
  public record Change(String entityId, String body, String hash, @Nullable String locationKey) {}

  public static void run(Tx tx, List<Change> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<Object[]> binds = new ArrayList<>(rows.size());
    Long now = tx.now();
    for (Change r : rows) {
      binds.add(new Object[] {r.body(), r.hash(), r.locationKey(), now, r.entityId()});
    }
    Jdbc.batch(tx, tx.dsl().update(tx.t().refreshState)
        .set(UNPROCESSED_ENTITY, "")
        .set(UNPROCESSED_HASH, "")
        .set(LOCATION_KEY, "")
        .set(LAST_DISCOVERY_AT, 0L)
        .where(ENTITY_ID.eq("")), binds);
    List<String> ids = rows.stream().map(Change::entityId).toList();
    for (List<String> chunk : Chunks.of(ids, Chunks.IN_LIST)) {
      tx.dsl().update(tx.t().processingQueue)
          .set(NEXT_UPDATE_AT, tx.now())
          .set(FAILURE_COUNT, 0)
          .where(ENTITY_ID.in(chunk))
          .execute();
    }
  }
}
