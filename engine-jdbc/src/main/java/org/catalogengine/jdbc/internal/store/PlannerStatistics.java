package org.catalogengine.jdbc.internal.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.tx.Transactor;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics in step with a catalog that grows fast. A first load writes hundreds of
 * thousands of rows into tables the planner still believes empty; autovacuum analyzes them a minute or more later
 * (or never, where it is switched off), and until then IN-list lookups can run as sequential scans: a 30,000-entity
 * load took 187 s instead of 50 s on this machine. So the store analyzes its own tables each time the changes it
 * made double (at 5,000, 10,000, 20,000 … changes: a handful of analyses per bulk load, none in a steady state that
 * changes little). Provider mutations and the loop (processing results and stitches) are counted apart: a first
 * mutation of 100,000 entities must not postpone the analyses of the relation and search rows the loop then
 * writes. Only PostgreSQL: SQLite's planner does not need statistics for
 * these queries, and InnoDB recalculates its own after 10% of a table changed.
 *
 * <p>Thread-safe; one analysis at a time, run by the thread whose write crossed the threshold, after its commit.
 */
public final class PlannerStatistics {
  private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);
  /** Changes before the first analysis. */
  static final long FIRST = 5_000;

  private final Transactor tx;
  private final boolean enabled;
  private final String analyze;
  private final Counter mutations = new Counter();
  private final Counter loop = new Counter();
  private final AtomicBoolean running = new AtomicBoolean();

  /** Changes of one kind and the count at which the next analysis is due. */
  private static final class Counter {
    final AtomicLong changes = new AtomicLong();
    final AtomicLong next = new AtomicLong(FIRST);
  }

  public PlannerStatistics(Transactor tx, Dialect dialect, Iterable<Table<Record>> tables) {
    this.tx = tx;
    this.enabled = dialect == Dialect.POSTGRES;
    java.util.List<String> names = new java.util.ArrayList<>();
    tables.forEach(t -> names.add(t.getQualifiedName().quotedName().toString()));
    this.analyze = "ANALYZE " + names.stream().collect(Collectors.joining(", "));
  }

  /** Notes {@code n} entities inserted, updated or deleted by a provider mutation; may analyze now. */
  public void mutated(long n) {
    changed(mutations, n);
  }

  /** Notes {@code n} processing results or stitches written; may analyze now. */
  public void looped(long n) {
    changed(loop, n);
  }

  private void changed(Counter counter, long n) {
    if (!enabled || n <= 0) {
      return;
    }
    long total = counter.changes.addAndGet(n);
    if (total < counter.next.get() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      counter.next.set(total * 2);
      long started = System.nanoTime();
      tx.read("Analyzing the catalog tables", t -> t.dsl().execute(analyze));
      LOG.debug("Analyzed the catalog tables after {} changes in {} ms", total,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.warn("Analyzing the catalog tables failed; the planner works with older statistics", e);
    } finally {
      running.set(false);
    }
  }
}
