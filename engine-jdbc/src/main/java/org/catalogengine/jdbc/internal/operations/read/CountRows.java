package org.catalogengine.jdbc.internal.operations.read;

import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.StoreStatistics;

/** Counts the rows of every table. */
public final class CountRows {
  private CountRows() {}

  public static StoreStatistics run(Tx tx) {
    var t = tx.t();
    var d = tx.dsl();
    return new StoreStatistics(
        d.fetchCount(t.refreshState), d.fetchCount(t.processingQueue), d.fetchCount(t.references),
        d.fetchCount(t.relations), d.fetchCount(t.finalEntities), d.fetchCount(t.search),
        d.fetchCount(t.stitchQueue), d.fetchCount(t.refreshKeys), d.fetchCount(t.locations),
        d.fetchCount(t.conflicts));
  }
}
