package org.catalogengine.internal.engine;

import java.time.Duration;

/**
 * A worker's wait for a reason with a longest duration: it holds while its reason holds, until it has held for its
 * longest; then one look goes through and the next wait starts over. Stitching waits for a burst of processing,
 * processing for a change's stitches ({@link DefaultCatalogEngine}).
 */
final class Deferral {
  private final long longestNanos;
  /** Since when the wait has held (System.nanoTime), valid only while {@link #waiting}. */
  private volatile long since;
  private volatile boolean waiting;

  Deferral(Duration longest) {
    if (longest.isNegative() || longest.isZero()) {
      throw new IllegalArgumentException("a deferral's longest wait must be positive, was " + longest);
    }
    this.longestNanos = longest.toNanos();
  }

  /**
   * Whether the worker waits now ({@code now} from System.nanoTime).
   *
   * @param reason whether the reason to wait holds now
   */
  boolean holds(boolean reason, long now) {
    if (reason) {
      if (!waiting) {
        since = now;
        waiting = true;
        return true;
      }
      if (now - since < longestNanos) {
        return true;
      }
    }
    waiting = false;
    return false;
  }
}
