package org.catalogengine.spi.storage;

import java.util.Objects;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * A committed change of a final entity (DESIGN decision 11): its ref, the generation it committed with, and the
 * final JSON, or null when the entity was removed.
 *
 * @since 0.1 (experimental)
 */
public record StitchCommit(EntityRef ref, long generation, @Nullable String finalJson) {
  public StitchCommit {
    Objects.requireNonNull(ref, "ref");
  }
}
