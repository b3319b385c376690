package org.catalogengine.jdbc.internal.operations.stitching;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_STITCH_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.STITCH_TICKET;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.processing.ClaimDue;
import org.catalogengine.jdbc.internal.operations.processing.RequestStitch;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.StitchTicket;
import org.jooq.Record2;

/**
 * T7: claims due stitch requests oldest first, replacing their ticket with one claim ticket and hiding them for
 * the lease (a crashed worker's requests come back). A relation peer's request is due
 * {@link RequestStitch#PEER_LEAD_MILLIS} after it is made: a claim takes due requests, entities' own, and only when
 * there are none (and, when asked, no entity is due for processing) looks that far ahead, so a peer's request
 * waits for its due time at most while processing has work.
 */
public final class ClaimStitches {
  private ClaimStitches() {}

  /**
   * @param peersWaitForProcessing look ahead for relation peers' requests only when no entity is due for
   *     processing either
   */
  public static List<StitchTicket> run(Tx tx, int limit, long leaseMillis, boolean peersWaitForProcessing) {
    // one query looking ahead, earliest due first: own requests (due now) come before the peers'; while there are
    // own ones, they are claimed alone, so that a change is not stitched in one batch with the peers' requests that
    // would fill it up
    long now = tx.now();
    List<String> refs = new ArrayList<>();
    boolean own = false;
    for (Record2<String, Long> r : tx.dialect().claimLock(tx.dsl().select(ENTITY_REF, NEXT_STITCH_AT)
            .from(tx.t().stitchQueue)
            .where(NEXT_STITCH_AT.le(now + RequestStitch.PEER_LEAD_MILLIS))
            // index order only: a tie-break column would sort every due row on each claim
            .orderBy(NEXT_STITCH_AT)
            .limit(limit))
        .fetch()) {
      boolean due = r.value2() <= now;
      if (refs.isEmpty()) {
        own = due;
      } else if (own && !due) {
        break;
      }
      refs.add(r.value1());
    }
    if (refs.isEmpty() || (!own && peersWaitForProcessing && processingDue(tx, now))) {
      // relation peers' requests wait while entities are due for processing: those are the change itself (its
      // stitches come from its processing writes) and the peers, whose reprocessing comes before their restitch;
      // taken now they would hold the writer ahead of the change. At their due time they are claimed regardless.
      // A first load asks for no wait: there the peers are most of the requests, and on PostgreSQL they are
      // stitched beside the processing (waiting made a 100,000-entity load 14% slower).
      return List.of();
    }
    List<String> sorted = refs.stream().sorted().toList();
    String ticket = Chunks.newId();
    for (List<String> chunk : Chunks.of(sorted, Chunks.IN_LIST)) {
      tx.dsl().update(tx.t().stitchQueue)
          .set(STITCH_TICKET, ticket)
          // the lease lasts its full length although claims look ahead
          .set(NEXT_STITCH_AT, now + leaseMillis + RequestStitch.PEER_LEAD_MILLIS)
          .where(ENTITY_REF.in(chunk))
          .execute();
    }
    return sorted.stream().map(r -> new StitchTicket(EntityRef.parse(r), ticket)).toList();
  }

  /** Whether an entity is due for processing, as a processing claim sees it (peers of a change included). */
  private static boolean processingDue(Tx tx, long now) {
    return tx.dsl().fetchExists(tx.dsl().selectOne().from(tx.t().processingQueue).where(ClaimDue.due(now)));
  }
}
