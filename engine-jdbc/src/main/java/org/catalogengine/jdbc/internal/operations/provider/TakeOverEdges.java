package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;

/**
 * Before a provider (re)claims refs (P6): deletes the edges from parent entities (the entity is taken over,
 * detached from a previous parent) and the provider's own edges. Other providers' edges stay, so two
 * providers may both claim a root (CS17) and pruning keeps it while either does.
 */
public final class TakeOverEdges {
  private TakeOverEdges() {}

  public static void run(Tx tx, String source, List<String> targets) {
    for (List<String> chunk : Chunks.of(targets, Chunks.IN_LIST)) {
      tx.dsl().deleteFrom(tx.t().references)
          .where(TARGET_ENTITY_REF.in(chunk))
          .and(SOURCE_ENTITY_REF.isNotNull().or(SOURCE_KEY.eq(source)))
          .execute();
    }
  }
}
