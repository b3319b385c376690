package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;

import java.util.Set;
import java.util.TreeSet;
import org.catalogengine.jdbc.internal.tx.Tx;

/** Every provider name that owns an edge (P9); served by the (source_key, target) index. */
public final class ListSourceKeys {
  private ListSourceKeys() {}

  public static Set<String> run(Tx tx) {
    return new TreeSet<>(tx.dsl().selectDistinct(SOURCE_KEY)
        .from(tx.t().references)
        .where(SOURCE_KEY.isNotNull())
        .fetch(SOURCE_KEY));
  }
}
