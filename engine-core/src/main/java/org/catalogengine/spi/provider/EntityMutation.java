package org.catalogengine.spi.provider;

import java.util.List;

/**
 * A change a provider applies to its bucket: either the full new contents or a delta (spec P4, P5).
 *
 * <pre>{@code
 * connection.applyMutation(EntityMutation.full(List.of(DeferredEntity.of(entity, "url:https://git/x.yaml"))));
 * connection.applyMutation(EntityMutation.delta(List.of(added), List.of(RemovedEntity.of(ref))));
 * }</pre>
 *
 * @since 0.1 (maintained)
 */
public sealed interface EntityMutation permits EntityMutation.Full, EntityMutation.Delta {

  /** Replaces the whole bucket with {@code entities}. */
  static EntityMutation full(List<DeferredEntity> entities) {
    return new Full(entities);
  }

  /** Adds or overwrites {@code added} and removes {@code removed}; other bucket members are untouched. */
  static EntityMutation delta(List<DeferredEntity> added, List<RemovedEntity> removed) {
    return new Delta(added, removed);
  }

  /** The complete new contents of the bucket. */
  record Full(List<DeferredEntity> entities) implements EntityMutation {
    public Full {
      entities = List.copyOf(entities);
    }
  }

  /** Entities to add or overwrite (whole-entity overwrite, no patch) and refs to remove. */
  record Delta(List<DeferredEntity> added, List<RemovedEntity> removed) implements EntityMutation {
    public Delta {
      added = List.copyOf(added);
      removed = List.copyOf(removed);
    }
  }
}
