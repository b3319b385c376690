package org.catalogengine.jdbc.internal.operations.stitching;

import static org.catalogengine.jdbc.internal.schema.Tables.ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.NEXT_STITCH_AT;
import static org.catalogengine.jdbc.internal.schema.Tables.STITCH_TICKET;

import java.util.List;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.StitchTicket;

/**
 * T7: claims due stitch requests oldest first, replacing their ticket with one claim ticket and hiding them for
 * the lease (a crashed worker's requests come back). One statement for the whole claim.
 */
public final class ClaimStitches {
  private ClaimStitches() {}

  public static List<StitchTicket> run(Tx tx, int limit, long leaseMillis) {
    List<String> refs = tx.dialect().claimLock(tx.dsl().select(ENTITY_REF).from(tx.t().stitchQueue)
            .where(NEXT_STITCH_AT.le(tx.now()))
            // index order only: a tie-break column would sort every due row on each claim
            .orderBy(NEXT_STITCH_AT)
            .limit(limit))
        .fetch(ENTITY_REF);
    if (refs.isEmpty()) {
      return List.of();
    }
    List<String> sorted = refs.stream().sorted().toList();
    String ticket = Chunks.newId();
    for (List<String> chunk : Chunks.of(sorted, Chunks.IN_LIST)) {
      tx.dsl().update(tx.t().stitchQueue)
          .set(STITCH_TICKET, ticket)
          .set(NEXT_STITCH_AT, tx.now() + leaseMillis)
          .where(ENTITY_REF.in(chunk))
          .execute();
    }
    return sorted.stream().map(r -> new StitchTicket(EntityRef.parse(r), ticket)).toList();
  }
}
