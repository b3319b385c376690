package org.catalogengine.internal.stitching;

import java.util.List;
import java.util.Objects;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.storage.ConflictRecord;
import org.jspecify.annotations.Nullable;

/**
 * Everything one stitch needs (spec T1), as plain values; lists are copied.
 *
 * @param entityId the entity's id, which becomes {@code metadata.uid}
 * @param processed the processed entity of the last successful run
 * @param relations the relation rows whose source is this entity, whoever originated them; duplicates allowed
 * @param errors the errors of the last processing run, in stored order (empty when it succeeded)
 * @param orphan true when the entity has no incoming reference edge (O1)
 * @param conflicts stored locationKey conflicts this entity won (DESIGN decision 6)
 * @param previousHash the hash of the stored final entity, or null when there is none (or a restitch is forced)
 */
public record StitchInput(
    String entityId,
    Entity processed,
    List<Relation> relations,
    List<ProcessingError> errors,
    boolean orphan,
    List<ConflictRecord> conflicts,
    @Nullable String previousHash) {

  /**
   * Checks and copies the input.
   *
   * @throws IllegalArgumentException if the id is empty, or a relation or conflict belongs to another entity
   */
  public StitchInput {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(processed, "processed");
    if (entityId.isEmpty()) {
      throw new IllegalArgumentException("Entity id of " + processed.ref() + " must not be empty");
    }
    relations = List.copyOf(relations);
    errors = List.copyOf(errors);
    conflicts = List.copyOf(conflicts);
    EntityRef ref = processed.ref();
    for (Relation r : relations) {
      if (!r.source().equals(ref)) {
        throw new IllegalArgumentException("Relation " + r + " does not start at the stitched entity " + ref);
      }
    }
    for (ConflictRecord c : conflicts) {
      if (!c.ref().equals(ref)) {
        throw new IllegalArgumentException("Conflict on " + c.ref() + " handed to the stitch of " + ref);
      }
    }
  }

  /** A plain input: not an orphan, no errors, no conflicts, no previous hash. */
  public static StitchInput of(String entityId, Entity processed, List<Relation> relations) {
    return new StitchInput(entityId, processed, relations, List.of(), false, List.of(), null);
  }

  /** This input with another previous hash. */
  public StitchInput withPreviousHash(@Nullable String hash) {
    return new StitchInput(entityId, processed, relations, errors, orphan, conflicts, hash);
  }
}
