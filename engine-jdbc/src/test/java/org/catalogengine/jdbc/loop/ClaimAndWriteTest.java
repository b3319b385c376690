package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.loop.LoopEntities.component;
import static org.catalogengine.jdbc.loop.LoopEntities.eref;

import java.time.Duration;
import java.util.List;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.ManualClock;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.storage.ClaimedEntity;
import org.catalogengine.spi.storage.ProcessingOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims, leases and the batch result write of the store (spec L2–L4, L19, L23, K5). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class ClaimAndWriteTest extends StoreTestBase {
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration INTERVAL = Duration.ofSeconds(100);

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  private void provide(Entity... entities) {
    store.applyMutation("p", EntityMutation.full(
        List.of(entities).stream().map(e -> DeferredEntity.of(e, LoopEntities.LOCATION)).toList()));
  }

  @Test
  void claimDue_leasedEntitiesAreNotClaimedTwice() {
    provide(component("a", "t"), component("b", "t"), component("c", "t"));

    List<ClaimedEntity> first = store.claimDue(2, "w1", LEASE);
    List<ClaimedEntity> second = store.claimDue(10, "w2", LEASE);

    assertThat(first).hasSize(2);
    assertThat(second).hasSize(1);
    assertThat(first).extracting(ClaimedEntity::ref).doesNotContainAnyElementsOf(
        second.stream().map(ClaimedEntity::ref).toList());
    assertThat(store.claimDue(10, "w3", LEASE)).isEmpty();
    assertThat(store.workStatus().leased()).isEqualTo(3);
  }

  @Test
  void cs33_concurrentClaimsNeverReturnAnEntityTwice() throws Exception {
    Entity[] many = new Entity[60];
    for (int i = 0; i < many.length; i++) {
      many[i] = component("c" + i, "t");
    }
    provide(many);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<List<ClaimedEntity>>> futures = new java.util.ArrayList<>();
      for (int w = 0; w < 3; w++) {
        String owner = "w" + w;
        futures.add(pool.submit(() -> {
          List<ClaimedEntity> mine = new java.util.ArrayList<>();
          for (List<ClaimedEntity> c; !(c = store.claimDue(7, owner, LEASE)).isEmpty(); ) {
            mine.addAll(c);
          }
          return mine;
        }));
      }
      List<String> all = new java.util.ArrayList<>();
      for (var f : futures) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS).forEach(c -> all.add(c.ref().toString()));
      }
      assertThat(all).hasSize(60).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void claimDue_expiredLeaseIsClaimedAgain() {
    provide(component("a", "t"));
    ClaimedEntity crashed = store.claimDue(10, "w1", LEASE).get(0);

    clock.advance(LEASE);

    assertThat(store.claimDue(10, "w2", LEASE)).extracting(ClaimedEntity::ref).containsExactly(crashed.ref());
  }

  @Test
  void claimDue_returnsWhatThePipelineNeeds() {
    provide(component("a", "t"));

    ClaimedEntity c = store.claimDue(10, "w1", LEASE).get(0);

    assertThat(c.ref()).isEqualTo(eref("component:default/a"));
    assertThat(Entity.parse(c.unprocessedJson())).isEqualTo(component("a", "t"));
    assertThat(c.locationKey()).isEqualTo(LoopEntities.LOCATION);
    assertThat(c.resultHash()).isNull();
    assertThat(c.parents()).isEmpty();
    assertThat(c.entityId()).isEqualTo(state("a").entityId());
  }

  @Test
  void l4_entityChangedDuringItsRunStaysDueNow() {
    provide(component("a", "t"));
    ClaimedEntity c = store.claimDue(10, "w1", LEASE).get(0);
    clock.advance(Duration.ofSeconds(1));
    provide(component("a", "changed-owner")); // the provider writes while the run is in flight

    store.writeProcessingResults(List.of(new ProcessingOutcome.Unchanged(c.entityId(), c.ref(), true, null)),
        INTERVAL);

    assertThat(state("a").nextUpdateAt()).isEqualTo(ManualClock.T0.plusSeconds(1));
    assertThat(store.claimDue(10, "w2", LEASE)).hasSize(1);
  }

  @Test
  void k5_resultOfAnEntityClaimedByAnotherLocationMeanwhileIsRejected() {
    provide(component("a", "t"));
    ClaimedEntity c = store.claimDue(10, "w1", LEASE).get(0);
    store.applyMutation("p", EntityMutation.full(List.of(DeferredEntity.of(component("a", "t"), "url:other"))));

    store.writeProcessingResults(List.of(new ProcessingOutcome.Succeeded(c.entityId(), c.ref(), c.locationKey(),
        component("a", "t"), List.of(), List.of(), List.of("url:x"), "hash-1", null)), INTERVAL);

    assertThat(state("a").processedEntity()).isNull();
    assertThat(state("a").resultHash()).isNull();
    assertThat(store.workStatus().stitchQueued()).isZero();
  }

  @Test
  void l23_failureWritesErrorsAndHashOnlyAndAsksForOneStitch() {
    provide(component("a", "t"));
    ClaimedEntity c = store.claimDue(10, "w1", LEASE).get(0);
    store.writeProcessingResults(List.of(new ProcessingOutcome.Succeeded(c.entityId(), c.ref(), c.locationKey(),
        component("a", "t"), List.of(), List.of(), List.of("url:x"), "hash-1", null)), INTERVAL);
    clock.advance(Duration.ofSeconds(200));
    ClaimedEntity again = store.claimDue(10, "w1", LEASE).get(0);
    assertThat(again.resultHash()).isEqualTo("hash-1");

    store.writeProcessingResults(List.of(new ProcessingOutcome.Failed(again.entityId(), again.ref(),
        "[{\"name\":\"InputError\",\"message\":\"bad\"}]", "hash-2", null)), INTERVAL);

    assertThat(state("a").processedEntity()).isEqualTo(component("a", "t"));
    assertThat(state("a").resultHash()).isEqualTo("hash-2");
    assertThat(store.refresh(List.of("url:x"))).as("refresh keys kept").isEqualTo(1);
    assertThat(store.loadStitchInputs(List.of(c.ref())).get(0).errorsJson()).contains("InputError");
  }

  @Test
  void writeProcessingResults_skipsEntitiesDeletedDuringTheRun() {
    provide(component("a", "t"));
    ClaimedEntity c = store.claimDue(10, "w1", LEASE).get(0);
    provide(); // the provider removes it while it is processed

    store.writeProcessingResults(List.of(new ProcessingOutcome.Succeeded(c.entityId(), c.ref(), c.locationKey(),
        component("a", "t"), List.of(DeferredEntity.of(component("child", "t"))), List.of(), List.of(), "h", null)),
        INTERVAL);

    assertThat(exists("a")).isFalse();
    assertThat(exists("child")).isFalse();
  }

  @Test
  void writeProcessingResultsAndClaim_claimsTheNextBatchInTheSameWriteIncludingChildrenJustWritten() {
    provide(component("a", "t"));
    ClaimedEntity a = store.claimDue(1, "w1", LEASE).get(0);
    provide(component("a", "t"), component("b", "t")); // b arrives while a is processed

    // a's result emits a child: it is written by this batch, due now, and the same transaction claims it with b
    List<ClaimedEntity> next = store.writeProcessingResultsAndClaim(List.of(new ProcessingOutcome.Succeeded(
        a.entityId(), a.ref(), a.locationKey(), component("a", "t"), List.of(DeferredEntity.of(component("child",
            "t"))), List.of(), List.of(), "h", null)), INTERVAL, 10, "w1", LEASE);

    assertThat(next).extracting(c -> c.ref().toString())
        .containsExactly("component:default/b", "component:default/child");
    assertThat(next.get(1).parents()).as("the child's edge is part of the claim").containsExactly(a.ref());
    assertThat(Entity.parse(next.get(0).unprocessedJson())).isEqualTo(component("b", "t"));
    assertThat(state("a").processedEntity()).as("the results are written").isEqualTo(component("a", "t"));
    assertThat(store.claimDue(10, "w2", LEASE)).as("the next batch is leased").isEmpty();
    assertThat(store.workStatus().leased()).isEqualTo(2);
  }

  @Test
  void writeProcessingResultsAndClaim_withNoNextLimitOnlyWrites() {
    provide(component("a", "t"));
    ClaimedEntity a = store.claimDue(1, "w1", LEASE).get(0);
    provide(component("a", "t"), component("b", "t"));

    List<ClaimedEntity> next = store.writeProcessingResultsAndClaim(
        List.of(new ProcessingOutcome.Unchanged(a.entityId(), a.ref(), true, null)), INTERVAL, 0, "w1", LEASE);

    assertThat(next).isEmpty();
    assertThat(store.claimDue(10, "w2", LEASE)).extracting(c -> c.ref().toString())
        .containsExactly("component:default/b");
  }

  @Test
  void writeProcessingResultsAndClaim_refusesANegativeLimitAndWritesNothing() {
    provide(component("a", "t"));
    ClaimedEntity a = store.claimDue(1, "w1", LEASE).get(0);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeProcessingResultsAndClaim(List.of(
            new ProcessingOutcome.Succeeded(a.entityId(), a.ref(), a.locationKey(), component("a", "t"), List.of(),
                List.of(), List.of(), "h", null)), INTERVAL, -1, "w1", LEASE))
        .isInstanceOf(org.catalogengine.error.InputException.class).hasMessageContaining("nextLimit");
    assertThat(state("a").processedEntity()).isNull();
  }
}
