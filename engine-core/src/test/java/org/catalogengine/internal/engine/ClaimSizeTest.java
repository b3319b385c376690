package org.catalogengine.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimSizeTest {

  @Test
  void startsAtTheBaseSize() {
    assertThat(new ClaimSize(100, 4).next()).isEqualTo(100);
  }

  @Test
  void doublesAfterFullClaimsUpToTheCap() {
    ClaimSize size = new ClaimSize(100, 4);

    size.claimed(100, 100);
    assertThat(size.next()).isEqualTo(200);
    size.claimed(200, 200);
    assertThat(size.next()).isEqualTo(400);
    size.claimed(400, 400);
    assertThat(size.next()).as("capped at four times the base").isEqualTo(400);
  }

  @Test
  void fallsBackToTheBaseAfterAPartialOrEmptyClaim() {
    ClaimSize size = new ClaimSize(100, 4);
    size.claimed(100, 100);
    size.claimed(200, 200);

    size.claimed(400, 399);
    assertThat(size.next()).isEqualTo(100);

    size.claimed(100, 100);
    size.claimed(200, 0);
    assertThat(size.next()).isEqualTo(100);
  }

  @Test
  void aGrowthOfOneKeepsTheBaseSize() {
    ClaimSize size = new ClaimSize(100, 1);
    size.claimed(100, 100);
    assertThat(size.next()).isEqualTo(100);
  }

  @Test
  void theCapDoesNotOverflow() {
    ClaimSize size = new ClaimSize(Integer.MAX_VALUE / 2, 8);
    size.claimed(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2);
    assertThat(size.next()).isEqualTo(Integer.MAX_VALUE - 1);
    size.claimed(Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 1);
    assertThat(size.next()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void rejectsNonPositiveSizes() {
    assertThatThrownBy(() -> new ClaimSize(0, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base and maxGrowth must be positive");
    assertThatThrownBy(() -> new ClaimSize(10, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
