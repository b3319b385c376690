package org.catalogengine.benchmarks.generator;

import java.util.List;
import org.catalogengine.model.EntityRef;

/**
 * Which entities a delta changed, removed and added, so a driver can check that each change became visible.
 * Refs are canonical (lower-case) and listed in stream order. Immutable.
 *
 * @param changed refs present in both sets whose content differs
 * @param removed refs present in the base and absent from the next set
 * @param added refs absent from the base and present in the next set
 * @since 0.1 (experimental)
 */
public record DeltaRefs(List<EntityRef> changed, List<EntityRef> removed, List<EntityRef> added) {

  /** Copies the lists. */
  public DeltaRefs {
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    added = List.copyOf(added);
  }
}
