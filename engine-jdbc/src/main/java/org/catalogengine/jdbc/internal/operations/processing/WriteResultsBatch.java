package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.CACHE;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.ERRORS;
import static org.catalogengine.jdbc.internal.schema.Tables.FAILURE_COUNT;
import static org.catalogengine.jdbc.internal.schema.Tables.LEASE_OWNER;
import static org.catalogengine.jdbc.internal.schema.Tables.LEASE_UNTIL;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.ORIGINATING_ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.PROCESSED_ENTITY;
import static org.catalogengine.jdbc.internal.schema.Tables.REFRESH_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.RESULT_HASH;
import static org.catalogengine.jdbc.internal.schema.Tables.REVERSE_TYPE;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.TYPE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.operations.processing.RelationRows.Row;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.jooq.InsertValuesStep2;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The set-based statements of a processing batch write (L19, L21, L23, L28, schedule); rows sorted by ref. */
public final class WriteResultsBatch {
  private WriteResultsBatch() {}

  /** One processed-entity update under the K5 guard. */
  public record Processed(String entityId, @Nullable String claimedKey, String json, String resultHash) {}

  /** One failed result. */
  public record Failure(String entityId, String errorsJson, String resultHash) {}

  /** One schedule update. */
  public record Schedule(String entityId, long nextUpdateAt, int failureCount) {}

