package org.catalogengine.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a worker claims its next batch in the write of the last one (EngineLoop.processWhile, stitchWhile). */
class ChainBudgetTest {
  private static final Duration LEASE = Duration.ofSeconds(60);

  @Test
  void aBatchThatTookLessThanAQuarterOfTheLeaseClaimsTheNext() {
    long started = System.nanoTime() - Duration.ofSeconds(10).toNanos();

    assertThat(EngineLoop.withinChainBudget(started, LEASE)).isTrue();
  }

  @Test
  void aBatchThatTookAQuarterOfTheLeaseOrMoreDoesNot() {
    long started = System.nanoTime() - Duration.ofSeconds(15).toNanos();

    assertThat(EngineLoop.withinChainBudget(started, LEASE)).isFalse();
  }
}
