package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.loop.LoopEntities.component;
import static org.catalogengine.jdbc.loop.LoopEntities.group;
import static org.catalogengine.jdbc.loop.LoopEntities.parent;
import static org.catalogengine.jdbc.loop.LoopEntities.eref;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.catalogengine.CatalogEngine;
import org.catalogengine.CatalogListener;
import org.catalogengine.OrphanStrategy;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.ManualClock;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.storage.EntityState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The processing loop and deferred stitching end to end on every backend (spec §5, §7, §8). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class ProcessingLoopTest extends StoreTestBase {

  @Parameter
  Backend backend;

  final LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  protected Backend backend() {
    return backend;
  }

  private CatalogEngine engine(OrphanStrategy orphans) {
    CatalogEngine engine = CatalogEngine.builder()
        .store(store)
        .provider(provider)
        .processors(new LoopEntities.ChildEmitter(), new LoopEntities.Breaker())
        .allowAllKinds()
        .orphanStrategy(orphans)
        .clock(clock)
        .listener(LoopEntities.recording(events))
        .build();
    engine.runUntilIdle(); // connects the provider
    return engine;
  }

  private JsonNode finalJson(CatalogEngine engine, String ref) {
    return engine.entity(eref(ref)).orElseThrow(() -> new AssertionError("no final entity " + ref)).toJson();
  }

  @Test
  void cs32_newEntityIsDueNowAndAfterItsRunDueIn100To150Seconds() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("petstore", "team-a"));
    assertThat(state("petstore").nextUpdateAt()).isEqualTo(ManualClock.T0);

    engine.runUntilIdle();

    Instant next = state("petstore").nextUpdateAt();
    assertThat(next).isBetween(ManualClock.T0.plusSeconds(100), ManualClock.T0.plusSeconds(150));
    assertThat(store.workStatus().idle()).isTrue();
  }

  @Test
  void run_processesStitchesAndWritesRelationsBothWays() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("petstore", "team-a"), group("team-a"));

    engine.runUntilIdle();

    JsonNode petstore = finalJson(engine, "component:default/petstore");
    EntityState state = state("petstore");
    assertThat(petstore.at("/metadata/uid").stringValue()).isEqualTo(state.entityId());
    assertThat(petstore.get("relations").toString())
        .isEqualTo("[{\"targetRef\":\"group:default/team-a\",\"type\":\"ownedBy\"}]");
    assertThat(finalJson(engine, "group:default/team-a").get("relations").toString())
        .isEqualTo("[{\"targetRef\":\"component:default/petstore\",\"type\":\"ownerOf\"}]");
    assertThat(engine.entities().map(e -> e.ref().toString()).toList())
        .containsExactly("component:default/petstore", "group:default/team-a");
    assertThat(state.processedEntity()).isNotNull();
  }

  @Test
  void l22_ownerChangeRestitchesOldAndNewOwner() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("petstore", "team-a"), group("team-a"), group("team-b"));
    engine.runUntilIdle();

    provider.full(component("petstore", "team-b"), group("team-a"), group("team-b"));
    engine.runUntilIdle();

    assertThat(finalJson(engine, "group:default/team-a").get("relations")).isEmpty();
    assertThat(finalJson(engine, "group:default/team-b").get("relations").toString())
        .contains("component:default/petstore");
  }

  @Test
  void cs38_identicalRunWritesNothingAndStitchesNothing() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1"), group("team-a"));
    engine.runUntilIdle();
    Map<String, List<String>> before = snapshotWithoutQueue();
    events.clear();

    clock.advance(Duration.ofSeconds(200));
    long work = engine.runUntilIdle();

    assertThat(work).as("all three entities were processed again").isEqualTo(3);
    assertThat(snapshotWithoutQueue()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  private Map<String, List<String>> snapshotWithoutQueue() {
    Map<String, List<String>> s = new java.util.LinkedHashMap<>(f.snapshot());
    s.remove("processing_queue");
    return s;
  }

  @Test
  void cs37_improved_firstRunFailureIsVisibleAsBrokenEntity() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("broken", "team-a"));

    engine.runUntilIdle();

    assertThat(state("broken").processedEntity()).isNull();
    JsonNode json = finalJson(engine, "component:default/broken");
    JsonNode item = json.at("/status/items/0");
    assertThat(item.get("type").stringValue()).isEqualTo("backstage.io/catalog-processing");
    assertThat(item.get("level").stringValue()).isEqualTo("error");
    assertThat(item.get("message").stringValue()).contains("broken on purpose");
    assertThat(json.at("/spec/owner").stringValue()).isEqualTo("team-a");
  }

  @Test
  void failure_backsOffExponentiallyCappedAtTheInterval() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("broken", "team-a"));

    engine.runUntilIdle();
    assertThat(state("broken").nextUpdateAt()).isEqualTo(ManualClock.T0.plusSeconds(5));
    clock.advance(Duration.ofSeconds(5));
    engine.runUntilIdle();
    assertThat(state("broken").nextUpdateAt()).isEqualTo(ManualClock.T0.plusSeconds(5 + 10));
    for (int i = 0; i < 6; i++) {
      clock.set(state("broken").nextUpdateAt());
      engine.runUntilIdle();
    }
    assertThat(Duration.between(clock.instant(), state("broken").nextUpdateAt())).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void l23_failureKeepsTheLastGoodEntityAndShowsTheError() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1"));
    engine.runUntilIdle();
    // the same ref, now failing: processed entity, children and edges stay
    LoopEntities.Breaker.failing.add("app");
    try {
      clock.advance(Duration.ofSeconds(200));
      engine.runUntilIdle();
    } finally {
      LoopEntities.Breaker.failing.remove("app");
    }

    JsonNode app = finalJson(engine, "component:default/app");
    assertThat(app.at("/status/items/0/message").stringValue()).contains("broken on purpose");
    assertThat(app.at("/spec/emits/0").stringValue()).isEqualTo("child-1");
    assertThat(edges("child-1")).containsExactly(parentEdge("app", "child-1"));
    assertThat(finalJson(engine, "component:default/child-1").at("/metadata/annotations/backstage.io~1orphan")
        .isMissingNode()).isTrue();
  }

  @Test
  void cs45_improved_droppedChildIsMarkedOrphanRightAfterTheParentsRun() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1", "child-2"));
    engine.runUntilIdle();
    assertThat(finalJson(engine, "component:default/child-1").at("/metadata/annotations/backstage.io~1orphan")
        .isMissingNode()).isTrue();

    provider.full(parent("app", "child-2"));
    engine.runUntilIdle();

    assertThat(finalJson(engine, "component:default/child-1").at("/metadata/annotations/backstage.io~1orphan")
        .stringValue()).isEqualTo("true");
    assertThat(finalJson(engine, "component:default/child-2").at("/metadata/annotations/backstage.io~1orphan")
        .isMissingNode()).isTrue();
    assertThat(edges("child-1")).isEmpty();
  }

  @Test
  void o3_reclaimedOrphanLosesItsMarkInTheSameCycle() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1"));
    engine.runUntilIdle();
    provider.full(parent("app"));
    engine.runUntilIdle();
    assertThat(finalJson(engine, "component:default/child-1").at("/metadata/annotations/backstage.io~1orphan")
        .stringValue()).isEqualTo("true");

    provider.full(parent("app", "child-1"));
    engine.runUntilIdle();

    assertThat(finalJson(engine, "component:default/child-1").at("/metadata/annotations/backstage.io~1orphan")
        .isMissingNode()).isTrue();
  }

  @Test
  void o4_deleteStrategyRemovesOrphansTransitivelyAndAnnouncesIt() {
    CatalogEngine engine = engine(OrphanStrategy.DELETE);
    provider.full(parent("root", "mid>leaf"), group("team-a"));
    engine.runUntilIdle();
    assertThat(exists("leaf")).isTrue();
    assertThat(finalJson(engine, "group:default/team-a").get("relations").toString()).contains("leaf");
    events.clear();

    provider.full(parent("root"), group("team-a"));
    engine.runUntilIdle();

    assertThat(exists("root")).isTrue();
    assertThat(exists("mid")).isFalse();
    assertThat(exists("leaf")).as("transitively orphaned").isFalse();
    assertThat(engine.entity(eref("component:default/leaf"))).isEmpty();
    assertThat(events).anyMatch(e -> e.startsWith("removed component:default/mid "))
        .anyMatch(e -> e.startsWith("removed component:default/leaf "));
    assertThat(finalJson(engine, "group:default/team-a").get("relations").toString())
        .doesNotContain("leaf").doesNotContain("mid").contains("root");
  }

  @Test
  void o5_keepStrategyKeepsOrphansMarked() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("root", "mid>leaf"));
    engine.runUntilIdle();

    provider.full(parent("root"));
    engine.runUntilIdle();

    assertThat(finalJson(engine, "component:default/mid").at("/metadata/annotations/backstage.io~1orphan")
        .stringValue()).isEqualTo("true");
    assertThat(finalJson(engine, "component:default/leaf").at("/metadata/annotations/backstage.io~1orphan")
        .isMissingNode()).as("leaf still has its parent mid").isTrue();
  }

  @Test
  void searchRows_afterChangesEqualTheRowsOfTheFinalEntity() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    tools.jackson.databind.node.ObjectNode json = component("petstore", "team-a").toJson();
    ((tools.jackson.databind.node.ObjectNode) json.get("metadata")).putArray("tags").add("java").add("Web");
    provider.full(Entity.of(json), group("team-a"), group("team-b"));
    engine.runUntilIdle();
    json = component("petstore", "team-b").toJson();
    ((tools.jackson.databind.node.ObjectNode) json.get("metadata")).put("description", "Pets")
        .putArray("tags").add("WEB").add("go");
    provider.full(Entity.of(json), group("team-a"), group("team-b"));

    engine.runUntilIdle();

    for (String ref : List.of("component:default/petstore", "group:default/team-a", "group:default/team-b")) {
      Entity e = engine.entity(eref(ref)).orElseThrow();
      List<String> expected = org.catalogengine.internal.stitching.SearchRows.of(e.toJson()).stream()
          .map(r -> r.key() + "|" + r.value() + "|" + r.originalValue()).sorted().toList();
      // original_value is stored only where it differs from the lower-cased value
      assertThat(f.db.rows("SELECT search_key FROM " + f.t("search") + " WHERE entity_id = '" + e.uid().orElseThrow()
          + "' AND original_value = search_value")).as(ref).isEmpty();
      List<String> stored = f.db.rows("SELECT search_key, search_value, COALESCE(original_value, search_value)"
              + " AS original_value FROM " + f.t("search") + " WHERE entity_id = '" + e.uid().orElseThrow() + "'")
          .stream()
          .map(r -> r.replace("search_key=", "").replace(" | search_value=", "|")
              .replace(" | original_value=", "|"))
          .sorted().toList();
      assertThat(stored).as(ref).isEqualTo(expected);
    }
  }

  @Test
  void conflict_fromAnotherProviderShowsOnTheWinnerAndGoesAwayWhenCleared() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("petstore", "team-a"));
    engine.runUntilIdle();

    store.applyMutation("other", org.catalogengine.spi.provider.EntityMutation.full(List.of(
        org.catalogengine.spi.provider.DeferredEntity.of(component("petstore", "team-b"), "url:elsewhere"))));
    engine.runUntilIdle();

    JsonNode item = finalJson(engine, "component:default/petstore").at("/status/items/0");
    assertThat(item.get("type").stringValue()).isEqualTo("catalogengine.io/location-conflict");
    assertThat(item.get("message").stringValue()).contains("provider:other").contains("url:elsewhere");

    store.applyMutation("other", org.catalogengine.spi.provider.EntityMutation.full(List.of()));
    engine.runUntilIdle();

    assertThat(finalJson(engine, "component:default/petstore").at("/status").isMissingNode()).isTrue();
  }

  @Test
  void cs60_stitchFailureKeepsThePreviousFinalEntity() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("petstore", "team-a"));
    engine.runUntilIdle();
    JsonNode before = finalJson(engine, "component:default/petstore");

    tools.jackson.databind.node.ObjectNode json = component("petstore", "team-a").toJson();
    ((tools.jackson.databind.node.ObjectNode) json.get("spec")).put("OWNER", "team-b");
    provider.full(Entity.of(json));
    engine.runUntilIdle();

    assertThat(finalJson(engine, "component:default/petstore")).isEqualTo(before);
    assertThat(store.workStatus().stitchQueued()).isZero();
  }

  @Test
  void cs55_etagIsTheFinalHashAndAnUnchangedRestitchKeepsIt() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("petstore", "team-a"));
    engine.runUntilIdle();
    String etag = finalJson(engine, "component:default/petstore").at("/metadata/etag").stringValue();
    String updated = f.db.rows("SELECT hash, last_updated_at, generation FROM " + f.t("final_entities")).get(0);

    clock.advance(Duration.ofSeconds(10));
    store.requestStitch(List.of(eref("component:default/petstore")));
    engine.runUntilIdle();

    assertThat(updated).startsWith("hash=" + etag + " |");
    assertThat(f.db.rows("SELECT hash, last_updated_at, generation FROM " + f.t("final_entities")))
        .containsExactly(updated);
    assertThat(store.workStatus().stitchQueued()).isZero();
  }

  @Test
  void listener_getsMonotonicGenerationsAndAThrowingListenerDoesNotStopStitching() {
    List<Long> generations = new ArrayList<>();
    CatalogEngine engine = CatalogEngine.builder().store(store).provider(provider).allowAllKinds().clock(clock)
        .listener(new CatalogListener() {
          @Override
          public void upserted(Entity entity, long generation) {
            generations.add(generation);
            throw new IllegalStateException("listener bug");
          }
        }).build();
    engine.runUntilIdle();
    provider.full(component("a", "team-a"), component("b", "team-a"), group("team-a"));

    engine.runUntilIdle();

    assertThat(generations).hasSize(3).isSorted().doesNotHaveDuplicates();
    assertThat(engine.entities().count()).isEqualTo(3);
  }
}
