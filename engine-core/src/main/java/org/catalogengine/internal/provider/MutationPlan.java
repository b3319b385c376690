// TEMP: replaced by the planner branch at merge
package org.catalogengine.internal.provider;

import java.util.List;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;

/** TEMP copy: what a mutation changes; lists sorted by ref. */
public record MutationPlan(
    List<DeferredEntity> inserts,
    List<DeferredEntity> updates,
    List<DeferredEntity> replaces,
    List<EntityRef> deletes,
    int unchanged) {

  public MutationPlan {
    inserts = List.copyOf(inserts);
    updates = List.copyOf(updates);
    replaces = List.copyOf(replaces);
    deletes = List.copyOf(deletes);
  }

  /** True when the plan writes nothing. */
  public boolean isEmpty() {
    return inserts.isEmpty() && updates.isEmpty() && replaces.isEmpty() && deletes.isEmpty();
  }
}
