package org.catalogengine.jdbc.internal.operations.read;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.LAST_DISCOVERY_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.PROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.RESULT_HASH;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_HASH;
import static org.catalogengine.jdbc.internal.schema.Tables.col;

import java.time.Instant;
import java.util.Optional;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.EntityState;

/** Reads one entity's refresh state and schedule. */
public final class FindEntityState {
  private FindEntityState() {}

  public static Optional<EntityState> run(Tx tx, EntityRef ref) {
    return tx.dsl()
        .select(col("r", ENTITY_ID), col("r", UNPROCESSED_ENTITY), col("r", UNPROCESSED_HASH),
            col("r", PROCESSED_ENTITY), col("r", RESULT_HASH), col("r", LOCATION_KEY), col("q", NEXT_UPDATE_AT),
            col("r", LAST_DISCOVERY_AT))
        .from(tx.t().refreshState.as("r"))
        .leftJoin(tx.t().processingQueue.as("q")).on(col("q", ENTITY_ID).eq(col("r", ENTITY_ID)))
        .where(col("r", ENTITY_REF).eq(ref.toString()))
        .fetchOptional(r -> new EntityState(
            r.value1(), ref, Entity.parse(r.value2()), r.value3(),
            r.value4() == null ? null : Entity.parse(r.value4()), r.value5(), r.value6(),
            Instant.ofEpochMilli(r.value7() == null ? Long.MAX_VALUE / 2 : r.value7()),
            Instant.ofEpochMilli(r.value8())));
  }
}
