package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.loop.LoopEntities.component;
import static org.catalogengine.jdbc.loop.LoopEntities.group;

import java.time.Duration;
import org.catalogengine.CatalogEngine;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The background workers: start, awaitIdle, stop. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class EngineWorkersTest extends StoreTestBase {

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  @Test
  void start_workersProcessAndStitchUntilIdle() {
    LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
    CatalogEngine engine = CatalogEngine.builder().store(store).provider(provider).allowAllKinds().clock(clock)
        .pollInterval(Duration.ofMillis(10)).build();
    engine.start();
    try {
      provider.full(component("a", "team-a"), component("b", "team-a"), group("team-a"));

      assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();

      assertThat(engine.entities().map(e -> e.ref().toString()).toList())
          .containsExactly("component:default/a", "component:default/b", "group:default/team-a");
    } finally {
      engine.stop();
    }
    assertThat(store.workStatus().leased()).isZero();
  }

  @Test
  void start_aWorkerWithABacklogClaimsItsNextBatchInTheWriteOfTheLast() {
    CountingStore counting = new CountingStore(store);
    LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
    CatalogEngine engine = oneWorkerEachInBatchesOfTwo(counting, provider);
    org.catalogengine.model.Entity[] entities = new org.catalogengine.model.Entity[13];
    for (int i = 0; i < 12; i++) {
      entities[i] = component("c" + i, "team-a");
    }
    entities[12] = group("team-a");
    engine.start();
    try {
      provider.full(entities);

      assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();

      assertThat(engine.entities().count()).isEqualTo(13);
      // the first batch (2) is a change outside a burst: its write claims nothing and processing waits for its
      // stitches; the next claim (4) is a burst, and the backlog after it is claimed by the writes before it
      assertThat(counting.processingClaimedByWrites.get()).isGreaterThanOrEqualTo(7);
      assertThat(counting.stitchesClaimedByWrites.get()).isPositive();
    } finally {
      engine.stop();
    }
    assertThat(store.workStatus().leased()).isZero();
  }

  @Test
  void start_aChangesBatchIsWrittenWithoutClaimingMoreSoItsStitchesComeFirst() {
    CountingStore counting = new CountingStore(store);
    LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
    CatalogEngine engine = oneWorkerEachInBatchesOfTwo(counting, provider);
    engine.start();
    try {
      provider.full(components("team-a"));
      assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
      int claimedByWritesBefore = counting.processingClaimedByWrites.get();

      // six of twelve components change owner: a backlog of three batches, each with new results
      provider.full(components("team-b"));
      assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();

      assertThat(counting.processingClaimedByWrites.get()).as("processing claims chained by the change's writes")
          .isEqualTo(claimedByWritesBefore);
      for (int i = 0; i < 12; i++) {
        assertThat(engine.entity(LoopEntities.eref("component:default/c" + i)).orElseThrow()
            .stringAt("/spec/owner")).as("c" + i).contains(i < 6 ? "team-b" : "team-a");
      }
    } finally {
      engine.stop();
    }
    assertThat(store.workStatus().leased()).isZero();
  }

  /** Twelve components and two groups; the first six components owned by {@code firstSixOwner}. */
  /** One processing and one stitch worker, batches of two: a dozen entities make a backlog of several claims. */
  private CatalogEngine oneWorkerEachInBatchesOfTwo(CountingStore counting, LoopEntities.TestProvider provider) {
    return CatalogEngine.builder().store(counting).provider(provider).allowAllKinds().clock(clock)
        .pollInterval(Duration.ofMillis(10)).processingWorkers(1).stitchWorkers(1).processingBatchSize(2)
        .stitchBatchSize(2).build();
  }

  private static org.catalogengine.model.Entity[] components(String firstSixOwner) {
    org.catalogengine.model.Entity[] entities = new org.catalogengine.model.Entity[14];
    for (int i = 0; i < 12; i++) {
      entities[i] = component("c" + i, i < 6 ? firstSixOwner : "team-a");
    }
    entities[12] = group("team-a");
    entities[13] = group("team-b");
    return entities;
  }
}
