package org.catalogengine.jdbc.internal.operations.read;

import static org.catalogengine.jdbc.internal.schema.Tables.REVERSE_TYPE;

import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.StoreStatistics;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/** Counts the rows of every table (for relations, the relations the rows hold). */
public final class CountRows {
  private CountRows() {}

  public static StoreStatistics run(Tx tx) {
    var t = tx.t();
    var d = tx.dsl();
    // relations, not rows: a row that also holds the reverse relation counts twice (RelationRows)
    Record2<Integer, Integer> relations = d.select(DSL.count(), DSL.count(REVERSE_TYPE)).from(t.relations).fetchOne();
    return new StoreStatistics(
        d.fetchCount(t.refreshState), d.fetchCount(t.processingQueue), d.fetchCount(t.references),
        relations.value1() + relations.value2(), d.fetchCount(t.finalEntities), d.fetchCount(t.search),
        d.fetchCount(t.stitchQueue), d.fetchCount(t.refreshKeys), d.fetchCount(t.locations),
        d.fetchCount(t.conflicts));
  }
}
