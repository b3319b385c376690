package org.catalogengine.internal.stitching;

import java.util.List;
import java.util.Objects;
import org.catalogengine.model.Entity;

/** The outcome of one stitch (spec T4, T11): unchanged, a new final entity, or a failure that keeps the old one. */
public sealed interface StitchResult {

  /**
   * The final body hashes to the stored hash: write nothing (CS55).
   *
   * @param hash the (unchanged) final hash
   */
  record Unchanged(String hash) implements StitchResult {
    public Unchanged {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * A new final entity to write together with its search rows, in one transaction (T4).
   *
   * @param finalJson the final entity as canonical (key-sorted, compact) JSON text, with uid and etag
   * @param hash the final hash (SHA-1 of the canonical body without a generated etag)
   * @param searchRows the entity's search rows in {@link SearchRow#ORDER}
   */
  record Stitched(String finalJson, String hash, List<SearchRow> searchRows) implements StitchResult {
    public Stitched {
      Objects.requireNonNull(finalJson, "finalJson");
      Objects.requireNonNull(hash, "hash");
      searchRows = List.copyOf(searchRows);
    }

    /** Parses {@link #finalJson()} into an {@link Entity} (a parse: keep it off hot paths). */
    public Entity entity() {
      return Entity.parse(finalJson);
    }
  }

  /**
   * The entity cannot be stitched (T11); the caller keeps the previous final entity and records the reason.
   *
   * @param reason what is wrong, naming the entity and the offending keys
   */
  record Failed(String reason) implements StitchResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
