package org.catalogengine.jdbc.internal.store;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.SEARCH_KEY;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.SEARCH_VALUE;

import java.util.concurrent.atomic.AtomicBoolean;
import org.catalogengine.jdbc.internal.operations.processing.CountWork;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.jdbc.internal.tx.Transactor;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search table's {@code (search_key, search_value)} index, which filters use (R2), built after a first load
 * rather than row by row during it.
 *
 * <p>Search rows arrive in entity order, but this index takes them at random places: every stitch batch dirties
 * most of its pages, and on a 100,000-entity first load keeping it up costs more than writing the rows themselves
 * ({@code IndexCostProbe}: 1.9 million rows took 22 s on SQLite and 30 s on PostgreSQL with it, 13 s and 19–20 s
 * when it was built afterwards). So when a provider mutation inserts at least {@code threshold} entities into a
 * catalog that has fewer than a tenth as many stitched entities, the index is dropped; it is built again as soon as
 * nothing is due for processing and fewer than {@link #DRAINED} stitch requests are left, before the store reports
 * idle, and before the store closes. Meanwhile filters still answer correctly, by scanning the search rows.
 *
 * <p>A process that stops before building it leaves no catalog without it: {@link #ensure()} builds a missing
 * index when a store opens. Another process sharing the database (PostgreSQL, MariaDB) runs its filters without
 * the index until the dropping process has built it again.
 */
public final class LookupIndex {
  /** The largest stitch backlog (with nothing due for processing) at which the index is built again. */
  static final int DRAINED = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(LookupIndex.class);

  private final Transactor tx;
  private final Tables tables;
  private final int threshold;
  private final AtomicBoolean deferred = new AtomicBoolean();

  /**
   * @param threshold the smallest mutation (inserted entities) that defers the index; 0 never defers it
   */
  public LookupIndex(Transactor tx, Tables tables, int threshold) {
    this.tx = tx;
    this.tables = tables;
    this.threshold = threshold;
  }

  /** Builds the index if it is missing (a process stopped before building it again); a no-op otherwise. */
  public void ensure() {
    tx.write("Creating the search lookup index if it is missing", t -> {
      create(t);
      return null;
    });
  }

  /** True while the index is dropped and not yet built again by this store. */
  public boolean deferred() {
    return deferred.get();
  }

  /**
   * After a provider mutation committed: drops the index when it inserted at least the threshold's entities into a
   * catalog with fewer than a tenth as many stitched ones (a first load, or a provider much larger than the rest).
   */
  public void afterMutation(int inserted) {
    if (threshold == 0 || inserted < threshold || deferred.get()) {
      return;
    }
    int tenth = inserted / 10;
    boolean dropped = tx.write("Deferring the search lookup index", t -> {
      if (t.dsl().fetchCount(DSL.selectOne().from(t.t().finalEntities).limit(tenth)) >= tenth) {
        return false;
      }
      drop(t);
      return true;
    });
    if (dropped && deferred.compareAndSet(false, true)) {
      LOG.info("Deferred the search lookup index for a mutation of {} new entities into a catalog with fewer than"
          + " {} stitched; it is built when the backlog has drained", inserted, tenth);
    }
  }

  /** After stitches were written: builds the index once the backlog has drained. */
  public void afterStitches() {
    if (deferred.get() && tx.read("Checking the backlog", LookupIndex::drained)) {
      build();
    }
  }

  /** Before the store reports idle or closes: builds a deferred index now. */
  public void build() {
    if (!deferred.compareAndSet(true, false)) {
      return;
    }
    long started = System.nanoTime();
    try {
      ensure();
    } catch (RuntimeException e) {
      deferred.set(true);
      throw e;
    }
    LOG.info("Built the search lookup index in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private static boolean drained(Tx t) {
    return !CountWork.anyDue(t)
        && t.dsl().fetchCount(DSL.selectOne().from(t.t().stitchQueue).limit(DRAINED)) < DRAINED;
  }

  private void create(Tx t) {
    t.dsl().createIndexIfNotExists(name()).on(t.t().search, SEARCH_KEY, SEARCH_VALUE).execute();
  }

  private void drop(Tx t) {
    String schema = tables.schema();
    if (schema == null) {
      // MariaDB needs the table (DROP INDEX … ON); the others ignore it
      t.dsl().dropIndexIfExists(name()).on(t.t().search).execute();
    } else {
      // a PostgreSQL schema, which jOOQ leaves out of a DROP INDEX (both identifiers are checked lower-case
      // names, see JdbcCatalogStore.Builder)
      t.dsl().execute("DROP INDEX IF EXISTS \"" + schema + "\".\"" + name().last() + "\"");
    }
  }

  /** The name the V1 migration gave it; created in the search table's schema. */
  private Name name() {
    return DSL.name(tables.prefix() + "search_key_value_ix");
  }
}
