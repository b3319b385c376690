package org.catalogengine.jdbc.internal.operations.stitching;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.COUNTER_ID;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.GENERATION;

import org.catalogengine.jdbc.internal.tx.Tx;

/**
 * The generation counter row (DESIGN decision 11): takes {@code n} generations in the caller's transaction. The
 * update locks the row, so generations follow commit order across writers.
 */
public final class Generations {
  private Generations() {}

  /** Reserves {@code n} generations and returns the last one. */
  public static long take(Tx tx, int n) {
    tx.dsl().update(tx.t().generationCounter).set(GENERATION, GENERATION.plus(n)).where(COUNTER_ID.eq(1)).execute();
    return tx.dsl().select(GENERATION).from(tx.t().generationCounter).where(COUNTER_ID.eq(1))
        .fetchSingle(GENERATION);
  }

  /** The removals of deleted entities, one generation each in the order of {@code refs}, for the listeners. */
  public static java.util.List<org.catalogengine.spi.storage.StitchCommit> removals(Tx tx,
      java.util.List<String> refs) {
    if (refs.isEmpty()) {
      return java.util.List.of();
    }
    long gen = take(tx, refs.size()) - refs.size();
    java.util.List<org.catalogengine.spi.storage.StitchCommit> out = new java.util.ArrayList<>(refs.size());
    for (String ref : refs) {
      out.add(new org.catalogengine.spi.storage.StitchCommit(org.catalogengine.model.EntityRef.parse(ref), ++gen,
          null));
    }
    return out;
  }
}
