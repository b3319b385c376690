package org.catalogengine.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.ClaimedEntity;
import org.junit.jupiter.api.Test;

/**
 * Stitching waits only while processing works through a burst: full batches of entities processed for the first
 * time (DESIGN decision 4). A backlog of entities processed before, as a small change and the relation peers it
 * reprocesses make, is no burst, so the change is stitched while the rest of that backlog is worked.
 */
class BurstBatchTest {

  private static List<ClaimedEntity> claim(int firstTime, int processedBefore) {
    List<ClaimedEntity> out = new ArrayList<>();
    for (int i = 0; i < firstTime + processedBefore; i++) {
      out.add(new ClaimedEntity("id-" + i, EntityRef.of("component", "default", "c" + i), "{}", null, null,
          i < firstTime ? null : "hash-" + i, List.of()));
    }
    return out;
  }

  @Test
  void aGrownClaimOfFirstTimeEntitiesIsABurst() {
    assertThat(EngineLoop.isBurst(claim(2_000, 0), 1_000)).isTrue();
    assertThat(EngineLoop.isBurst(claim(3_700, 300), 1_000)).as("92% first-time").isTrue();
  }

  @Test
  void oneBatchOfFirstTimeEntitiesIsNoBurst() {
    // a change that adds a batch's worth of entities: its claim is full but has not grown
    assertThat(EngineLoop.isBurst(claim(1_000, 0), 1_000)).isFalse();
  }

  @Test
  void aFullBatchOfEntitiesProcessedBeforeIsNoBurst() {
    assertThat(EngineLoop.isBurst(claim(0, 4_000), 1_000)).isFalse();
    assertThat(EngineLoop.isBurst(claim(1_500, 2_500), 1_000)).isFalse();
  }

  @Test
  void aPartialClaimIsNoBurst() {
    assertThat(EngineLoop.isBurst(claim(1_999, 0), 1_000)).isFalse();
  }
}
