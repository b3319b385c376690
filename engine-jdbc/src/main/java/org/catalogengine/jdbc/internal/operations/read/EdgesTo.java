package org.catalogengine.jdbc.internal.operations.read;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.Comparator;
import java.util.List;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.ReferenceEdge;

/** Reads the edges pointing at one entity: providers first, then parents, each sorted. */
public final class EdgesTo {
  private EdgesTo() {}

  public static List<ReferenceEdge> run(Tx tx, EntityRef target) {
    return tx.dsl().select(SOURCE_KEY, SOURCE_ENTITY_REF).from(tx.t().references)
        .where(TARGET_ENTITY_REF.eq(target.toString()))
        .fetch(r -> r.value1() != null
            ? ReferenceEdge.fromProvider(r.value1(), target)
            : ReferenceEdge.fromEntity(EntityRef.parse(r.value2()), target))
        .stream()
        .sorted(Comparator.comparing((ReferenceEdge e) -> e.sourceKey() == null ? 1 : 0)
            .thenComparing(e -> e.sourceKey() != null ? e.sourceKey() : String.valueOf(e.sourceRef())))
        .toList();
  }
}
