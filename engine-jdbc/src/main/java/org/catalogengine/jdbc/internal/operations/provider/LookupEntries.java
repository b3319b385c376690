package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_HASH;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jspecify.annotations.Nullable;

/** Looks refs up globally (not only in one bucket), in chunks: id, hash and key per existing ref (P5, K1). */
public final class LookupEntries {
  private LookupEntries() {}

  /** An existing refresh-state row, without its body. */
  public record Existing(String entityId, String ref, String unprocessedHash, @Nullable String locationKey) {}

  /** The existing rows for {@code refs}, keyed by canonical ref string. */
  public static Map<String, Existing> run(Tx tx, Collection<String> refs) {
    Map<String, Existing> out = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_ID, ENTITY_REF, UNPROCESSED_HASH, LOCATION_KEY)
            .from(tx.t().refreshState).where(ENTITY_REF.in(Jdbc.placeholders(n))),
        List.copyOf(refs),
        rs -> out.put(rs.getString(2), new Existing(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4))));
    return out;
  }
}
