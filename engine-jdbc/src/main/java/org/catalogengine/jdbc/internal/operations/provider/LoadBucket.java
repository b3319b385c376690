package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_HASH;
import static org.catalogengine.jdbc.internal.schema.Tables.col;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.internal.provider.StoredEntry;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.jooq.Cursor;
import org.jooq.Record3;

/** Streams a provider's bucket as (ref, unprocessed hash, location key) — never bodies — for planning (P4). */
public final class LoadBucket {
  private LoadBucket() {}

  public static List<StoredEntry> run(Tx tx, String source) {
    List<StoredEntry> out = new ArrayList<>();
    try (Cursor<Record3<String, String, String>> cursor = tx.dsl()
        .select(col("r", ENTITY_REF), col("r", UNPROCESSED_HASH), col("r", LOCATION_KEY))
        .from(tx.t().references.as("e"))
        .join(tx.t().refreshState.as("r")).on(col("r", ENTITY_REF).eq(col("e", TARGET_ENTITY_REF)))
        .where(col("e", SOURCE_KEY).eq(source))
        .fetchSize(5_000)
        .fetchLazy()) {
      for (Record3<String, String, String> r : cursor) {
        out.add(new StoredEntry(EntityRef.parse(r.value1()), r.value2(), r.value3()));
      }
    }
    return out;
  }
}
