package org.catalogengine.benchmarks.generator;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The next full set of a delta scenario and what changed relative to the base.
 *
 * <p>Unchanged entities are the base's own nodes (shared, not copied): treat all nodes as read-only or
 * {@code deepCopy()} them first. The list itself is unmodifiable.
 *
 * @param entities the next full set: surviving base entities in base order (changed ones replaced by edited
 *     copies), then the added ones
 * @param refs the changed, removed and added refs
 * @since 0.1 (experimental)
 */
public record DeltaScenario(List<ObjectNode> entities, DeltaRefs refs) {

  /** Makes the entity list unmodifiable. */
  public DeltaScenario {
    entities = List.copyOf(entities);
  }
}
