package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.LEASE_UNTIL;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;

import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.WorkStatus;

/** Counts due, leased and stitch-queued work (awaitIdle). */
public final class CountWork {
  private CountWork() {}

  public static WorkStatus run(Tx tx) {
    long now = tx.now();
    long due = tx.dsl().fetchCount(tx.t().processingQueue,
        NEXT_UPDATE_AT.le(now).and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.le(now))));
    long leased = tx.dsl().fetchCount(tx.t().processingQueue, LEASE_UNTIL.gt(now));
    long stitch = tx.dsl().fetchCount(tx.t().stitchQueue);
    return new WorkStatus(due, leased, stitch);
  }
}
