package org.catalogengine.spi.storage;

import java.util.List;
import java.util.Objects;

/**
 * The result of stitching one claimed request, as the store writes it (spec T4, T5). Every variant is applied
 * only if the queue row still carries the claimed ticket; otherwise the request stays queued (CS57).
 *
 * @since 0.1 (experimental)
 */
public sealed interface StitchOutcome {

  /** The claimed request. */
  StitchTicket ticket();

  /**
   * A new final entity: written with its search-row diff and the next generation, in one transaction.
   *
   * @param entityId the entity's id
   * @param finalJson the final entity as canonical JSON
   * @param hash the final hash
   * @param searchRows every search row of the final entity, unique by (key, value)
   */
  record Stitched(StitchTicket ticket, String entityId, String finalJson, String hash, List<SearchEntry> searchRows)
      implements StitchOutcome {
    public Stitched {
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(entityId, "entityId");
      Objects.requireNonNull(finalJson, "finalJson");
      Objects.requireNonNull(hash, "hash");
      searchRows = List.copyOf(searchRows);
    }
  }

  /** Nothing to write (unchanged, abandoned per T2, or failed per T11): the request is settled. */
  record Settled(StitchTicket ticket) implements StitchOutcome {
    public Settled {
      Objects.requireNonNull(ticket, "ticket");
    }
  }

  /** The entity no longer exists: its final entity is gone and a removal is announced. */
  record Removed(StitchTicket ticket) implements StitchOutcome {
    public Removed {
      Objects.requireNonNull(ticket, "ticket");
    }
  }
}
