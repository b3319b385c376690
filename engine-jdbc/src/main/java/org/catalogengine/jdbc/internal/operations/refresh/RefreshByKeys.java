package org.catalogengine.jdbc.internal.operations.refresh;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.REFRESH_KEY;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;

/** P8: makes every entity that registered one of the (normalised) keys due now. */
public final class RefreshByKeys {
  private RefreshByKeys() {}

  /** {@code keys} normalised (S9), sorted, distinct; returns the number of queue rows made due. */
  public static int run(Tx tx, List<String> keys) {
    int n = 0;
    for (List<String> chunk : Chunks.of(keys, Chunks.IN_LIST)) {
      n += tx.dsl().update(tx.t().processingQueue)
          .set(NEXT_UPDATE_AT, tx.now())
          .where(ENTITY_ID.in(tx.dsl().select(ENTITY_ID).from(tx.t().refreshKeys).where(REFRESH_KEY.in(chunk))))
          .execute();
    }
    return n;
  }
}
