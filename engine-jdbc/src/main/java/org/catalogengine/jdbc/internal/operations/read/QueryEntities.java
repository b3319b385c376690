package org.catalogengine.jdbc.internal.operations.read;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.FINAL_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;

import java.util.List;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.query.EntityFilter;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** R2: a keyset page of the final entities matching a filter, ordered by ref (like {@code ReadFinals.page}). */
public final class QueryEntities {
  private QueryEntities() {}

  /** The page query, built without a connection ({@link FilterConditions} plans the filter). */
  public static ResultQuery<Record1<String>> query(Tables t, EntityFilter filter, @Nullable EntityRef after,
      int limit) {
    Field<String> body = FilterConditions.column(t.finalEntities, FINAL_ENTITY);
    Field<String> ref = FilterConditions.column(t.finalEntities, ENTITY_REF);
    // rows with a null body have not been stitched yet and are invisible to readers (S4)
    Condition c = body.isNotNull().and(FilterConditions.of(t, filter));
    if (after != null) {
      c = c.and(ref.gt(after.toString()));
    }
    return DSL.select(body).from(t.finalEntities).where(c).orderBy(ref).limit(limit);
  }

  public static List<Entity> run(Tx tx, EntityFilter filter, @Nullable EntityRef after, int limit) {
    return tx.dsl().fetch(query(tx.t(), filter, after, limit)).map(r -> Entity.parse(r.value1()));
  }
}
