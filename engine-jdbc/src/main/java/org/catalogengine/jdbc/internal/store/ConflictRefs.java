package org.catalogengine.jdbc.internal.store;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;

/** The conflicted refs of many sources in one query per chunk (instead of one per parent). */
final class ConflictRefs {
  private ConflictRefs() {}

  static Map<String, Set<String>> bySource(Tx tx, List<String> sources) {
    Map<String, Set<String>> out = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(SOURCE, ENTITY_REF).from(tx.t().conflicts)
        .where(SOURCE.in(Jdbc.placeholders(n))), sources,
        rs -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
    return out;
  }
}
