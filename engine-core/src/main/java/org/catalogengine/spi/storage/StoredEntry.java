package org.catalogengine.spi.storage;

import java.util.Objects;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * What the store knows about one ref: its unprocessed hash and location key.
 *
 * @since 0.1 (experimental; storage backends and built-in providers use it)
 */
public record StoredEntry(EntityRef ref, String unprocessedHash, @Nullable String locationKey) {

  /** Checks the non-null components. */
  public StoredEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(unprocessedHash, "unprocessedHash");
  }
}
