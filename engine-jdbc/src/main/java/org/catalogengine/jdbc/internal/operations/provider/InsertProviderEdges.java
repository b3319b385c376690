package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.List;
import java.util.ArrayList;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;

/** Inserts provider root edges (source_key → target) with a JDBC batch; refs sorted. */
public final class InsertProviderEdges {
  private InsertProviderEdges() {}

  public static void run(Tx tx, String source, List<String> targets) {
    List<Object[]> rows = new ArrayList<>(targets.size());
    for (String t : targets) {
      rows.add(new Object[] {source, t});
    }
    Jdbc.batch(tx, tx.dsl().insertInto(tx.t().references, SOURCE_KEY, TARGET_ENTITY_REF).values("", ""), rows);
  }
}
