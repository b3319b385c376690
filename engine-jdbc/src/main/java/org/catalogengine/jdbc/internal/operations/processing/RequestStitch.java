package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.FAILURE_COUNT;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_STITCH_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.STITCH_TICKET;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Requests deferred stitches (T7): upserts one queue row per ref with a new ticket, due now; requests for the
 * same ref coalesce. The upsert is the dialect's ({@code ON CONFLICT} or {@code ON DUPLICATE KEY}).
 */
public final class RequestStitch {
  private RequestStitch() {}

  /** Requests a stitch of each of the sorted, distinct {@code refs}. */
  public static void run(Tx tx, List<String> refs) {
    if (refs.isEmpty()) {
      return;
    }
    Map<Field<?>, Object> updates = new LinkedHashMap<>();
    updates.put(STITCH_TICKET, DSL.excluded(STITCH_TICKET));
    updates.put(NEXT_STITCH_AT, DSL.excluded(NEXT_STITCH_AT));
    updates.put(FAILURE_COUNT, DSL.excluded(FAILURE_COUNT));
    List<Object[]> rows = new ArrayList<>(refs.size());
    Long now = tx.now();
    for (String ref : refs) {
      rows.add(new Object[] {ref, Chunks.newId(), now, 0});
    }
    // one upsert rendered once, rows bound with plain JDBC (jOOQ's per-value binding was a visible share of the
    // processing write, which on SQLite runs under the single writer lock)
    Jdbc.batch(tx, tx.dialect().upsert(tx.dsl(), tx.dsl().insertInto(tx.t().stitchQueue, ENTITY_REF, STITCH_TICKET,
        NEXT_STITCH_AT, FAILURE_COUNT).values("", "", 0L, 0), List.of(ENTITY_REF), updates), rows);
  }
}
