package org.catalogengine.internal.provider;

import java.util.List;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;

/**
 * What a mutation does (spec P4, P5); every list is sorted by ref so the store locks rows in one order.
 *
 * @param inserts refs not known: insert, due now, with an edge from the provider
 * @param updates known, same location key (null equals absent), different hash: upsert, due now
 * @param replaces known, different location key: remove (with its subtree, P7), then insert with a new uid
 * @param deletes bucket refs absent from a full mutation, or a delta's removals: prune (P7); never overlaps
 *     {@code replaces}
 * @param unchanged known, same key, same hash: nothing is written
 * @param duplicates one entry per incoming item dropped because a later item had the same ref (last wins);
 *     sorted, a ref appears as often as it was dropped
 * @param overriddenRemovals delta removals ignored because the same delta also adds the ref (the add wins)
 */
public record MutationPlan(
    List<DeferredEntity> inserts,
    List<DeferredEntity> updates,
    List<DeferredEntity> replaces,
    List<EntityRef> deletes,
    int unchanged,
    List<EntityRef> duplicates,
    List<EntityRef> overriddenRemovals) {

  /** Copies the lists. */
  public MutationPlan {
    inserts = List.copyOf(inserts);
    updates = List.copyOf(updates);
    replaces = List.copyOf(replaces);
    deletes = List.copyOf(deletes);
    duplicates = List.copyOf(duplicates);
    overriddenRemovals = List.copyOf(overriddenRemovals);
  }

  /** A plan without duplicates or overridden removals. */
  public MutationPlan(
      List<DeferredEntity> inserts,
      List<DeferredEntity> updates,
      List<DeferredEntity> replaces,
      List<EntityRef> deletes,
      int unchanged) {
    this(inserts, updates, replaces, deletes, unchanged, List.of(), List.of());
  }

  /** True when the plan writes nothing. */
  public boolean isEmpty() {
    return inserts.isEmpty() && updates.isEmpty() && replaces.isEmpty() && deletes.isEmpty();
  }

  /** The number of incoming items dropped as duplicates of a later item. */
  public int duplicateCount() {
    return duplicates.size();
  }

  /** Counts only: a plan can hold a million refs, too many for a log line. */
  @Override
  public String toString() {
    return "MutationPlan[inserts=" + inserts.size() + ", updates=" + updates.size() + ", replaces="
        + replaces.size() + ", deletes=" + deletes.size() + ", unchanged=" + unchanged + ", duplicates="
        + duplicates.size() + ", overriddenRemovals=" + overriddenRemovals.size() + ']';
  }
}
