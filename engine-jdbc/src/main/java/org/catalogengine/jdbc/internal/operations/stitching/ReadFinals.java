package org.catalogengine.jdbc.internal.operations.stitching;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.FINAL_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;

import java.util.List;
import java.util.Optional;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;

/** R1 minimum: a final entity by ref, and keyset pages of final entities ordered by ref. */
public final class ReadFinals {
  private ReadFinals() {}

  public static Optional<Entity> byRef(Tx tx, EntityRef ref) {
    return tx.dsl().select(FINAL_ENTITY).from(tx.t().finalEntities)
        .where(ENTITY_REF.eq(ref.toString())).and(FINAL_ENTITY.isNotNull())
        .fetchOptional(FINAL_ENTITY).map(Entity::parse);
  }

  public static List<Entity> page(Tx tx, @Nullable EntityRef after, int limit) {
    Condition c = FINAL_ENTITY.isNotNull();
    if (after != null) {
      c = c.and(ENTITY_REF.gt(after.toString()));
    }
    return tx.dsl().select(FINAL_ENTITY).from(tx.t().finalEntities).where(c).orderBy(ENTITY_REF).limit(limit)
        .fetch(FINAL_ENTITY).stream().map(Entity::parse).toList();
  }
}
