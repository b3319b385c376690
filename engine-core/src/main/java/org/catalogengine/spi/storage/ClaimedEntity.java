package org.catalogengine.spi.storage;

import java.util.List;
import java.util.Objects;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * An entity a processing worker claimed (spec L2, L3 improved): everything the pipeline needs, read in the
 * claim transaction. The claim holds a lease until the result is written or the lease expires.
 *
 * @param entityId the storage id (becomes {@code metadata.uid})
 * @param ref the canonical ref
 * @param unprocessedJson the unprocessed entity as stored
 * @param locationKey the row's location key at claim time (the K5 guard of the result write)
 * @param cacheJson the stored processor cache ({@code {"ttl":n,"cache":{...}}}), or null
 * @param resultHash the stored result hash of the last run, or null
 * @param parents the refs of the entities with a reference edge to this one (providers left out), sorted
 * @since 0.1 (experimental)
 */
public record ClaimedEntity(
    String entityId,
    EntityRef ref,
    String unprocessedJson,
    @Nullable String locationKey,
    @Nullable String cacheJson,
    @Nullable String resultHash,
    List<EntityRef> parents) {

  public ClaimedEntity {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(unprocessedJson, "unprocessedJson");
    parents = List.copyOf(parents);
  }
}
