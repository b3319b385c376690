package org.catalogengine.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * Cumulative figures of a store's write transactions since it was opened: how many ran, how long they took, and
 * how long they queued for the single writer. On SQLite, where the store runs one write transaction at a time,
 * {@code busy} against wall-clock time is the writer's utilisation: near 100% during a load means the database's
 * one writer is the limit, and more workers cannot help. Where writers run concurrently (PostgreSQL, MariaDB),
 * {@code busy} is summed over the concurrent transactions and {@code waitedForWriter} stays zero (their lock waits
 * happen inside the database and count as busy time).
 *
 * <p>{@code onCpu} is the CPU time (user and system) of the threads while they ran the transactions, as the JVM
 * measures a thread's CPU time. Against {@code busy} it says where a writer's time went: on SQLite, whose work runs
 * on the calling thread, {@code busy} well above {@code onCpu} means the writer was waiting for a core (other
 * threads had both) or for the disk; on PostgreSQL and MariaDB it is the client's share, and the rest is the
 * server's work and the round trips. Zero where the JVM cannot measure thread CPU time.
 *
 * <p>Take two snapshots and {@link #minus subtract} them to measure one period.
 *
 * @param transactions write transactions attempted, retries included
 * @param busy summed time from taking the connection to the end of the commit or rollback
 * @param waitedForWriter summed time spent waiting for the single-writer lock before starting
 * @param onCpu summed CPU time of the threads during {@code busy}
 * @since 0.1 (experimental)
 */
public record WriteStatistics(long transactions, Duration busy, Duration waitedForWriter, Duration onCpu) {
  public WriteStatistics {
    Objects.requireNonNull(busy, "busy");
    Objects.requireNonNull(waitedForWriter, "waitedForWriter");
    Objects.requireNonNull(onCpu, "onCpu");
  }

  /** The figures of the period between {@code earlier} and this snapshot. */
  public WriteStatistics minus(WriteStatistics earlier) {
    return new WriteStatistics(transactions - earlier.transactions, busy.minus(earlier.busy),
        waitedForWriter.minus(earlier.waitedForWriter), onCpu.minus(earlier.onCpu));
  }
}
