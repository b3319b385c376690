package org.catalogengine.spi.storage;

import java.time.Instant;
import java.util.Objects;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * The stored processing state of one entity (spec S1, S2): read model for tests and diagnostics.
 *
 * @param entityId the storage id, which becomes the final entity's {@code metadata.uid}
 * @param ref the canonical ref
 * @param unprocessedEntity the body as last written by its provider or parent
 * @param unprocessedHash SHA-1 of the canonical JSON of {@code unprocessedEntity}
 * @param processedEntity the output of the last successful processing run, or {@code null}
 * @param resultHash the fingerprint of the last processing output, or {@code null}
 * @param locationKey the claimed location key, or {@code null} (weak ownership)
 * @param nextUpdateAt when the entity is next due for processing
 * @param lastDiscoveryAt when a provider or parent last wrote it
 * @since 0.1 (experimental)
 */
public record EntityState(
    String entityId,
    EntityRef ref,
    Entity unprocessedEntity,
    String unprocessedHash,
    @Nullable Entity processedEntity,
    @Nullable String resultHash,
    @Nullable String locationKey,
    Instant nextUpdateAt,
    Instant lastDiscoveryAt) {

  public EntityState {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(unprocessedEntity, "unprocessedEntity");
    Objects.requireNonNull(unprocessedHash, "unprocessedHash");
    Objects.requireNonNull(nextUpdateAt, "nextUpdateAt");
    Objects.requireNonNull(lastDiscoveryAt, "lastDiscoveryAt");
  }
}
