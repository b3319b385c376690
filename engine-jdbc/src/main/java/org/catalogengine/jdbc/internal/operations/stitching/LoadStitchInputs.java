package org.catalogengine.jdbc.internal.operations.stitching;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.HASH;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.ERRORS;
import static org.catalogengine.jdbc.internal.schema.Tables.EXISTING_LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.FIRST_SEEN_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.LAST_SEEN_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.PROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.REJECTED_LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.REVERSE_TYPE;
import static org.catalogengine.jdbc.internal.schema.Tables.SEEN_COUNT;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TYPE;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.storage.ConflictRecord;
import org.catalogengine.spi.storage.StitchSource;
import org.jooq.impl.DSL;

/**
 * T1, set-based: per chunk of refs one query each for the entity rows (with the previous final hash), the refs
 * that have an incoming edge, the relation rows by source and by target, and the conflicts.
 */
public final class LoadStitchInputs {
  private LoadStitchInputs() {}

  public static List<StitchSource> run(Tx tx, List<String> refs) {
    // plain JDBC: jOOQ's fetch binds each IN-list value through its converters and builds a record per row
    Set<String> parented = new HashSet<>();
    Jdbc.selectIn(tx, n -> tx.dsl().selectDistinct(TARGET_ENTITY_REF).from(tx.t().references)
        .where(TARGET_ENTITY_REF.in(Jdbc.placeholders(n))), refs, rs -> parented.add(rs.getString(1)));
    Map<String, List<Relation>> relations = new HashMap<>();
    // no DISTINCT (a sort per chunk): the stitcher collapses duplicate rows itself (T1). A ref's relations are
    // the rows it is the source of, and the reverse relations of the rows it is the target of (RelationRows).
    Jdbc.selectIn(tx, 2, n -> tx.dsl().select(SOURCE_ENTITY_REF, TYPE, TARGET_ENTITY_REF).from(tx.t().relations)
        .where(SOURCE_ENTITY_REF.in(Jdbc.placeholders(n)))
        .unionAll(DSL.select(TARGET_ENTITY_REF, REVERSE_TYPE, SOURCE_ENTITY_REF).from(tx.t().relations)
            .where(TARGET_ENTITY_REF.in(Jdbc.placeholders(n))).and(REVERSE_TYPE.isNotNull())), refs, rs -> {
              String source = rs.getString(1);
              relations.computeIfAbsent(source, k -> new ArrayList<>())
                  .add(new Relation(EntityRef.parse(source), rs.getString(2), EntityRef.parse(rs.getString(3))));
            });
    Map<String, List<ConflictRecord>> conflicts = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_REF, SOURCE, EXISTING_LOCATION_KEY, REJECTED_LOCATION_KEY,
        FIRST_SEEN_AT, LAST_SEEN_AT, SEEN_COUNT).from(tx.t().conflicts).where(ENTITY_REF.in(Jdbc.placeholders(n))),
        refs, rs -> {
          String ref = rs.getString(1);
          conflicts.computeIfAbsent(ref, k -> new ArrayList<>())
              .add(new ConflictRecord(EntityRef.parse(ref), rs.getString(2), rs.getString(3), rs.getString(4),
                  Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), rs.getLong(7)));
        });
    List<StitchSource> out = new ArrayList<>(refs.size());
    Jdbc.selectIn(tx, n -> tx.dsl().select(col("r", ENTITY_ID), col("r", ENTITY_REF), col("r", PROCESSED_ENTITY),
            DSL.when(col("r", PROCESSED_ENTITY).isNull(), col("r", UNPROCESSED_ENTITY)),
            col("r", ERRORS), col("f", HASH))
        .from(tx.t().refreshState.as("r"))
        .leftJoin(tx.t().finalEntities.as("f")).on(col("f", ENTITY_ID).eq(col("r", ENTITY_ID)))
        .where(col("r", ENTITY_REF).in(Jdbc.placeholders(n))), refs, rs -> {
          String ref = rs.getString(2);
          out.add(new StitchSource(rs.getString(1), EntityRef.parse(ref), rs.getString(3), rs.getString(4),
              rs.getString(5), !parented.contains(ref), relations.getOrDefault(ref, List.of()),
              conflicts.getOrDefault(ref, List.of()), rs.getString(6)));
        });
    return out;
  }
}
