package org.catalogengine.jdbc.internal.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.conflicts.RecordConflicts;
import org.catalogengine.jdbc.internal.operations.provider.InsertEntities;
import org.catalogengine.jdbc.internal.operations.provider.LookupEntries;
import org.catalogengine.jdbc.internal.operations.provider.UpdateEntities;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.provider.DeferredEntity;
import org.jspecify.annotations.Nullable;

/**
 * The K1/K2 write of entities by a provider or a parent (P6, L20): unknown refs are inserted; a row whose key
 * is null or equal to the new key is overwritten (the key becomes the new one: weak ownership is claimable);
 * anything else is a conflict and the row is left untouched. A row identical in body and key is not rewritten.
 * Looking refs up first is what lets one existing ref in a batch fail alone (CS23) instead of the batch.
 */
public final class EntityWrites {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EntityWrites.class);
  private EntityWrites() {}

  /** What happened to each ref (each list sorted). */
  public record Outcome(
      List<String> inserted, List<String> updated, List<String> untouched, List<RecordConflicts.Hit> conflicts) {

    /** Refs the writer now owns: inserted, updated or identical (sorted). */
    public List<String> written() {
      List<String> all = new ArrayList<>(inserted.size() + updated.size() + untouched.size());
      all.addAll(inserted);
      all.addAll(updated);
      all.addAll(untouched);
      all.sort(null);
      return all;
    }
  }

  /** From this many bodies to serialise on, they are serialised on all cores (a first load: 100,000). */
  private static final int PARALLEL_BODIES = 1_000;

  /**
   * The stored body: the canonical (key-sorted) JSON. Its SHA-1 is by construction the entity's
   * {@code contentHash()}, which the planner has already computed, so the body is not hashed again.
   */
  private record Body(String json, String hash) {
    static Body of(DeferredEntity d, Map<DeferredEntity, String> serialised) {
      String json = serialised.get(d);
      return new Body(json != null ? json : d.entity().canonicalJson(), d.entity().contentHash());
    }
  }

  /**
   * The canonical JSON of each of {@code items} (by identity), made on all cores and hashed on the way (the
   * planner compares the hashes): before a large mutation's write transaction, whose single writer (SQLite) would
   * otherwise wait for a second serialisation of each body it stores.
   */
  public static Map<DeferredEntity, String> serialise(List<DeferredEntity> items) {
    String[] texts = new String[items.size()];
    java.util.stream.IntStream.range(0, items.size()).parallel()
        .forEach(i -> texts[i] = items.get(i).entity().canonicalJsonHashed());
    Map<DeferredEntity, String> bodies = new IdentityHashMap<>(items.size());
    for (int i = 0; i < texts.length; i++) {
      bodies.put(items.get(i), texts[i]);
    }
    return bodies;
  }

  /** Writes {@code items}, which are sorted by ref and distinct. */
  public static Outcome write(Tx tx, List<DeferredEntity> items) {
    return write(tx, items, Map.of());
  }

  /**
   * Writes {@code items}, which are sorted by ref and distinct, taking the bodies {@code serialised} holds (by
   * identity) instead of serialising them again.
   */
  public static Outcome write(Tx tx, List<DeferredEntity> items, Map<DeferredEntity, String> serialised) {
    if (items.isEmpty()) {
      return new Outcome(List.of(), List.of(), List.of(), List.of());
    }
    List<String> refs = items.stream().map(d -> d.entity().ref().toString()).toList();
    long l0 = System.nanoTime();
    Map<String, LookupEntries.Existing> existing = LookupEntries.run(tx, refs);
    LOG.debug("Looked up {} refs in {} ms", refs.size(), (System.nanoTime() - l0) / 1_000_000);
    List<InsertEntities.NewEntity> newRows = new ArrayList<>();
    List<UpdateEntities.Change> changes = new ArrayList<>();
    List<String> inserted = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> untouched = new ArrayList<>();
    List<RecordConflicts.Hit> conflicts = new ArrayList<>();
    Map<String, DeferredEntity> byRef = new HashMap<>();
    Body[] bodies = bodies(items, refs, existing, serialised);
    for (int i = 0; i < items.size(); i++) {
      DeferredEntity d = items.get(i);
      String ref = refs.get(i);
      LookupEntries.Existing e = existing.get(ref);
      if (e == null) {
        Body b = bodies[i];
        newRows.add(new InsertEntities.NewEntity(Chunks.newId(), ref, b.json(), b.hash(), d.locationKey()));
        inserted.add(ref);
        byRef.put(ref, d);
      } else {
        classifyExisting(d, ref, e, bodies[i], changes, updated, untouched, conflicts);
      }
    }
    long t0 = System.nanoTime();
    List<InsertEntities.NewEntity> raced = InsertEntities.run(tx, newRows);
    if (!raced.isEmpty()) {
      // Another writer inserted these refs after our lookup (P6's per-item fallback): treat them as existing.
      Map<String, LookupEntries.Existing> now =
          LookupEntries.run(tx, raced.stream().map(InsertEntities.NewEntity::ref).toList());
      for (InsertEntities.NewEntity r : raced) {
        inserted.remove(r.ref());
        if (now.get(r.ref()) == null) {
          // A concurrent writer inserted the ref and removed it again while we waited: nothing to build on, so
          // fail the attempt as a serialization failure (SQLState 40001) and let the transaction be retried.
          throw new org.jooq.exception.DataAccessException("Entity " + r.ref() + " was inserted and removed by a"
              + " concurrent writer during this transaction", new java.sql.SQLException(
                  "concurrent insert and removal of " + r.ref(), "40001"));
        }
        classifyExisting(byRef.get(r.ref()), r.ref(), now.get(r.ref()), null, changes, updated, untouched,
            conflicts);
      }
      updated.sort(null);
      untouched.sort(null);
      conflicts.sort(java.util.Comparator.comparing(RecordConflicts.Hit::ref));
    }
    long t1 = System.nanoTime();
    UpdateEntities.run(tx, changes);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Entity writes: {} inserted in {} ms, {} updated in {} ms", newRows.size(), (t1 - t0) / 1_000_000,
          changes.size(), (System.nanoTime() - t1) / 1_000_000);
    }
    return new Outcome(inserted, updated, untouched, conflicts);
  }

  /**
   * The bodies to store, by item index ({@code null} where nothing is written): those {@code serialised} holds
   * (a first load's, made before its transaction), the others serialised here, before the rows are sorted out,
   * on all cores when there are many.
   */
  private static Body[] bodies(List<DeferredEntity> items, List<String> refs,
      Map<String, LookupEntries.Existing> existing, Map<DeferredEntity, String> serialised) {
    Body[] bodies = new Body[items.size()];
    java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, items.size())
        .filter(i -> written(items.get(i), existing.get(refs.get(i))));
    if (items.size() >= PARALLEL_BODIES) {
      indexes = indexes.parallel();
    }
    indexes.forEach(i -> bodies[i] = Body.of(items.get(i), serialised));
    return bodies;
  }

  /** Whether K1/K2 write the item over what is stored: a new ref, or a claimable one with other content or key. */
  private static boolean written(DeferredEntity d, LookupEntries.@Nullable Existing e) {
    return e == null || claimable(d, e) && !identical(d, e);
  }

  /** K1/K2: the stored row has no key or the item's key, so the item may overwrite it. */
  private static boolean claimable(DeferredEntity d, LookupEntries.Existing e) {
    return e.locationKey() == null || e.locationKey().equals(d.locationKey());
  }

  /** The stored row holds the item's body and key already: nothing to write. */
  private static boolean identical(DeferredEntity d, LookupEntries.Existing e) {
    return d.entity().contentHash().equals(e.unprocessedHash()) && Objects.equals(e.locationKey(), d.locationKey());
  }

  /** K1/K2 for a ref that exists: overwrite when the key allows it and something changed, else a conflict. */
  private static void classifyExisting(DeferredEntity d, String ref, LookupEntries.Existing e, @Nullable Body body,
      List<UpdateEntities.Change> changes, List<String> updated, List<String> untouched,
      List<RecordConflicts.Hit> conflicts) {
    String key = d.locationKey();
    if (claimable(d, e)) {
      if (identical(d, e)) {
        untouched.add(ref);
      } else {
        Body b = body != null ? body : Body.of(d, Map.of());
        changes.add(new UpdateEntities.Change(e.entityId(), b.json(), b.hash(), key));
        updated.add(ref);
      }
    } else {
      conflicts.add(new RecordConflicts.Hit(ref, e.locationKey(), key, d.entity()));
    }
  }
}
