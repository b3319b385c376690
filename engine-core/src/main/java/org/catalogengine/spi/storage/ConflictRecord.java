package org.catalogengine.spi.storage;

import java.time.Instant;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * A durable locationKey conflict (spec K7, improved): a writer tried to claim a ref that another location owns.
 * The row disappears when the writer stops sending the ref or writes it successfully.
 *
 * @param ref the contested entity
 * @param source who was rejected: {@code provider:<name>} or {@code entity:<parent ref>}
 * @param existingLocationKey the key of the stored (winning) row; {@code null} if it has none
 * @param rejectedLocationKey the key the rejected write carried; {@code null} if it had none
 * @param firstSeen when this conflict was first seen
 * @param lastSeen when it was last seen
 * @param count how many writes hit it
 * @since 0.1 (experimental)
 */
public record ConflictRecord(
    EntityRef ref,
    String source,
    @Nullable String existingLocationKey,
    @Nullable String rejectedLocationKey,
    Instant firstSeen,
    Instant lastSeen,
    long count) {

  /** The source string for a provider. */
  public static String providerSource(String providerName) {
    return "provider:" + providerName;
  }

  /** The source string for a parent entity emitting children. */
  public static String entitySource(EntityRef parent) {
    return "entity:" + parent;
  }
}
