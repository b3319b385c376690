package org.catalogengine.spi.provider;

import java.util.Objects;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * An entity a delta mutation removes from the provider's bucket, named by ref (spec P5).
 *
 * @param ref the entity to remove
 * @param locationKey the key the provider knew it under, if any (informational)
 * @since 0.1 (maintained)
 */
public record RemovedEntity(EntityRef ref, @Nullable String locationKey) {

  public RemovedEntity {
    Objects.requireNonNull(ref, "ref");
  }

  /** Removal by reference. */
  public static RemovedEntity of(EntityRef ref) {
    return new RemovedEntity(ref, null);
  }

  /** Removal of the entity a provider previously sent. */
  public static RemovedEntity of(Entity entity, @Nullable String locationKey) {
    return new RemovedEntity(entity.ref(), locationKey);
  }
}
