package org.catalogengine.spi.storage;

import java.util.List;
import java.util.Objects;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.jspecify.annotations.Nullable;

/**
 * What the stitcher reads for one entity (spec T1), loaded set-based for a batch.
 *
 * @param entityId the storage id
 * @param ref the canonical ref
 * @param processedJson the processed entity of the last successful run, or null if none yet
 * @param unprocessedJson the unprocessed entity when there is no processed one (L24 improved), else null
 * @param errorsJson the stored errors of the last run (a JSON array), or null
 * @param orphan true when no reference edge points at the entity (O1)
 * @param relations the relation rows whose source is this ref, whoever originated them (duplicates possible)
 * @param conflicts the stored conflicts on this ref
 * @param previousHash the stored final hash, or null when there is no final entity
 * @since 0.1 (experimental)
 */
public record StitchSource(
    String entityId,
    EntityRef ref,
    @Nullable String processedJson,
    @Nullable String unprocessedJson,
    @Nullable String errorsJson,
    boolean orphan,
    List<Relation> relations,
    List<ConflictRecord> conflicts,
    @Nullable String previousHash) {

  public StitchSource {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(ref, "ref");
    relations = List.copyOf(relations);
    conflicts = List.copyOf(conflicts);
  }
}
