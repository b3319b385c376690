package org.catalogengine.internal.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.RemovedEntity;
import org.jspecify.annotations.Nullable;

/**
 * Computes what a provider mutation writes (spec P4, P5, K1–K2), without touching storage.
 *
 * <p>Duplicate refs within one mutation: the last occurrence wins (as in Backstage, which keys by ref); earlier
 * ones are reported in {@link MutationPlan#duplicates()}. A ref both added and removed by one delta: the add
 * wins and the removal is reported in {@link MutationPlan#overriddenRemovals()}. Backstage instead prunes first
 * and then writes the add, so a changed entity comes back with a new uid and an unchanged one silently stays
 * deleted; treating the pair as "the provider's latest word is the add" is deterministic and keeps the uid.
 *
 * <p>Memory grows with the number of refs: the planner keeps refs, hashes, keys and references to the incoming
 * {@link DeferredEntity} objects, never copies of bodies. Only the output lists are sorted.
 */
public final class DeltaPlanner {

  /** Marks a ref already claimed by a later incoming item; compared by identity. */
  private static final StoredEntry CLAIMED = new StoredEntry(EntityRef.of("-", "-", "-"), "", null);

  private static final Comparator<DeferredEntity> BY_REF = Comparator.comparing(d -> d.entity().ref());

  private DeltaPlanner() {}

  /** Full mutation (P4): bucket = the provider's current roots (refs with an edge from this provider). */
  public static MutationPlan planFull(Collection<StoredEntry> bucket, List<DeferredEntity> incoming) {
    // One map serves as the bucket index and the "seen" set: claiming a known ref overwrites its value in place,
    // so the common case (re-sending the bucket) allocates no second table.
    Map<EntityRef, StoredEntry> index = new HashMap<>(capacity(bucket.size() + incoming.size()));
    for (StoredEntry entry : bucket) {
      index.put(entry.ref(), entry);
    }
    Builder b = new Builder();
    // Walk backwards so the first time a ref is seen is its last occurrence, the one that wins.
    for (ListIterator<DeferredEntity> it = incoming.listIterator(incoming.size()); it.hasPrevious(); ) {
      DeferredEntity item = it.previous();
      EntityRef ref = item.entity().ref();
      StoredEntry stored = index.put(ref, CLAIMED);
      if (stored == CLAIMED) {
        b.duplicates.add(ref);
      } else {
        b.classify(stored, item);
      }
    }
    for (Map.Entry<EntityRef, StoredEntry> e : index.entrySet()) {
      if (e.getValue() != CLAIMED) {
        b.deletes.add(e.getKey());
      }
    }
    return b.build(List.of());
  }

  /**
   * Delta mutation (P5): existing = rows found GLOBALLY for the added refs (not only this bucket); removed refs
   * are passed through to deletes (the store checks they belong to this provider, CS21).
   */
  public static MutationPlan planDelta(
      Map<EntityRef, StoredEntry> existing, List<DeferredEntity> added, List<RemovedEntity> removed) {
    Set<EntityRef> seen = new HashSet<>(capacity(added.size()));
    Builder b = new Builder();
    for (ListIterator<DeferredEntity> it = added.listIterator(added.size()); it.hasPrevious(); ) {
      DeferredEntity item = it.previous();
      EntityRef ref = item.entity().ref();
      if (!seen.add(ref)) {
        b.duplicates.add(ref);
      } else {
        b.classify(existing.get(ref), item);
      }
    }
    Set<EntityRef> removedRefs = new HashSet<>(capacity(removed.size()));
    List<EntityRef> overridden = new ArrayList<>();
    for (RemovedEntity r : removed) {
      EntityRef ref = r.ref();
      if (!removedRefs.add(ref)) {
        continue; // removing twice is removing once
      }
      if (seen.contains(ref)) {
        overridden.add(ref);
      } else {
        b.deletes.add(ref);
      }
    }
    overridden.sort(null);
    return b.build(overridden);
  }

  /** A HashMap capacity that holds {@code n} entries without rehashing. */
  private static int capacity(int n) {
    return (int) Math.min(Integer.MAX_VALUE, (long) (n / 0.75d) + 1);
  }

  /** Accumulates the output lists of one plan. */
  private static final class Builder {
    final List<DeferredEntity> inserts = new ArrayList<>();
    final List<DeferredEntity> updates = new ArrayList<>();
    final List<DeferredEntity> replaces = new ArrayList<>();
    final List<EntityRef> deletes = new ArrayList<>();
    final List<EntityRef> duplicates = new ArrayList<>();
    int unchanged;

    /** Applies the P4/P5 decision table; null and absent keys are the same Java null (K1, K2). */
    void classify(@Nullable StoredEntry stored, DeferredEntity item) {
      if (stored == null) {
        inserts.add(item);
      } else if (!Objects.equals(stored.locationKey(), item.locationKey())) {
        replaces.add(item);
      } else if (!stored.unprocessedHash().equals(item.entity().contentHash())) {
        updates.add(item);
      } else {
        unchanged++;
      }
    }

    MutationPlan build(List<EntityRef> overriddenRemovals) {
      inserts.sort(BY_REF);
      updates.sort(BY_REF);
      replaces.sort(BY_REF);
      deletes.sort(null);
      duplicates.sort(null);
      return new MutationPlan(inserts, updates, replaces, deletes, unchanged, duplicates, overriddenRemovals);
    }
  }
}
