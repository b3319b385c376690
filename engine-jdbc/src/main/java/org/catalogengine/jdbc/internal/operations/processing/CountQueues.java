package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.LEASE_UNTIL;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_STITCH_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;

import java.time.Duration;
import java.time.Instant;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.QueueStatistics;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Queue depths and delays for metrics (issue 4), as cheap as a scrape needs: the due figures are range scans of
 * the due indexes; the total and leased counts read the narrow processing_queue once, never the entity bodies.
 */
public final class CountQueues {
  private CountQueues() {}

  public static QueueStatistics run(Tx tx, Instant now) {
    long at = now.toEpochMilli();
    var t = tx.t();
    // a claim moves next_update_at to the lease's end, so due-and-unleased rows all lie in the due range
    Record2<Integer, Long> due = tx.dsl().select(DSL.count(), DSL.min(NEXT_UPDATE_AT))
        .from(t.processingQueue)
        .where(NEXT_UPDATE_AT.le(at))
        .and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.le(at)))
        .fetchSingle();
    // one queue row per entity; leased rows are few, counted in the same pass (released leases are null)
    Record2<Integer, Integer> all = tx.dsl().select(DSL.count(),
            DSL.count(DSL.when(LEASE_UNTIL.gt(at), DSL.inline(1))))
        .from(t.processingQueue)
        .fetchSingle();
    // as the claim sees them: a relation peer's request is due ahead of its due time (RequestStitch)
    Record2<Integer, Long> stitch = tx.dsl().select(DSL.count(), DSL.min(NEXT_STITCH_AT))
        .from(t.stitchQueue)
        .where(NEXT_STITCH_AT.le(at + RequestStitch.PEER_LEAD_MILLIS))
        .fetchSingle();
    return new QueueStatistics(due.value1(), all.value2(), all.value1(), age(due.value2(), at), stitch.value1(),
        age(stitch.value2(), at));
  }

  private static Duration age(@Nullable Long oldest, long at) {
    return oldest == null ? Duration.ZERO : Duration.ofMillis(Math.max(0, at - oldest));
  }
}
