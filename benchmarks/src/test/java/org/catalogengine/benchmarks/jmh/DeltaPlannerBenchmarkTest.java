package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.catalogengine.spi.storage.MutationPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeltaPlannerBenchmarkTest {

  private static final int SIZE = 10_000;
  private static DeltaPlannerBenchmark bench;

  @BeforeAll
  static void setUp() {
    bench = new DeltaPlannerBenchmark();
    bench.size = SIZE;
    bench.setup();
  }

  @Test
  void fullOnePercentChanged_plansOnePercentUpdatesAndNothingElse() {
    MutationPlan plan = bench.fullOnePercentChanged();

    assertThat(plan.updates()).hasSize(SIZE / DeltaPlannerBenchmark.CHANGE_EVERY);
    assertThat(plan.unchanged()).isEqualTo(SIZE - SIZE / DeltaPlannerBenchmark.CHANGE_EVERY);
    assertThat(plan.inserts()).isEmpty();
    assertThat(plan.replaces()).isEmpty();
    assertThat(plan.deletes()).isEmpty();
    assertThat(plan.duplicates()).isEmpty();
  }

  @Test
  void fullIdenticalRepeat_plansNothing() {
    MutationPlan plan = bench.fullIdenticalRepeat();

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.unchanged()).isEqualTo(SIZE);
  }

  @Test
  void setup_bucketHoldsDistinctRefs() {
    assertThat(bench.bucket).hasSize(SIZE);
    assertThat(bench.bucket.stream().map(e -> e.ref()).distinct().count()).isEqualTo(SIZE);
  }
}
