package org.catalogengine.internal.engine;

/**
 * The size of a worker's next claim: it starts at the configured batch size, doubles after every claim that came
 * back full (more is waiting) up to {@code base × maxGrowth}, and falls back to the base size after a partial one
 * (the backlog is gone). Shared by the workers of one kind; a lost update between two workers is harmless.
 */
final class ClaimSize {
  private final int base;
  private final int max;
  private volatile int next;

  ClaimSize(int base, int maxGrowth) {
    if (base < 1 || maxGrowth < 1) {
      throw new IllegalArgumentException("base and maxGrowth must be positive, got " + base + " and " + maxGrowth);
    }
    this.base = base;
    this.max = (int) Math.min(Integer.MAX_VALUE, (long) base * maxGrowth);
    this.next = base;
  }

  /** How many to claim now. */
  int next() {
    return next;
  }

  /** Records a claim of {@code asked} that returned {@code got}. */
  void claimed(int asked, int got) {
    next = got >= asked ? (int) Math.min(max, 2L * asked) : base;
  }
}
