package org.catalogengine.jdbc.internal.operations.locations;

import static org.catalogengine.jdbc.internal.schema.Tables.CREATED_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.ID;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET;
import static org.catalogengine.jdbc.internal.schema.Tables.TYPE;

import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.StoredLocation;

/** Inserts a location row; returns false when type+target (its generated entity ref) is already registered. */
public final class InsertLocation {
  private InsertLocation() {}

  public static boolean run(Tx tx, StoredLocation location) {
    if (tx.dsl().fetchExists(tx.t().locations, ENTITY_REF.eq(location.entityRef().toString()))) {
      return false;
    }
    tx.dsl().insertInto(tx.t().locations, ID, TYPE, TARGET, ENTITY_REF, CREATED_AT)
        .values(location.id(), location.type(), location.target(), location.entityRef().toString(), tx.now())
        .execute();
    return true;
  }
}
