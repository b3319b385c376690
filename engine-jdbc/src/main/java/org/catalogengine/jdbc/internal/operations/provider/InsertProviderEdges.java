package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;

/** Inserts provider root edges (source_key → target) with multi-row statements; refs sorted. */
public final class InsertProviderEdges {
  private InsertProviderEdges() {}

  public static void run(Tx tx, String source, List<String> targets) {
    for (List<String> chunk : Chunks.of(targets, 1_000)) {
      InsertValuesStep2<Record, String, String> insert =
          tx.dsl().insertInto(tx.t().references, SOURCE_KEY, TARGET_ENTITY_REF);
      for (String t : chunk) {
        insert = insert.values(source, t);
      }
      insert.execute();
    }
  }
}
