package org.catalogengine.spi.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How far behind the processing and stitch queues are at one instant: the store's part of
 * {@link org.catalogengine.EngineMetrics}.
 *
 * @param due entities due for processing ({@code next_update_at <= now}) and not under a live lease
 * @param leased entities under a live processing lease (in flight)
 * @param entities every entity the store knows
 * @param oldestDueAge how long the longest-waiting due entity has been due; zero when nothing is due
 * @param stitchDue stitch requests a claim would take now (not hidden by a claim's lease; a relation peer's request,
 *     due a little later than an entity's own, counts from when it is made)
 * @param oldestStitchAge how long the longest-waiting due stitch request has been due; zero when none is due
 * @since 0.1 (experimental)
 */
public record QueueStatistics(long due, long leased, long entities, Duration oldestDueAge, long stitchDue,
    Duration oldestStitchAge) {

  /** Checks that no figure is negative. */
  public QueueStatistics {
    Objects.requireNonNull(oldestDueAge, "oldestDueAge");
    Objects.requireNonNull(oldestStitchAge, "oldestStitchAge");
    if (due < 0 || leased < 0 || entities < 0 || stitchDue < 0 || oldestDueAge.isNegative()
        || oldestStitchAge.isNegative()) {
      throw new IllegalArgumentException("Queue statistics cannot be negative: due=" + due + ", leased=" + leased
          + ", entities=" + entities + ", oldestDueAge=" + oldestDueAge + ", stitchDue=" + stitchDue
          + ", oldestStitchAge=" + oldestStitchAge);
    }
  }
}
