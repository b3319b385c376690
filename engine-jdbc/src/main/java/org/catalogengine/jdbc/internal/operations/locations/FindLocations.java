package org.catalogengine.jdbc.internal.operations.locations;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.ID;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET;
import static org.catalogengine.jdbc.internal.schema.Tables.TYPE;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.StoredLocation;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Reads location rows: one by id, or all ordered by type then target. */
public final class FindLocations {
  private FindLocations() {}

  public static Optional<StoredLocation> byId(Tx tx, String id) {
    return query(tx, ID.eq(id)).stream().findFirst();
  }

  public static List<StoredLocation> all(Tx tx) {
    // sorted in Java: the target is an unindexed TEXT column, and location lists are short
    return query(tx, DSL.noCondition()).stream()
        .sorted(Comparator.comparing(StoredLocation::type).thenComparing(StoredLocation::target))
        .toList();
  }

  private static List<StoredLocation> query(Tx tx, Condition where) {
    return tx.dsl().select(ID, TYPE, TARGET, ENTITY_REF).from(tx.t().locations).where(where)
        .fetch(r -> new StoredLocation(r.value1(), r.value2(), r.value3(), EntityRef.parse(r.value4())));
  }
}
