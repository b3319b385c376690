package org.catalogengine.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.ProcessingOutcome;
import org.junit.jupiter.api.Test;

/**
 * A processed batch carries a change when an entity in it has a new result; outside a burst such a batch is written
 * without claiming the next one, and processing waits for its stitches (DefaultCatalogEngine). Relation peers
 * reprocessed to the same result are no change.
 */
class ChangeBatchTest {

  private static EntityRef ref(int i) {
    return EntityRef.of("component", "default", "c" + i);
  }

  private static ProcessingOutcome unchanged(int i) {
    return new ProcessingOutcome.Unchanged("id-" + i, ref(i), true, null);
  }

  @Test
  void peersReprocessedToTheSameResultAreNoChange() {
    List<ProcessingOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      outcomes.add(unchanged(i));
    }
    assertThat(EngineLoop.isChange(outcomes)).isFalse();

    outcomes.add(new ProcessingOutcome.Failed("id-100", ref(100), "[]", "new-hash", null));
    assertThat(EngineLoop.isChange(outcomes)).as("one entity with a new result").isTrue();
  }

  @Test
  void anEmptyBatchIsNoChange() {
    assertThat(EngineLoop.isChange(List.of())).isFalse();
  }
}
