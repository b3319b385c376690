package org.catalogengine.internal.stitching;

import java.time.Instant;
import java.util.Objects;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * A stored locationKey conflict (spec K2–K4, K7 Improve; DESIGN decision 6): a writer tried to claim an entity that
 * another location owns, and was rejected.
 *
 * <p>Only {@code ref}, the keys, {@code source} and {@code firstSeen} reach the final entity; {@code lastSeen} and
 * {@code count} change on every rejected write and would otherwise restitch the winner each run.
 *
 * @param ref the contested entity (the winner keeps it)
 * @param winningLocationKey the location key of the stored, winning definition
 * @param rejectedLocationKey the location key of the rejected write, or null when it carried none (K2)
 * @param source who attempted the write: a provider name or the ref of the parent entity that emitted it
 * @param firstSeen when the conflict was first detected
 * @param lastSeen when it was last detected
 * @param count how many rejected writes were seen, at least 1
 */
public record ConflictRecord(
    EntityRef ref,
    String winningLocationKey,
    @Nullable String rejectedLocationKey,
    String source,
    Instant firstSeen,
    Instant lastSeen,
    long count) {

  public ConflictRecord {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(winningLocationKey, "winningLocationKey");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    if (count < 1) {
      throw new IllegalArgumentException("Conflict count must be at least 1, got " + count + " for " + ref);
    }
    if (lastSeen.isBefore(firstSeen)) {
      throw new IllegalArgumentException("Conflict on " + ref + " was last seen (" + lastSeen
          + ") before it was first seen (" + firstSeen + ")");
    }
  }
}
