package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.ERRORS;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.PROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.RESULT_HASH;

import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;

/**
 * Writes a successful processing result under the key guard K5: only if the row's key is null or equals the
 * key the entity was claimed with. The row's key becomes the claimed key (L19).
 */
public final class WriteProcessedEntity {
  private WriteProcessedEntity() {}

  /** The input. */
  public record Input(String ref, @Nullable String claimedLocationKey, String processedJson, String resultHash) {}

  /** Returns true if written, false if the guard (or a missing row) refused it. */
  public static boolean run(Tx tx, Input in) {
    Condition guard = in.claimedLocationKey() == null
        ? LOCATION_KEY.isNull()
        : LOCATION_KEY.isNull().or(LOCATION_KEY.eq(in.claimedLocationKey()));
    return tx.dsl().update(tx.t().refreshState)
        .set(PROCESSED_ENTITY, in.processedJson())
        .set(RESULT_HASH, in.resultHash())
        .set(ERRORS, "[]")
        .set(LOCATION_KEY, in.claimedLocationKey())
        .where(ENTITY_REF.eq(in.ref()))
        .and(guard)
        .execute() == 1;
  }
}
