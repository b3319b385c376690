// TEMP: replaced by the planner branch at merge
package org.catalogengine.internal.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.RemovedEntity;

/** TEMP copy: naive P4/P5 planner so the storage branch compiles and runs. */
public final class DeltaPlanner {
  private DeltaPlanner() {}

  /** Plans a full mutation against the bucket's rows (P4). */
  public static MutationPlan planFull(Collection<StoredEntry> bucket, List<DeferredEntity> incoming) {
    Map<EntityRef, StoredEntry> existing = new HashMap<>();
    for (StoredEntry e : bucket) {
      existing.put(e.ref(), e);
    }
    TreeMap<EntityRef, DeferredEntity> last = lastWins(incoming);
    List<EntityRef> deletes = new ArrayList<>();
    for (EntityRef ref : existing.keySet()) {
      if (!last.containsKey(ref)) {
        deletes.add(ref);
      }
    }
    deletes.sort(Comparator.naturalOrder());
    return classify(existing, last, deletes);
  }

  /** Plans a delta mutation against the globally looked-up rows (P5). */
  public static MutationPlan planDelta(
      Map<EntityRef, StoredEntry> existing, List<DeferredEntity> added, List<RemovedEntity> removed) {
    TreeMap<EntityRef, DeferredEntity> last = lastWins(added);
    List<EntityRef> deletes = new ArrayList<>();
    for (RemovedEntity r : removed) {
      if (!last.containsKey(r.ref())) {
        deletes.add(r.ref());
      }
    }
    deletes = deletes.stream().distinct().sorted().toList();
    return classify(existing, last, deletes);
  }

  private static TreeMap<EntityRef, DeferredEntity> lastWins(List<DeferredEntity> items) {
    TreeMap<EntityRef, DeferredEntity> last = new TreeMap<>();
    for (DeferredEntity d : items) {
      last.put(d.entity().ref(), d);
    }
    return last;
  }

  private static MutationPlan classify(
      Map<EntityRef, StoredEntry> existing, TreeMap<EntityRef, DeferredEntity> last, List<EntityRef> deletes) {
    List<DeferredEntity> inserts = new ArrayList<>();
    List<DeferredEntity> updates = new ArrayList<>();
    List<DeferredEntity> replaces = new ArrayList<>();
    int unchanged = 0;
    for (DeferredEntity d : last.values()) {
      StoredEntry e = existing.get(d.entity().ref());
      if (e == null) {
        inserts.add(d);
      } else if (!Objects.equals(e.locationKey(), d.locationKey())) {
        replaces.add(d);
      } else if (!e.unprocessedHash().equals(d.entity().contentHash())) {
        updates.add(d);
      } else {
        unchanged++;
      }
    }
    return new MutationPlan(inserts, updates, replaces, deletes, unchanged);
  }
}
