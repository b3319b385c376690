package org.catalogengine.internal.provider;

import java.util.Objects;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/** What the store knows about one ref: its unprocessed hash and location key. */
public record StoredEntry(EntityRef ref, String unprocessedHash, @Nullable String locationKey) {

  /** Checks the non-null components. */
  public StoredEntry {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(unprocessedHash, "unprocessedHash");
  }
}
