package org.catalogengine.jdbc.internal.operations.stitching;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.ELEMENT_KEY;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.FINAL_ENTITY;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.GENERATION;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.HASH;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.LAST_UPDATED_AT;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.ORIGINAL_VALUE;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.SEARCH_KEY;
import static org.catalogengine.jdbc.internal.schema.LoopColumns.SEARCH_VALUE;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_STITCH_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.STITCH_TICKET;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.processing.RequestStitch;
import org.catalogengine.jdbc.internal.operations.Jdbc;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.SearchEntry;
import org.catalogengine.spi.storage.StitchCommit;
import org.catalogengine.spi.storage.StitchOutcome;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * T4/T5 for a batch: keeps the outcomes whose queue row still carries the claimed ticket, takes a range of
 * generations from the counter row, upserts the final entities, applies the search-row diff and deletes the settled
 * queue rows — all in the caller's transaction.
 *
 * <p>The queue rows are not locked while the batch is written: processing transactions upsert stitch requests for
 * the same hot refs (a group every member points at), and a lock held through 2,000 final-entity and search writes
 * made them queue behind it (on PostgreSQL most of a 100,000-entity load's time). Instead the tickets are read
 * first and a row is deleted at the end only if it still carries the claimed ticket. A request that arrives
 * meanwhile gives its row a new ticket, so the row stays and the entity is stitched again: no stitch is lost, and
 * a final entity written from inputs that changed meanwhile is replaced by the next stitch. Lock order: search rows
 * (by entity id), the counter, final entities (by entity id), stitch queue (by ref) last. The counter comes after
 * the search rows so that concurrent stitch transactions (PostgreSQL, MariaDB) queue on it only for the short
 * final-entity write, not for the whole batch.
 */
public final class WriteStitched {
  /** The order of one entity's search rows in the statements (after the entity id). */
  private static final Comparator<Object[]> ROW_ORDER = Comparator.<Object[], String>comparing(a -> (String) a[1])
      .thenComparing(a -> (String) a[2], Comparator.nullsFirst(Comparator.naturalOrder()));

  private WriteStitched() {}

  /**
   * What a batch's write needs that follows from the outcomes alone, worked out before the write transaction (on
   * SQLite, outside the single writer lock): the outcomes in ref order, and each stitched entity's search rows as
   * statement rows, in statement order.
   */
  public static final class Prepared {
    private final List<StitchOutcome> sorted;
    private final List<String> refs;
    private final Map<String, List<Object[]>> insertRows = new HashMap<>();

    private Prepared(List<StitchOutcome> outcomes) {
      sorted = List.copyOf(Chunks.sortedBy(outcomes, o -> o.ticket().ref().toString()));
      refs = sorted.stream().map(o -> o.ticket().ref().toString()).distinct().toList();
      for (StitchOutcome o : sorted) {
        if (o instanceof StitchOutcome.Stitched st) {
          List<Object[]> rows = new ArrayList<>(st.searchRows().size());
          for (SearchEntry e : st.searchRows()) {
            rows.add(insertRow(st.entityId(), e));
          }
          rows.sort(ROW_ORDER);
          insertRows.put(st.entityId(), rows);
        }
      }
    }
  }

  /** Prepares {@code outcomes} for {@link #run}; no database access. */
  public static Prepared prepare(List<StitchOutcome> outcomes) {
    return new Prepared(outcomes);
  }

  public static List<StitchCommit> run(Tx tx, Prepared prepared) {
    List<StitchOutcome> sorted = prepared.sorted;
    Map<String, String> tickets = new HashMap<>();
    List<String> refs = prepared.refs;
    // plain JDBC for the reads of a batch: jOOQ binds each IN-list value through its converters
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_REF, STITCH_TICKET).from(tx.t().stitchQueue)
        .where(ENTITY_REF.in(Jdbc.placeholders(n))), refs, rs -> tickets.put(rs.getString(1), rs.getString(2)));
    List<StitchOutcome> valid = new ArrayList<>();
    List<String> fenced = new ArrayList<>();
    for (StitchOutcome o : sorted) {
      String stored = tickets.get(o.ticket().ref().toString());
      if (o.ticket().ticket().equals(stored)) {
        valid.add(o);
      } else if (stored != null) {
        fenced.add(o.ticket().ref().toString());
      }
    }
    if (valid.isEmpty()) {
      dueNow(tx, fenced);
      return List.of();
    }
    // An entity deleted after its inputs were loaded has no final entity to write: its final and search rows went
    // with it (cascade), and writing them now would break the foreign keys and fail the whole batch.
    Set<String> alive = new HashSet<>();
    List<String> stitchedIds = valid.stream().filter(o -> o instanceof StitchOutcome.Stitched)
        .map(o -> ((StitchOutcome.Stitched) o).entityId()).sorted().toList();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_ID).from(tx.t().refreshState)
        .where(ENTITY_ID.in(Jdbc.placeholders(n))), stitchedIds, rs -> alive.add(rs.getString(1)));
    List<StitchOutcome> changes = valid.stream().filter(o -> !(o instanceof StitchOutcome.Settled)
        && !(o instanceof StitchOutcome.Stitched st && !alive.contains(st.entityId()))).toList();
    List<StitchCommit> commits = new ArrayList<>(changes.size());
    if (!changes.isEmpty()) {
      List<StitchOutcome.Stitched> stitched = new ArrayList<>();
      for (StitchOutcome o : changes) {
        if (o instanceof StitchOutcome.Stitched s) {
          stitched.add(s);
        }
      }
      // the search rows first: they are most of the work and need no generation, so the counter row (locked from
      // here to the commit, which keeps generations in commit order) is held only for the final-entity writes
      writeSearch(tx, stitched, prepared);
      long gen = Generations.take(tx, changes.size()) - changes.size();
      for (StitchOutcome o : changes) {
        gen++;
        commits.add(new StitchCommit(o.ticket().ref(), gen,
            o instanceof StitchOutcome.Stitched s ? s.finalJson() : null));
      }
      writeFinals(tx, stitched, commits);
    }
    List<Object[]> settled = new ArrayList<>(valid.size());
    valid.forEach(o -> settled.add(new Object[] {o.ticket().ref().toString(), o.ticket().ticket()}));
    Jdbc.batch(tx, tx.dsl().deleteFrom(tx.t().stitchQueue).where(ENTITY_REF.eq("")).and(STITCH_TICKET.eq("")),
        settled);
    dueNow(tx, fenced);
    return commits;
  }

  /**
   * Requests that arrived while their stitch was under way fenced it off (T5): it is not written, and the entity is
   * stitched again, first. The new request may be a relation peer's, due later than an entity's own
   * ({@code RequestStitch}), but the stitch it fenced was already due: a changed entity whose stitch a peer's request
   * fenced would otherwise wait behind every own request, its change unseen.
   */
  private static void dueNow(Tx tx, List<String> sortedRefs) {
    for (List<String> chunk : Chunks.of(sortedRefs, Chunks.IN_LIST)) {
      tx.dsl().update(tx.t().stitchQueue)
          .set(NEXT_STITCH_AT, tx.now())
          .where(ENTITY_REF.in(chunk))
          // a queued request only: one another worker has claimed since stays hidden for its lease
          .and(NEXT_STITCH_AT.le(tx.now() + RequestStitch.PEER_LEAD_MILLIS))
          .execute();
    }
  }

  private static void writeFinals(Tx tx, List<StitchOutcome.Stitched> stitched, List<StitchCommit> commits) {
    Map<String, Long> generations = new HashMap<>();
    commits.forEach(c -> generations.put(c.ref().toString(), c.generation()));
    List<StitchOutcome.Stitched> byId = new ArrayList<>(stitched);
    byId.sort(Comparator.comparing(StitchOutcome.Stitched::entityId));
    List<Object[]> rows = new ArrayList<>(byId.size());
    Long now = tx.now();
    for (StitchOutcome.Stitched s : byId) {
      String ref = s.ticket().ref().toString();
      rows.add(new Object[] {s.entityId(), ref, s.hash(), s.finalJson(), now, generations.get(ref)});
    }
    Map<Field<?>, Object> updates = new LinkedHashMap<>();
    updates.put(ENTITY_REF, DSL.excluded(ENTITY_REF));
    updates.put(HASH, DSL.excluded(HASH));
    updates.put(FINAL_ENTITY, DSL.excluded(FINAL_ENTITY));
    updates.put(LAST_UPDATED_AT, DSL.excluded(LAST_UPDATED_AT));
    updates.put(GENERATION, DSL.excluded(GENERATION));
    Jdbc.batch(tx, tx.dialect().upsert(tx.dsl(), tx.dsl().insertInto(tx.t().finalEntities, ENTITY_ID, ENTITY_REF,
        HASH, FINAL_ENTITY, LAST_UPDATED_AT, GENERATION).values("", "", "", "", 0L, 0L), List.of(ENTITY_ID), updates),
        rows);
  }

  /**
   * A row to insert; {@code original_value} is stored only where it differs from the lower-cased value (most
   * values are lower case already), and read back as the value where it is null.
   */
  private static Object[] insertRow(String entityId, SearchEntry e) {
    String original = java.util.Objects.equals(e.value(), e.originalValue()) ? null : e.originalValue();
    return new Object[] {entityId, e.key(), e.value(), original, e.elementKey() ? 1 : 0};
  }

  /** DESIGN decision 5: only changed (key, value) rows are written. */
  private static void writeSearch(Tx tx, List<StitchOutcome.Stitched> stitched, Prepared prepared) {
    if (stitched.isEmpty()) {
      return;
    }
    List<StitchOutcome.Stitched> byId = new ArrayList<>(stitched);
    byId.sort(Comparator.comparing(StitchOutcome.Stitched::entityId));
    List<String> ids = byId.stream().map(StitchOutcome.Stitched::entityId).toList();
    Map<String, Set<SearchEntry>> stored = new HashMap<>();
    Jdbc.selectIn(tx, n -> tx.dsl().select(ENTITY_ID, SEARCH_KEY, SEARCH_VALUE, ORIGINAL_VALUE, ELEMENT_KEY)
        .from(tx.t().search).where(ENTITY_ID.in(Jdbc.placeholders(n))), ids, rs -> {
          String value = rs.getString(3);
          String original = rs.getString(4);
          stored.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
              .add(new SearchEntry(rs.getString(2), value, original == null ? value : original, rs.getInt(5) != 0));
        });
    List<Object[]> deletes = new ArrayList<>();
    // in statement order as built: entity ids ascending, each entity's rows in ROW_ORDER
    List<Object[]> inserts = new ArrayList<>();
    for (StitchOutcome.Stitched s : byId) {
      Set<SearchEntry> old = stored.get(s.entityId());
      List<Object[]> rows = prepared.insertRows.get(s.entityId());
      if (old == null) {
        // a first stitch: every row is new, no set to build
        inserts.addAll(rows);
        continue;
      }
      Set<SearchEntry> next = new HashSet<>(s.searchRows());
      List<Object[]> gone = new ArrayList<>();
      for (SearchEntry e : old) {
        if (!next.contains(e)) {
          gone.add(new Object[] {s.entityId(), e.key(), e.value()});
        }
      }
      gone.sort(ROW_ORDER);
      deletes.addAll(gone);
      List<Object[]> added = new ArrayList<>();
      for (SearchEntry e : next) {
        if (!old.contains(e)) {
          added.add(insertRow(s.entityId(), e));
        }
      }
      added.sort(ROW_ORDER);
      inserts.addAll(added);
    }
    List<Object[]> valued = new ArrayList<>();
    List<Object[]> nullValued = new ArrayList<>();
    for (Object[] d : deletes) {
      if (d[2] == null) {
        nullValued.add(new Object[] {d[0], d[1]});
      } else {
        valued.add(d);
      }
    }
    Jdbc.batch(tx, tx.dsl().deleteFrom(tx.t().search).where(ENTITY_ID.eq("")).and(SEARCH_KEY.eq(""))
        .and(SEARCH_VALUE.eq("")), valued);
    Jdbc.batch(tx, tx.dsl().deleteFrom(tx.t().search).where(ENTITY_ID.eq("")).and(SEARCH_KEY.eq(""))
        .and(SEARCH_VALUE.isNull()), nullValued);
    Jdbc.batch(tx, tx.dsl().insertInto(tx.t().search, ENTITY_ID, SEARCH_KEY, SEARCH_VALUE, ORIGINAL_VALUE,
        ELEMENT_KEY).values("", "", "", "", 0), inserts);
  }
}
