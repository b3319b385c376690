package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.LEASE_UNTIL;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;

import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.WorkStatus;

/** Counts due, leased and stitch-queued work (metrics, tests), or only asks whether there is any (awaitIdle). */
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

  /**
   * True when nothing is due, leased or queued: three existence checks that stop at the first row. The due check
   * is a short range of the due index (a claim moves next_update_at to the lease end); the lease check scans the
   * queue without an index, but while work is leased it finds a row quickly and once all is done it is the last
   * check made.
   */
  public static boolean idle(Tx tx) {
    long now = tx.now();
    return !tx.dsl().fetchExists(tx.t().stitchQueue)
        && !tx.dsl().fetchExists(tx.t().processingQueue,
            NEXT_UPDATE_AT.le(now).and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.le(now))))
        && !tx.dsl().fetchExists(tx.t().processingQueue, LEASE_UNTIL.gt(now));
  }
}
