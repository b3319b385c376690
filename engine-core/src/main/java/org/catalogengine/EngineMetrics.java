package org.catalogengine;

import java.time.Duration;
import java.util.Objects;

/**
 * A snapshot that answers "is the catalog keeping up?": how much work waits and for how long (read from the
 * store, so it covers every node sharing it), and what this engine instance has done since it was built
 * (in-memory counters).
 *
 * <pre>{@code
 * EngineMetrics m = engine.metrics();
 * if (m.processingQueueDelay().compareTo(Duration.ofMinutes(5)) > 0) {
 *   log.warn("{} entities due, the oldest for {}", m.processingQueueDepth(), m.processingQueueDelay());
 * }
 * }</pre>
 *
 * @param processingQueueDepth entities due for processing now and not leased by a worker
 * @param processingLeased entities being processed (under a live lease), on any node
 * @param entities every entity the store knows
 * @param processingQueueDelay how long the longest-waiting due entity has been due; zero when nothing is due
 * @param stitchQueueDepth stitch requests a stitch worker would take now (relation peers' requests included)
 * @param stitchQueueDelay how long the longest-waiting due stitch request has been due; zero when none is due
 * @param entitiesProcessed processing runs of this engine, whatever their outcome
 * @param processingFailures runs that failed (an entity with errors, whether or not the errors changed)
 * @param processingUnchanged successful runs whose result equalled the stored one (nothing written but the
 *     schedule)
 * @param stitchesWritten stitch requests that wrote a final entity (or removed one)
 * @param stitchesUnchanged stitch requests that wrote nothing (same final entity, no entity, or fenced off)
 * @param stitchFailures stitch requests whose stitching failed (the previous final entity stays)
 * @param processingBatches durations of this engine's processing batches (claim → pipeline → write)
 * @param stitchBatches durations of this engine's stitch batches (claim → load → stitch → write)
 * @since 0.1 (experimental)
 */
public record EngineMetrics(
    long processingQueueDepth,
    long processingLeased,
    long entities,
    Duration processingQueueDelay,
    long stitchQueueDepth,
    Duration stitchQueueDelay,
    long entitiesProcessed,
    long processingFailures,
    long processingUnchanged,
    long stitchesWritten,
    long stitchesUnchanged,
    long stitchFailures,
    Durations processingBatches,
    Durations stitchBatches) {

  /** Checks that no value is missing. */
  public EngineMetrics {
    Objects.requireNonNull(processingQueueDelay, "processingQueueDelay");
    Objects.requireNonNull(stitchQueueDelay, "stitchQueueDelay");
    Objects.requireNonNull(processingBatches, "processingBatches");
    Objects.requireNonNull(stitchBatches, "stitchBatches");
  }

  /** Successful processing runs that wrote a changed result: processed minus failures minus unchanged. */
  public long processingChanged() {
    return Math.max(0, entitiesProcessed - processingFailures - processingUnchanged);
  }

  /**
   * A summary of batch durations since the engine was built.
   *
   * @param count batches timed
   * @param total their summed duration
   * @param max the longest one (zero before the first)
   * @since 0.1 (experimental)
   */
  public record Durations(long count, Duration total, Duration max) {
    /** No batch yet. */
    public static final Durations NONE = new Durations(0, Duration.ZERO, Duration.ZERO);

    /** Checks that no value is missing. */
    public Durations {
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(max, "max");
    }

    /** The mean duration, zero before the first batch. */
    public Duration mean() {
      return count == 0 ? Duration.ZERO : total.dividedBy(count);
    }
  }
}
