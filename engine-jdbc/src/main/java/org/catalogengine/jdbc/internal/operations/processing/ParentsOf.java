package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;

/** The entity parents (not providers) of each ref, sorted; refs without parents are absent (L25). */
public final class ParentsOf {
  private ParentsOf() {}

  public static Map<String, List<String>> run(Tx tx, Collection<String> refs) {
    Map<String, List<String>> out = new TreeMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(TARGET_ENTITY_REF, SOURCE_ENTITY_REF).from(tx.t().references)
        .where(TARGET_ENTITY_REF.in(Jdbc.placeholders(n))).and(SOURCE_ENTITY_REF.isNotNull()), List.copyOf(refs),
        rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  /** Child refs of each parent (the edges the parent's last successful run created). */
  public static Map<String, List<String>> childrenOf(Tx tx, Collection<String> parents) {
    Map<String, List<String>> out = new TreeMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(SOURCE_ENTITY_REF, TARGET_ENTITY_REF).from(tx.t().references)
        .where(SOURCE_ENTITY_REF.in(Jdbc.placeholders(n))), List.copyOf(parents),
        rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
    return out;
  }
}
