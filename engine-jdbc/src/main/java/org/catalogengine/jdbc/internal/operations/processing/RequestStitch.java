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
 * Requests deferred stitches (T7): upserts one queue row per ref with a new ticket; requests for the same ref
 * coalesce, and the earlier due time wins. The upsert is the dialect's ({@code ON CONFLICT} or
 * {@code ON DUPLICATE KEY}).
 *
 * <p>Two kinds of request: an entity's own (its processing result changed, it was emitted, orphaned or contested),
 * due now, and a relation peer's (another entity's change adds or removes a relation it shows), due
 * {@link #PEER_LEAD_MILLIS} later. Stitch claims take the due (own) requests alone while there are any, and only
 * then peers' requests, ahead of their due time ({@code ClaimStitches}): after a change, the changed entities are
 * stitched before the peers that reprocessing and relations queue up around them, and no peer waits idly.
 */
public final class RequestStitch {
  /** How much later a relation peer's request is due than an entity's own; claims look this far ahead. */
  public static final long PEER_LEAD_MILLIS = 10_000;

  private RequestStitch() {}

  /** Requests an own stitch of each of the sorted, distinct {@code refs}. */
  public static void run(Tx tx, List<String> refs) {
    run(tx, refs, java.util.Set.of());
  }

  /**
   * Requests a stitch of each of the sorted, distinct {@code refs}, one statement for all (so requests lock their
   * rows in ref order); those in {@code peers} are relation peers' requests.
   */
  public static void run(Tx tx, List<String> refs, java.util.Set<String> peers) {
    if (refs.isEmpty()) {
      return;
    }
    Map<Field<?>, Object> updates = new LinkedHashMap<>();
    updates.put(STITCH_TICKET, DSL.excluded(STITCH_TICKET));
    // a queued request keeps its earlier due time (an own request is not put back behind a peer's), and a claimed
    // one (due at its lease's end) is due again
    // (qualified: on PostgreSQL the bare name could be the excluded row's too)
    Field<Long> queued = DSL.field(tx.t().stitchQueue.getQualifiedName().append(NEXT_STITCH_AT.getUnqualifiedName()),
        Long.class);
    updates.put(NEXT_STITCH_AT, DSL.least(queued, DSL.excluded(NEXT_STITCH_AT)));
    updates.put(FAILURE_COUNT, DSL.excluded(FAILURE_COUNT));
    List<Object[]> rows = new ArrayList<>(refs.size());
    Long now = tx.now();
    Long peerDue = now + PEER_LEAD_MILLIS;
    for (String ref : refs) {
      rows.add(new Object[] {ref, Chunks.newId(), peers.contains(ref) ? peerDue : now, 0});
    }
    // one upsert rendered once, rows bound with plain JDBC (jOOQ's per-value binding was a visible share of the
    // processing write, which on SQLite runs under the single writer lock)
    Jdbc.batch(tx, tx.dialect().upsert(tx.dsl(), tx.dsl().insertInto(tx.t().stitchQueue, ENTITY_REF, STITCH_TICKET,
        NEXT_STITCH_AT, FAILURE_COUNT).values("", "", 0L, 0), List.of(ENTITY_REF), updates), rows);
  }
}
