package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.RESULT_HASH;

import java.util.List;
import java.util.Optional;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.stitching.Generations;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.storage.StitchCommit;

/**
 * R9/O6: deletes one entity by uid (cascade S10). Its parents get an invalid result hash and are due now, so a
 * child that is still emitted is written again (new uid) instead of being skipped as unchanged (L19); the sources
 * of relations to it are reprocessed and restitched, and its children restitched (they may be orphans now).
 */
public final class DeleteEntityByUid {
  /** Never equal to a SHA-1 result hash, so the parent's next run writes its children again. */
  static final String CHILD_WAS_DELETED = "child-was-deleted";

  private DeleteEntityByUid() {}

  /** Returns the removal with its generation, or empty when no entity has {@code uid}. */
  public static Optional<StitchCommit> run(Tx tx, String uid) {
    String ref = tx.dsl().select(ENTITY_REF).from(tx.t().refreshState).where(ENTITY_ID.eq(uid))
        .fetchOne(ENTITY_REF);
    if (ref == null) {
      return Optional.empty();
    }
    // read before the delete: the cascade removes the edges and relation rows these lookups need
    List<String> parents = ParentsOf.run(tx, List.of(ref)).getOrDefault(ref, List.of());
    for (List<String> chunk : Chunks.of(parents, Chunks.IN_LIST)) {
      tx.dsl().update(tx.t().refreshState).set(RESULT_HASH, CHILD_WAS_DELETED).where(ENTITY_REF.in(chunk))
          .execute();
    }
    MarkForReprocessing.refs(tx, parents);
    MarkForReprocessing.relationSourcesOf(tx, List.of(ref));
    // O2 improved, as for a dropped child: the cascade takes the children's edge, so they show the orphan mark now
    List<String> children = ParentsOf.childrenOf(tx, List.of(ref)).getOrDefault(ref, List.of());
    if (!children.isEmpty()) {
      RequestStitch.run(tx, children.stream().sorted().distinct().toList());
    }
    org.catalogengine.jdbc.internal.operations.provider.DeleteEntities.run(tx, List.of(ref));
    return Optional.of(Generations.removals(tx, List.of(ref)).get(0));
  }
}
