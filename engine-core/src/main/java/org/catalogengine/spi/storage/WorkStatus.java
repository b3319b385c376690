package org.catalogengine.spi.storage;

/**
 * Outstanding work at one instant: used by {@code awaitIdle}.
 *
 * @param due entities due for processing and not leased
 * @param leased entities under a live processing lease
 * @param stitchQueued pending stitch requests (due or leased)
 * @since 0.1 (experimental)
 */
public record WorkStatus(long due, long leased, long stitchQueued) {

  /** True when nothing is due, leased or queued for stitching. */
  public boolean idle() {
    return due == 0 && leased == 0 && stitchQueued == 0;
  }
}
