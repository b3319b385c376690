package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;

/** Deletes a provider's edges to the given refs (K3 on conflict; P7 after pruning retained roots). */
public final class DeleteProviderEdges {
  private DeleteProviderEdges() {}

  /** Returns the number of edges deleted. */
  public static int run(Tx tx, String source, List<String> targets) {
    int n = 0;
    for (List<String> chunk : Chunks.of(targets, Chunks.IN_LIST)) {
      n += tx.dsl().deleteFrom(tx.t().references)
          .where(SOURCE_KEY.eq(source))
          .and(TARGET_ENTITY_REF.in(chunk))
          .execute();
    }
    return n;
  }
}
