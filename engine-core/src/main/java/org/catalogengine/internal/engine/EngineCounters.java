package org.catalogengine.internal.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.catalogengine.EngineMetrics;
import org.catalogengine.spi.storage.ProcessingOutcome;
import org.catalogengine.spi.storage.QueueStatistics;

/**
 * The engine's cumulative counters, updated by the loops without locks (LongAdders: workers never contend on
 * one cache line) and read into an {@link EngineMetrics} snapshot.
 */
final class EngineCounters {
  private final LongAdder processed = new LongAdder();
  private final LongAdder processingFailures = new LongAdder();
  private final LongAdder processingUnchanged = new LongAdder();
  private final LongAdder stitchClaimed = new LongAdder();
  private final LongAdder stitchesWritten = new LongAdder();
  private final LongAdder stitchFailures = new LongAdder();
  private final Timer processingBatches = new Timer();
  private final Timer stitchBatches = new Timer();

  /** Counts one processing batch's outcomes and times it from {@code startedNanos} ({@link System#nanoTime}). */
  void processed(List<ProcessingOutcome> outcomes, long startedNanos) {
    int failed = 0;
    int unchanged = 0;
    for (ProcessingOutcome o : outcomes) {
      if (o instanceof ProcessingOutcome.Failed) {
        failed++;
      } else if (o instanceof ProcessingOutcome.Unchanged u) {
        // an entity failing again with the same errors is still a failure, not a quiet success
        if (u.ok()) {
          unchanged++;
        } else {
          failed++;
        }
      }
    }
    processed.add(outcomes.size());
    processingFailures.add(failed);
    processingUnchanged.add(unchanged);
    processingBatches.record(System.nanoTime() - startedNanos);
  }

  /** Counts one stitch batch: requests claimed, those whose commit was written, and times it. */
  void stitched(int claimed, int failedBeforeWrite, int written, long startedNanos) {
    stitchClaimed.add(claimed);
    stitchFailures.add(failedBeforeWrite);
    stitchesWritten.add(written);
    stitchBatches.record(System.nanoTime() - startedNanos);
  }

  /** One stitch whose stitcher reported a failure (the request is settled, the old final entity stays). */
  void stitchFailed() {
    stitchFailures.increment();
  }

  /** The counters together with the store's queue figures. */
  EngineMetrics snapshot(QueueStatistics q) {
    long written = stitchesWritten.sum();
    long failed = stitchFailures.sum();
    // derived, so a batch counted half-way through never makes it negative
    long unchanged = Math.max(0, stitchClaimed.sum() - written - failed);
    return new EngineMetrics(q.due(), q.leased(), q.entities(), q.oldestDueAge(), q.stitchDue(),
        q.oldestStitchAge(), processed.sum(), processingFailures.sum(), processingUnchanged.sum(), written,
        unchanged, failed, processingBatches.snapshot(), stitchBatches.snapshot());
  }

  /** Count, total and max of batch durations in nanoseconds. */
  private static final class Timer {
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    void record(long nanos) {
      long n = Math.max(0, nanos);
      count.increment();
      totalNanos.add(n);
      maxNanos.accumulate(n);
    }

    EngineMetrics.Durations snapshot() {
      return new EngineMetrics.Durations(count.sum(), Duration.ofNanos(totalNanos.sum()),
          Duration.ofNanos(maxNanos.get()));
    }
  }
}
