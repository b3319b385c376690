package org.catalogengine.jdbc.internal.operations.processing;

import static org.catalogengine.jdbc.internal.schema.LoopColumns.CACHE;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_ID;
import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.LEASE_OWNER;
import static org.catalogengine.jdbc.internal.schema.Tables.LEASE_UNTIL;
import static org.catalogengine.jdbc.internal.schema.Tables.LOCATION_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_UPDATE_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.RESULT_HASH;
import static org.catalogengine.jdbc.internal.schema.Tables.UNPROCESSED_ENTITY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.ClaimedEntity;

/**
 * L2/L3 improved: claims due, unleased queue rows oldest first ({@code SKIP LOCKED} where rows can be locked),
 * sets the lease, and moves {@code next_update_at} to the lease end so that leased rows leave the due range; the
 * result write replaces it with the real schedule unless someone made the entity due meanwhile (L4).
 */
public final class ClaimDue {
  private ClaimDue() {}

  /**
   * The queue rows a claim takes at {@code now}: due and not leased. Relation peers of a change are due just after
   * it; the claim sees them due, and takes them after it.
   */
  public static org.jooq.Condition due(long now) {
    return NEXT_UPDATE_AT.le(now + MarkForReprocessing.PEER_DELAY_MILLIS)
        .and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.le(now)));
  }

  /**
   * Leases up to {@code limit} due entities (write transaction) and returns their ids, sorted. Their rows are read
   * by {@link #load}, in a read transaction after this one commits: the lease keeps other workers off them, and on
   * SQLite the bodies are then read without holding the one writer.
   */
  public static List<String> lease(Tx tx, int limit, String owner, long leaseMillis) {
    long now = tx.now();
    List<String> ids = tx.dialect().claimLock(tx.dsl().select(ENTITY_ID).from(tx.t().processingQueue)
            .where(due(now))
            // index order only: a tie-break column would sort every due row on each claim
            .orderBy(NEXT_UPDATE_AT)
            .limit(limit))
        .fetch(ENTITY_ID);
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> sortedIds = ids.stream().sorted().toList();
    long until = now + leaseMillis;
    for (List<String> chunk : Chunks.of(sortedIds, Chunks.IN_LIST)) {
      tx.dsl().update(tx.t().processingQueue)
          .set(LEASE_UNTIL, until)
          .set(LEASE_OWNER, owner)
          .set(NEXT_UPDATE_AT, until)
          .where(ENTITY_ID.in(chunk))
          .execute();
    }
    return sortedIds;
  }

  /**
   * The claimed entities of {@code sortedIds} with their parents, sorted by ref. An entity deleted since its lease
   * was taken is left out (its queue row went with it).
   */
  public static List<ClaimedEntity> load(Tx tx, List<String> sortedIds) {
    if (sortedIds.isEmpty()) {
      return List.of();
    }
    List<ClaimedEntity> out = new ArrayList<>(sortedIds.size());
    List<Object[]> rows = new ArrayList<>(sortedIds.size());
    for (List<String> chunk : Chunks.of(sortedIds, Chunks.IN_LIST)) {
      tx.dsl().select(ENTITY_ID, ENTITY_REF, UNPROCESSED_ENTITY, LOCATION_KEY, CACHE, RESULT_HASH)
          .from(tx.t().refreshState)
          .where(ENTITY_ID.in(chunk))
          .fetch()
          .forEach(r -> rows.add(r.intoArray()));
    }
    List<String> refs = rows.stream().map(r -> (String) r[1]).toList();
    Map<String, List<String>> parents = ParentsOf.run(tx, refs);
    for (Object[] r : rows) {
      String ref = (String) r[1];
      List<EntityRef> p = parents.getOrDefault(ref, List.of()).stream().map(EntityRef::parse).toList();
      out.add(new ClaimedEntity((String) r[0], EntityRef.parse(ref), (String) r[2], (String) r[3], (String) r[4],
          (String) r[5], p));
    }
    return Chunks.sortedBy(out, c -> c.ref().toString());
  }
}
