package org.catalogengine.spi.storage;

import java.util.Objects;
import org.catalogengine.model.EntityRef;

/**
 * A claimed stitch request (spec T7): the ref and the ticket the claim wrote. The result is written only if the
 * queue row still carries this ticket (T5, CS57).
 *
 * @since 0.1 (experimental)
 */
public record StitchTicket(EntityRef ref, String ticket) {
  public StitchTicket {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(ticket, "ticket");
  }
}
