package org.catalogengine.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A worker's wait holds while its reason does, for at most its longest, and then starts over. */
class DeferralTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void holdsWhileTheReasonHoldsUpToItsLongest() {
    Deferral deferral = new Deferral(Duration.ofSeconds(5));

    assertThat(deferral.holds(true, 100 * SECOND)).isTrue();
    assertThat(deferral.holds(true, 104 * SECOND)).as("4 s into the wait").isTrue();
    assertThat(deferral.holds(true, 105 * SECOND)).as("the longest reached: one look goes through").isFalse();
    assertThat(deferral.holds(true, 105 * SECOND + 1)).as("the next wait starts over").isTrue();
    assertThat(deferral.holds(true, 109 * SECOND)).isTrue();
  }

  @Test
  void withoutTheReasonNothingWaitsAndTheNextWaitStartsOver() {
    Deferral deferral = new Deferral(Duration.ofSeconds(5));

    assertThat(deferral.holds(false, 0)).isFalse();
    assertThat(deferral.holds(true, 10 * SECOND)).isTrue();
    assertThat(deferral.holds(false, 14 * SECOND)).isFalse();
    // had the first wait gone on, it would have ended at 15 s
    assertThat(deferral.holds(true, 16 * SECOND)).isTrue();
    assertThat(deferral.holds(true, 20 * SECOND)).isTrue();
    assertThat(deferral.holds(true, 21 * SECOND)).isFalse();
  }

  @Test
  void aLongestThatIsNotPositiveIsRejected() {
    assertThatThrownBy(() -> new Deferral(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
  }
}
