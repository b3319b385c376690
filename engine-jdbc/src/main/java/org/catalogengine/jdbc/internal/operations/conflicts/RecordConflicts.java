package org.catalogengine.jdbc.internal.operations.conflicts;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.EXISTING_LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.FIRST_SEEN_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.LAST_SEEN_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.REJECTED_LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.SEEN_COUNT;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.Entity;
import org.jooq.BatchBindStep;
import org.jooq.InsertValuesStep7;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Upserts conflict rows for one source (K7 improved): a new conflict is inserted (first seen now, count 1); a
 * known one keeps first seen and gets last seen and count updated; one whose keys changed counts as new.
 * Returns the newly seen conflicts — the only ones that are logged and published.
 */
public final class RecordConflicts {
  private RecordConflicts() {}

  /** One rejected write. */
  public record Hit(String ref, @Nullable String existingKey, @Nullable String rejectedKey, Entity rejected) {}

  private record Keys(@Nullable String existing, @Nullable String rejected) {}

  /** {@code hits} sorted by ref. */
  public static List<Hit> run(Tx tx, String source, List<Hit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<String, Keys> known = new HashMap<>();
    for (List<Hit> chunk : Chunks.of(hits, Chunks.IN_LIST)) {
      tx.dsl().select(ENTITY_REF, EXISTING_LOCATION_KEY, REJECTED_LOCATION_KEY)
          .from(tx.t().conflicts)
          .where(SOURCE.eq(source))
          .and(ENTITY_REF.in(chunk.stream().map(Hit::ref).toList()))
          .fetch()
          .forEach(r -> known.put(r.value1(), new Keys(r.value2(), r.value3())));
    }
    List<Hit> fresh = new ArrayList<>();
    List<Hit> changedKeys = new ArrayList<>();
    List<Hit> seenAgain = new ArrayList<>();
    for (Hit h : hits) {
      Keys k = known.get(h.ref());
      if (k == null) {
        fresh.add(h);
      } else if (Objects.equals(k.existing(), h.existingKey()) && Objects.equals(k.rejected(), h.rejectedKey())) {
        seenAgain.add(h);
      } else {
        changedKeys.add(h);
      }
    }
    for (List<Hit> chunk : Chunks.of(fresh, 500)) {
      InsertValuesStep7<Record, String, String, String, String, Long, Long, Long> insert = tx.dsl()
          .insertInto(tx.t().conflicts, ENTITY_REF, SOURCE, EXISTING_LOCATION_KEY, REJECTED_LOCATION_KEY,
              FIRST_SEEN_AT, LAST_SEEN_AT, SEEN_COUNT);
      for (Hit h : chunk) {
        insert = insert.values(h.ref(), source, h.existingKey(), h.rejectedKey(), tx.now(), tx.now(), 1L);
      }
      insert.execute();
    }
    if (!seenAgain.isEmpty()) {
      BatchBindStep batch = tx.dsl().batch(tx.dsl().update(tx.t().conflicts)
          .set(LAST_SEEN_AT, (Long) null)
          .set(SEEN_COUNT, SEEN_COUNT.plus(DSL.inline(1L)))
          .where(ENTITY_REF.eq((String) null)).and(SOURCE.eq((String) null)));
      for (Hit h : seenAgain) {
        batch = batch.bind(tx.now(), h.ref(), source);
      }
      batch.execute();
    }
    if (!changedKeys.isEmpty()) {
      BatchBindStep batch = tx.dsl().batch(tx.dsl().update(tx.t().conflicts)
          .set(EXISTING_LOCATION_KEY, (String) null)
          .set(REJECTED_LOCATION_KEY, (String) null)
          .set(FIRST_SEEN_AT, (Long) null)
          .set(LAST_SEEN_AT, (Long) null)
          .set(SEEN_COUNT, (Long) null)
          .where(ENTITY_REF.eq((String) null)).and(SOURCE.eq((String) null)));
      for (Hit h : changedKeys) {
        batch = batch.bind(h.existingKey(), h.rejectedKey(), tx.now(), tx.now(), 1L, h.ref(), source);
      }
      batch.execute();
    }
    List<Hit> newlySeen = new ArrayList<>(fresh);
    newlySeen.addAll(changedKeys);
    return newlySeen;
  }
}
