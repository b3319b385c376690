package org.catalogengine.jdbc.internal.operations.read;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.EXISTING_LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.FIRST_SEEN_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.LAST_SEEN_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.REJECTED_LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.SEEN_COUNT;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE;

import java.time.Instant;
import java.util.List;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.ConflictRecord;

/** Reads every conflict row, ordered by ref then source. */
public final class ListConflicts {
  private ListConflicts() {}

  public static List<ConflictRecord> run(Tx tx) {
    return tx.dsl().select(ENTITY_REF, SOURCE, EXISTING_LOCATION_KEY, REJECTED_LOCATION_KEY, FIRST_SEEN_AT,
            LAST_SEEN_AT, SEEN_COUNT)
        .from(tx.t().conflicts)
        .orderBy(ENTITY_REF, SOURCE)
        .fetch(r -> new ConflictRecord(EntityRef.parse(r.value1()), r.value2(), r.value3(), r.value4(),
            Instant.ofEpochMilli(r.value5()), Instant.ofEpochMilli(r.value6()), r.value7()));
  }
}