  /** The ids among {@code ids} that still exist (a provider may have removed some while they were processed). */
  public static Set<String> existing(Tx tx, Collection<String> ids) {
    Set<String> out = new HashSet<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_ID).from(tx.t().refreshState)
        .where(ENTITY_ID.in(Jdbc.placeholders(n))), List.copyOf(ids), rs -> out.add(rs.getString(1)));
    return out;
  }

  /**
   * The refs among {@code refs} of entities with a processing result (a processed body or errors). On SQLite
   * from the partial index of exactly those refs (schema V6), named because the planner, without statistics,
   * would take the unique ref index and read each entity's row.
   */
  public static Set<String> everProcessed(Tx tx, Collection<String> refs) {
    Set<String> out = new HashSet<>();
    Jdbc.selectIn(tx, n -> everProcessedQuery(tx, n), List.copyOf(refs), rs -> out.add(rs.getString(1)));
    return out;
  }

  /** {@link #everProcessed}'s query for an IN list of {@code n} refs. */
  static Query everProcessedQuery(Tx tx, int n) {
    return tx.dsl().select(ENTITY_REF).from(tx.refreshStateVia(Dialect.PROCESSED_INDEX, null))
        .where(ENTITY_REF.in(Jdbc.placeholders(n))).and(PROCESSED_ENTITY.isNotNull().or(ERRORS.isNotNull()));
  }

  /** Writes processed entities; returns the ids whose write the K5 guard refused. */
  public static Set<String> processed(Tx tx, List<Processed> rows) {
    List<List<Processed>> chunks = Chunks.bySize(rows, 500, tx.dialect().maxStatementBytes(),
        r -> 2L * r.json().length() + 200);
    if (tx.dialect() == Dialect.POSTGRES && distinctIds(rows, Processed::entityId)) {
      return processedInOneStatementPerChunk(tx, chunks);
    }
    Set<String> refused = new HashSet<>();
    for (List<Processed> chunk : chunks) {
      List<Object[]> binds = new ArrayList<>(chunk.size());
      for (Processed p : chunk) {
        binds.add(new Object[] {p.json(), p.resultHash(), "[]", p.claimedKey(), p.entityId(), p.claimedKey()});
      }
      // plain JDBC binding: jOOQ's batch binds each value through its converters, a few microseconds a value
      int[] counts = Jdbc.batchCounts(tx, tx.dsl().update(tx.t().refreshState)
          .set(PROCESSED_ENTITY, "")
          .set(RESULT_HASH, "")
          .set(ERRORS, "")
          .set(LOCATION_KEY, "")
          .where(ENTITY_ID.eq(""))
          // K5: a null claimed key binds "= NULL", which is never true, so only "IS NULL" passes
          .and(LOCATION_KEY.isNull().or(LOCATION_KEY.eq(""))), binds);
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          refused.add(chunk.get(i).entityId());
        }
      }
    }
    return refused;
  }

  /**
   * PostgreSQL: {@link #processed} as one {@code UPDATE ... FROM (VALUES ...)} per chunk instead of one statement
   * per row. Each statement execution there is planned afresh (custom plans, {@code Dialect}) and runs its own
   * executor, which made the per-row update of the processed bodies the server's most frequent statement of a first
   * load (100,000 executions). The K5 guard is the same condition; the ids the statement returns are the rows it
   * wrote, and the others are refused.
   */
  private static Set<String> processedInOneStatementPerChunk(Tx tx, List<List<Processed>> chunks) {
    Set<String> written = new HashSet<>();
    List<List<Object[]>> binds = new ArrayList<>(chunks.size());
    for (List<Processed> chunk : chunks) {
      List<Object[]> b = new ArrayList<>(chunk.size());
      for (Processed p : chunk) {
        b.add(new Object[] {p.entityId(), p.json(), p.resultHash(), p.claimedKey()});
      }
      binds.add(b);
    }
    String table = tx.dsl().render(tx.t().refreshState);
    Jdbc.multiRow(tx, binds, n -> "UPDATE " + table + " AS r SET processed_entity = v.processed, result_hash = v.hash,"
        + " errors = '[]', location_key = v.claimed FROM (VALUES " + Jdbc.valueRows(n, 4)
        + ") AS v (id, processed, hash, claimed) WHERE r.entity_id = v.id"
        // K5: a null claimed key never equals, so only a null stored key passes
        + " AND (r.location_key IS NULL OR r.location_key = v.claimed) RETURNING r.entity_id",
        rs -> written.add(rs.getString(1)));
    Set<String> refused = new HashSet<>();
    chunks.forEach(c -> c.forEach(p -> {
      if (!written.contains(p.entityId())) {
        refused.add(p.entityId());
      }
    }));
    return refused;
  }

  /** True when no two rows have the same id (one multi-row update can then stand for one update per row). */
  private static <T> boolean distinctIds(List<T> rows, java.util.function.Function<T, String> id) {
    Set<String> seen = new HashSet<>();
    for (T r : rows) {
      if (!seen.add(id.apply(r))) {
        return false;
      }
    }
    return true;
  }

  /** Writes failed results (L23): errors and result hash only. */
  public static void failures(Tx tx, List<Failure> rows) {
    List<Object[]> binds = new ArrayList<>(rows.size());
    rows.forEach(f -> binds.add(new Object[] {f.errorsJson(), f.resultHash(), f.entityId()}));
    Jdbc.batch(tx, tx.dsl().update(tx.t().refreshState).set(ERRORS, "").set(RESULT_HASH, "")
        .where(ENTITY_ID.eq("")), binds);
  }

  /** Writes changed processor caches (L28); {@code caches} maps entity id to cache JSON. */
  public static void caches(Tx tx, Map<String, String> caches) {
    List<Object[]> binds = new ArrayList<>(caches.size());
    caches.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> binds.add(new Object[] {e.getValue(), e.getKey()}));
    Jdbc.batch(tx, tx.dsl().update(tx.t().refreshState).set(CACHE, "").where(ENTITY_ID.eq("")), binds);
  }

  /** The failure counts of the given ids. */
  public static Map<String, Integer> failureCounts(Tx tx, Collection<String> ids) {
    Map<String, Integer> out = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_ID, FAILURE_COUNT).from(tx.t().processingQueue)
        .where(ENTITY_ID.in(Jdbc.placeholders(n))), List.copyOf(ids), rs -> out.put(rs.getString(1), rs.getInt(2)));
    return out;
  }

  /**
   * Sets the next due time and releases the lease. A row made due by someone else during the run (its
   * {@code next_update_at} no longer equals the lease end set by the claim) keeps that earlier time (L4).
   */
  public static void schedule(Tx tx, List<Schedule> rows) {
    if (tx.dialect() == Dialect.POSTGRES && distinctIds(rows, Schedule::entityId)) {
      // one statement per chunk instead of one per row, as processedInOneStatementPerChunk
      List<List<Object[]>> binds = new ArrayList<>();
      for (List<Schedule> chunk : Chunks.of(rows, 500)) {
        List<Object[]> b = new ArrayList<>(chunk.size());
        chunk.forEach(r -> b.add(new Object[] {r.entityId(), r.nextUpdateAt(), r.failureCount()}));
        binds.add(b);
      }
      String table = tx.dsl().render(tx.t().processingQueue);
      Jdbc.multiRow(tx, binds, n -> "UPDATE " + table + " AS q SET next_update_at = CASE WHEN q.lease_until IS NULL"
          + " OR q.next_update_at = q.lease_until THEN v.due ELSE q.next_update_at END, lease_until = NULL,"
          + " lease_owner = NULL, failure_count = v.failures FROM (VALUES " + Jdbc.valueRows(n, 3)
          + ") AS v (id, due, failures) WHERE q.entity_id = v.id", null);
      return;
    }
    List<Object[]> binds = new ArrayList<>(rows.size());
    rows.forEach(r -> binds.add(new Object[] {r.nextUpdateAt(), r.failureCount(), r.entityId()}));
    Jdbc.batch(tx, tx.dsl().update(tx.t().processingQueue)
        .set(NEXT_UPDATE_AT, DSL.when(LEASE_UNTIL.isNull().or(NEXT_UPDATE_AT.eq(LEASE_UNTIL)),
            DSL.val(0L, NEXT_UPDATE_AT)).otherwise(NEXT_UPDATE_AT))
        // inline nulls: the plain-JDBC batch binds only the values below
        .set(LEASE_UNTIL, DSL.inline((Long) null, LEASE_UNTIL))
        .set(LEASE_OWNER, DSL.inline((String) null, LEASE_OWNER))
        .set(FAILURE_COUNT, 0)
        .where(ENTITY_ID.eq("")), binds);
  }

  /** The relation rows each of {@code ids} originated. */
  public static Map<String, Set<Row>> relations(Tx tx, Collection<String> ids) {
    Map<String, Set<Row>> out = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ORIGINATING_ENTITY_ID, SOURCE_ENTITY_REF, TYPE, TARGET_ENTITY_REF,
        REVERSE_TYPE).from(tx.t().relations).where(ORIGINATING_ENTITY_ID.in(Jdbc.placeholders(n))), List.copyOf(ids),
        rs -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
            .add(new Row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
    return out;
  }

  /** Deletes relation rows: (originating id, row) pairs. */
  public static void deleteRelations(Tx tx, List<Map.Entry<String, Row>> rows) {
    List<Object[]> single = new ArrayList<>();
    List<Object[]> paired = new ArrayList<>();
    for (Map.Entry<String, Row> e : rows) {
      Row r = e.getValue();
      if (r.reverseType() == null) {
        single.add(new Object[] {e.getKey(), r.source(), r.type(), r.target()});
      } else {
        paired.add(new Object[] {e.getKey(), r.source(), r.type(), r.target(), r.reverseType()});
      }
    }
    Jdbc.batch(tx, tx.dsl().deleteFrom(tx.t().relations).where(ORIGINATING_ENTITY_ID.eq(""))
        .and(SOURCE_ENTITY_REF.eq("")).and(TYPE.eq("")).and(TARGET_ENTITY_REF.eq("")).and(REVERSE_TYPE.isNull()),
        single);
    Jdbc.batch(tx, tx.dsl().deleteFrom(tx.t().relations).where(ORIGINATING_ENTITY_ID.eq(""))
        .and(SOURCE_ENTITY_REF.eq("")).and(TYPE.eq("")).and(TARGET_ENTITY_REF.eq("")).and(REVERSE_TYPE.eq("")),
        paired);
  }

  /** Inserts relation rows with multi-row statements. */
  public static void insertRelations(Tx tx, List<Map.Entry<String, Row>> rows) {
    List<Object[]> binds = new ArrayList<>(rows.size());
    for (Map.Entry<String, Row> e : rows) {
      Row r = e.getValue();
      binds.add(new Object[] {e.getKey(), r.source(), r.type(), r.target(), r.reverseType()});
    }
    Jdbc.batch(tx, tx.dsl().insertInto(tx.t().relations, ORIGINATING_ENTITY_ID, SOURCE_ENTITY_REF, TYPE,
        TARGET_ENTITY_REF, REVERSE_TYPE).values("", "", "", "", ""), binds);
  }

  /** The refresh keys each of {@code ids} registered. */
  public static Map<String, Set<String>> refreshKeys(Tx tx, Collection<String> ids) {
    Map<String, Set<String>> out = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_ID, REFRESH_KEY).from(tx.t().refreshKeys)
        .where(ENTITY_ID.in(Jdbc.placeholders(n))), List.copyOf(ids),
        rs -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
    return out;
  }

  /** Deletes (entity id, key) pairs. */
  public static void deleteRefreshKeys(Tx tx, List<Map.Entry<String, String>> rows) {
    List<Object[]> binds = new ArrayList<>(rows.size());
    rows.forEach(e -> binds.add(new Object[] {e.getKey(), e.getValue()}));
    Jdbc.batch(tx, tx.dsl().deleteFrom(tx.t().refreshKeys).where(ENTITY_ID.eq("")).and(REFRESH_KEY.eq("")), binds);
  }

  /** Inserts (entity id, key) pairs. */
  public static void insertRefreshKeys(Tx tx, List<Map.Entry<String, String>> rows) {
    for (List<Map.Entry<String, String>> chunk : Chunks.of(rows, 1_000)) {
      InsertValuesStep2<Record, String, String> insert =
          tx.dsl().insertInto(tx.t().refreshKeys, ENTITY_ID, REFRESH_KEY);
      for (Map.Entry<String, String> e : chunk) {
        insert = insert.values(e.getKey(), e.getValue());
      }
      insert.execute();
    }
  }

  /**
   * L20 for many parents at once: deletes the edges from {@code parents} (the caller may leave out parents it
   * knows to have none) and every edge to a written child, then inserts one edge per written child from the
   * parent that wrote it last.
   */
  public static void replaceEdges(Tx tx, List<String> parents, Map<String, String> childToParent) {
    Jdbc.updateIn(tx, n -> tx.dsl().deleteFrom(tx.t().references)
        .where(SOURCE_ENTITY_REF.in(Jdbc.placeholders(n))), parents);
    List<String> children = childToParent.keySet().stream().sorted().toList();
    Jdbc.updateIn(tx, n -> tx.dsl().deleteFrom(tx.t().references)
        .where(TARGET_ENTITY_REF.in(Jdbc.placeholders(n))), children);
    for (List<String> chunk : Chunks.of(children, 1_000)) {
      InsertValuesStep2<Record, String, String> insert =
          tx.dsl().insertInto(tx.t().references, SOURCE_ENTITY_REF, TARGET_ENTITY_REF);
      for (String child : chunk) {
        insert = insert.values(childToParent.get(child), child);
      }
      insert.execute();
    }
  }

  /** The refs of the given entity ids. */
  public static Map<String, String> refsOf(Tx tx, Collection<String> ids) {
    Map<String, String> out = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_ID, ENTITY_REF).from(tx.t().refreshState)
        .where(ENTITY_ID.in(Jdbc.placeholders(n))), List.copyOf(ids), rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }
}
