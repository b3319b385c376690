package org.catalogengine.spi.provider;

import java.util.Objects;
import org.catalogengine.model.Entity;
import org.jspecify.annotations.Nullable;

/**
 * An unprocessed entity handed to the engine by a provider (or emitted by a processor), with the
 * {@code locationKey} that claims where its definition lives (spec P2, K1–K6).
 *
 * @param entity the unprocessed entity
 * @param locationKey the key used for conflict resolution; {@code null} claims no location ("weak" ownership)
 * @since 0.1 (maintained)
 */
public record DeferredEntity(Entity entity, @Nullable String locationKey) {

  public DeferredEntity {
    Objects.requireNonNull(entity, "entity");
  }

  /** An entity without a location key. */
  public static DeferredEntity of(Entity entity) {
    return new DeferredEntity(entity, null);
  }

  /** An entity with a location key. */
  public static DeferredEntity of(Entity entity, @Nullable String locationKey) {
    return new DeferredEntity(entity, locationKey);
  }
}
