package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.loop.LoopEntities.component;
import static org.catalogengine.jdbc.loop.LoopEntities.eref;
import static org.catalogengine.jdbc.loop.LoopEntities.group;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.catalogengine.CatalogEngine;
import org.catalogengine.EngineMetrics;
import org.catalogengine.OrphanStrategy;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** {@link CatalogEngine#metrics()}: queue figures from the store, counters from the loops (issue 4). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class EngineMetricsTest extends StoreTestBase {

  @Parameter
  Backend backend;

  final LoopEntities.TestProvider provider = new LoopEntities.TestProvider();

  @Override
  protected Backend backend() {
    return backend;
  }

  private CatalogEngine engine() {
    CatalogEngine engine = CatalogEngine.builder()
        .store(store)
        .provider(provider)
        .processors(new LoopEntities.ChildEmitter(), new LoopEntities.Breaker())
        .allowAllKinds()
        .orphanStrategy(OrphanStrategy.KEEP)
        .clock(clock)
        .backgroundWorkers(false)
        .build();
    engine.runUntilIdle(); // connects the provider
    return engine;
  }

  @Test
  void metrics_beforeAnyWork_areZero() {
    EngineMetrics m = engine().metrics();

    assertThat(m.processingQueueDepth()).isZero();
    assertThat(m.entities()).isZero();
    assertThat(m.processingQueueDelay()).isEqualTo(Duration.ZERO);
    assertThat(m.stitchQueueDelay()).isEqualTo(Duration.ZERO);
    assertThat(m.entitiesProcessed()).isZero();
    assertThat(m.processingBatches()).isEqualTo(EngineMetrics.Durations.NONE);
  }

  @Test
  void metrics_countDueEntitiesAndTheirAgeUntilTheRunProcessesThem() {
    CatalogEngine engine = engine();
    provider.full(component("a", "team-a"), component("b", "team-a"), component("broken", "team-a"),
        group("team-a"));
    clock.advance(Duration.ofSeconds(42));

    EngineMetrics before = engine.metrics();
    assertThat(before.processingQueueDepth()).isEqualTo(4);
    assertThat(before.entities()).isEqualTo(4);
    assertThat(before.processingLeased()).isZero();
    assertThat(before.processingQueueDelay()).isEqualTo(Duration.ofSeconds(42));
    assertThat(before.entitiesProcessed()).isZero();

    engine.runUntilIdle();

    EngineMetrics after = engine.metrics();
    assertThat(after.processingQueueDepth()).isZero();
    assertThat(after.processingQueueDelay()).isEqualTo(Duration.ZERO);
    assertThat(after.stitchQueueDepth()).isZero();
    assertThat(after.entities()).isEqualTo(4);
    assertThat(after.entitiesProcessed()).isEqualTo(4);
    assertThat(after.processingFailures()).as("the entity named broken").isEqualTo(1);
    assertThat(after.processingUnchanged()).isZero();
    assertThat(after.processingChanged()).isEqualTo(3);
    // L24: the failing entity is stitched too, from its unprocessed body with its errors
    assertThat(after.stitchesWritten()).isEqualTo(4);
    assertThat(after.stitchFailures()).isZero();
    assertThat(after.processingBatches().count()).isEqualTo(1);
    assertThat(after.stitchBatches().count()).isGreaterThanOrEqualTo(1);
    assertThat(after.processingBatches().max()).isLessThanOrEqualTo(after.processingBatches().total());
  }

  @Test
  void metrics_claimsGrowWhileABacklogLastsAndFallBackAfterIt() {
    CatalogEngine engine = CatalogEngine.builder()
        .store(store)
        .provider(provider)
        .allowAllKinds()
        .orphanStrategy(OrphanStrategy.KEEP)
        .clock(clock)
        .backgroundWorkers(false)
        .processingBatchSize(2)
        .stitchBatchSize(3)
        .build();
    engine.runUntilIdle();
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < 29; i++) {
      entities.add(component("c" + i, "team-a"));
    }
    entities.add(group("team-a"));
    provider.full(entities.toArray(Entity[]::new));

    engine.runUntilIdle();

    EngineMetrics m = engine.metrics();
    assertThat(m.entitiesProcessed()).isEqualTo(30);
    // claims of 2, 4, 8, then 8 (four times the batch size at most): 2 + 4 + 8 + 8 + 8 = 30 in five batches
    assertThat(m.processingBatches().count()).isEqualTo(5);
    // stitch claims of 3, 6, 12, 12 cover the 30 requests in four batches
    assertThat(m.stitchesWritten()).isEqualTo(30);
    assertThat(m.stitchBatches().count()).isEqualTo(4);

    // the backlog is over: the next change is claimed at the configured size again (2 entities, one batch of 2)
    for (int i = 0; i < 2; i++) {
      entities.set(i, entities.get(i).with(j -> ((ObjectNode) j.get("metadata")).put("description", "changed")));
    }
    provider.full(entities.toArray(Entity[]::new));
    engine.runUntilIdle();
    assertThat(engine.metrics().entitiesProcessed()).isEqualTo(32);
    assertThat(engine.metrics().processingBatches().count()).isEqualTo(6);
  }

  @Test
  void metrics_identicalSecondRunCountsUnchangedAndTheRepeatedFailure() {
    CatalogEngine engine = engine();
    provider.full(component("a", "team-a"), component("broken", "team-a"), group("team-a"));
    engine.runUntilIdle();
    EngineMetrics first = engine.metrics();

    clock.advance(Duration.ofMinutes(10)); // past every schedule and back-off
    assertThat(engine.metrics().processingQueueDepth()).isEqualTo(3);
    engine.runUntilIdle();

    EngineMetrics second = engine.metrics();
    assertThat(second.entitiesProcessed() - first.entitiesProcessed()).isEqualTo(3);
    assertThat(second.processingUnchanged() - first.processingUnchanged()).isEqualTo(2);
    assertThat(second.processingFailures() - first.processingFailures())
        .as("failing again with the same errors is still a failure").isEqualTo(1);
    assertThat(second.stitchesWritten()).as("nothing changed, nothing restitched").isEqualTo(first.stitchesWritten());
  }

  @Test
  void metrics_leasedEntitiesAreInFlightNotDue() {
    CatalogEngine engine = engine();
    provider.full(component("a", "team-a"), component("b", "team-a"), group("team-a"));

    store.claimDue(2, "another-node", Duration.ofMinutes(2));

    EngineMetrics m = engine.metrics();
    assertThat(m.processingLeased()).isEqualTo(2);
    assertThat(m.processingQueueDepth()).isEqualTo(1);
    assertThat(m.entities()).isEqualTo(3);

    clock.advance(Duration.ofMinutes(3)); // the other node's lease expired: due again, since the lease ended
    EngineMetrics expired = engine.metrics();
    assertThat(expired.processingLeased()).isZero();
    assertThat(expired.processingQueueDepth()).isEqualTo(3);
    assertThat(expired.processingQueueDelay()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void metrics_stitchQueueDepthAndAgeUntilStitched() {
    CatalogEngine engine = engine();
    store.requestStitch(List.of(eref("component:default/gone-1"), eref("component:default/gone-2")));
    clock.advance(Duration.ofSeconds(7));

    EngineMetrics before = engine.metrics();
    assertThat(before.stitchQueueDepth()).isEqualTo(2);
    assertThat(before.stitchQueueDelay()).isEqualTo(Duration.ofSeconds(7));

    engine.runUntilIdle();

    EngineMetrics after = engine.metrics();
    assertThat(after.stitchQueueDepth()).isZero();
    assertThat(after.stitchQueueDelay()).isEqualTo(Duration.ZERO);
    assertThat(after.stitchesUnchanged() - before.stitchesUnchanged())
        .as("requests for refs without an entity write nothing (T2)").isEqualTo(2);
    assertThat(after.stitchesWritten()).isEqualTo(before.stitchesWritten());
  }
}
