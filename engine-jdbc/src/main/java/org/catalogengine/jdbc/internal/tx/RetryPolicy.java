package org.catalogengine.jdbc.internal.tx;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.catalogengine.error.StorageException;

/**
 * Bounded, jittered exponential back-off for retryable transaction failures (spec P11, design 9). The sleeper
 * and the random source are injectable so tests run without sleeping.
 */
public final class RetryPolicy {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RetryPolicy.class);

  /** Sleeps between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final int maxAttempts;
  private final long baseMillis;
  private final long maxMillis;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  public RetryPolicy(int maxAttempts, long baseMillis, long maxMillis, Sleeper sleeper, DoubleSupplier random) {
    if (maxAttempts < 1 || baseMillis < 0 || maxMillis < baseMillis) {
      throw new IllegalArgumentException("bad retry policy: attempts " + maxAttempts + ", base " + baseMillis
          + " ms, max " + maxMillis + " ms");
    }
    this.maxAttempts = maxAttempts;
    this.baseMillis = baseMillis;
    this.maxMillis = maxMillis;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Five attempts, 25 ms base (as Backstage), at most 1 s between attempts. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, 25, 1_000, Thread::sleep, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The most attempts made. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The pause after failed attempt {@code attempt} (1-based): base·2^(attempt−1), capped, times [0.5, 1.5). */
  public long backoffMillis(int attempt) {
    long exp = baseMillis << Math.min(attempt - 1, 20);
    double capped = Math.min(exp, maxMillis);
    return Math.min(maxMillis, Math.round(capped * (0.5 + random.getAsDouble())));
  }

  /**
   * Runs {@code attempt} until it succeeds, fails with a non-retryable exception, or {@link #maxAttempts} are
   * used up.
   *
   * @throws StorageException wrapping the last failure (keeping its SQLState) when attempts run out
   */
  public <T> T run(String what, Predicate<Throwable> retryable, Supplier<T> attempt) {
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (!retryable.test(e)) {
          throw e;
        }
        if (n >= maxAttempts) {
          throw new StorageException(what + " failed after " + n + " attempts (retryable failure: "
              + e.getMessage() + ")", e);
        }
        long pause = backoffMillis(n);
        LOG.debug("{} hit a retryable failure (attempt {} of {}), retrying in {} ms: {}", what, n, maxAttempts,
            pause, e.getMessage());
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StorageException(what + " was interrupted while waiting to retry", e);
        }
      }
    }
  }
}
