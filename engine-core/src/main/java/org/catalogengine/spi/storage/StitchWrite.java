package org.catalogengine.spi.storage;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CatalogStore#writeStitchedAndClaim} did in its one transaction: the committed changes of the written
 * batch, in generation order, and the stitch requests it claimed next (empty when none was due or none was asked
 * for).
 *
 * @since 0.1 (experimental)
 */
public record StitchWrite(List<StitchCommit> commits, List<StitchTicket> next) {
  public StitchWrite {
    commits = List.copyOf(Objects.requireNonNull(commits, "commits"));
    next = List.copyOf(Objects.requireNonNull(next, "next"));
  }
}
