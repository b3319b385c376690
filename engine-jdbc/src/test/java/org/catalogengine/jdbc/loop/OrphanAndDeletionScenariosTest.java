package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.loop.LoopEntities.component;
import static org.catalogengine.jdbc.loop.LoopEntities.eref;
import static org.catalogengine.jdbc.loop.LoopEntities.group;
import static org.catalogengine.jdbc.loop.LoopEntities.parent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.catalogengine.CatalogEngine;
import org.catalogengine.OrphanStrategy;
import org.catalogengine.jdbc.internal.operations.processing.MarkForReprocessing;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.readers.FileUrlReader;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.Emitter;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessorCache;
import org.catalogengine.spi.storage.EntityState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Orphans, a vanished file and deletion by uid on every backend (spec §8 O1–O6, R9; CS34, CS63–CS65). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class OrphanAndDeletionScenariosTest extends StoreTestBase {

  @Parameter
  Backend backend;

  @TempDir
  Path dir;

  final LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
  final List<String> events = new CopyOnWriteArrayList<>();
  /** "name@instant" for every processing run, to see when an entity was made due. */
  final List<String> runs = new CopyOnWriteArrayList<>();

  @Override
  protected Backend backend() {
    return backend;
  }

  private CatalogEngine engine(OrphanStrategy orphans) {
    CatalogEngine engine = CatalogEngine.builder()
        .store(store)
        .provider(provider)
        .processors(new LoopEntities.ChildEmitter(), new RunRecorder())
        .allowAllKinds()
        .orphanStrategy(orphans)
        .clock(clock)
        .backgroundWorkers(false)
        .listener(LoopEntities.recording(events))
        .build();
    engine.runUntilIdle(); // connects the provider
    return engine;
  }

  /** Records each processing run with the clock's time. */
  final class RunRecorder implements CatalogProcessor {
    @Override
    public String name() {
      return "run-recorder";
    }

    @Override
    public Entity preProcessEntity(Entity entity, LocationSpec location, Emitter emit, LocationSpec origin,
        ProcessorCache cache) {
      runs.add(entity.name() + "@" + clock.instant());
      return entity;
    }
  }

  private JsonNode finalJson(CatalogEngine engine, String ref) {
    return engine.entity(eref(ref)).orElseThrow(() -> new AssertionError("no final entity " + ref)).toJson();
  }

  private static JsonNode orphanMark(JsonNode json) {
    return json.at("/metadata/annotations/backstage.io~1orphan");
  }

  /** A component that depends on the named components. */
  private static Entity dependent(String name, String... dependsOn) {
    ObjectNode json = component(name, "team-a").toJson();
    var array = ((ObjectNode) json.get("spec")).putArray("dependsOn");
    for (String d : dependsOn) {
      array.add("component:default/" + d);
    }
    return Entity.of(json);
  }

  @Test
  void cs34_deletedFileKeepsTheLocationsLastBodyWithANotFoundErrorAndItsChildrenKeepTheirEdges() throws IOException {
    Path file = dir.resolve("catalog-info.yaml");
    Files.writeString(file, """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
        spec:
          type: service
          lifecycle: production
          owner: team-a
        """);
    CatalogEngine engine = CatalogEngine.builder()
        .store(store)
        .clock(clock)
        .backgroundWorkers(false)
        .readers(FileUrlReader.builder().allowedRoots(dir).build())
        .configLocation("file", file.toString())
        .build();
    engine.runUntilIdle();
    Entity location = engine.entities().filter(e -> e.kind().equals("Location")).findFirst()
        .orElseThrow(() -> new AssertionError("no Location entity"));
    EntityRef locationRef = location.ref();
    Entity processedBefore = store.findEntityState(locationRef).orElseThrow().processedEntity();
    assertThat(processedBefore).isNotNull();
    assertThat(location.toJson().path("status").path("items")).isEmpty();
    assertThat(edges("petstore")).hasSize(1);
    var edgesBefore = edges("petstore");

    Files.delete(file);
    clock.advance(Duration.ofSeconds(200));
    engine.runUntilIdle();

    EntityState after = store.findEntityState(locationRef).orElseThrow();
    assertThat(after.processedEntity()).as("the last processed body is kept (L23)").isEqualTo(processedBefore);
    JsonNode json = engine.entity(locationRef).orElseThrow().toJson();
    assertThat(json.get("spec")).isEqualTo(location.toJson().get("spec"));
    JsonNode item = json.at("/status/items/0");
    assertThat(item.get("type").stringValue()).isEqualTo("backstage.io/catalog-processing");
    assertThat(item.get("level").stringValue()).isEqualTo("error");
    assertThat(item.get("message").stringValue()).startsWith("NotFoundError: ");
    assertThat(edges("petstore")).as("no orphaning (O1)").isEqualTo(edgesBefore);
    assertThat(orphanMark(finalJson(engine, "component:default/petstore")).isMissingNode()).isTrue();
  }

  @Test
  void cs63_deleteStrategyRemovesTheOrphanAndItsExclusiveChildAndReprocessesItsDependents() {
    CatalogEngine keep = engine(OrphanStrategy.KEEP);
    provider.full(parent("root", "o>c"), dependent("x", "o"), group("team-a"));
    keep.runUntilIdle();
    assertThat(finalJson(keep, "component:default/x").get("relations").toString())
        .contains("\"targetRef\":\"component:default/o\",\"type\":\"dependsOn\"");
    assertThat(state("x").nextUpdateAt()).isAfter(clock.instant().plusSeconds(99));

    // o loses its parent; a keep engine only marks it, so the first cleanup round can be watched by itself
    clock.advance(Duration.ofSeconds(10));
    provider.full(parent("root"), dependent("x", "o"), group("team-a"));
    keep.runUntilIdle();
    assertThat(exists("o")).isTrue();
    List<String> round = store.deleteOrphans(1_000).stream().map(c -> c.ref().toString()).toList();

    assertThat(round).containsExactly("component:default/o");
    // due now (O4), as a relation peer of the deletion: a millisecond after it, which claims already see as due
    assertThat(state("x").nextUpdateAt()).as("x is made due now (O4)")
        .isEqualTo(clock.instant().plusMillis(MarkForReprocessing.PEER_DELAY_MILLIS));
    assertThat(f.db.rows("SELECT entity_ref FROM " + f.t("stitch_queue")))
        .as("x is restitched").anyMatch(r -> r.contains("component:default/x"));
    assertThat(exists("c")).as("c is orphaned for the next round").isTrue();
    assertThat(edges("c")).isEmpty();

    runs.clear();
    CatalogEngine delete = engine(OrphanStrategy.DELETE);
    delete.runUntilIdle();

    assertThat(exists("o")).isFalse();
    assertThat(exists("c")).as("the exclusive child goes in the next round").isFalse();
    assertThat(delete.entity(eref("component:default/c"))).isEmpty();
    assertThat(delete.entity(eref("component:default/o"))).isEmpty();
    assertThat(events).as("o's removal was the store call's; c's the engine's cleanup")
        .anyMatch(e -> e.startsWith("removed component:default/c "));
    assertThat(runs).as("x was reprocessed at once, not on its schedule").contains("x@" + clock.instant());
    assertThat(exists("root")).isTrue();
    assertThat(finalJson(delete, "component:default/x")).isNotNull();
    assertThat(store.workStatus().idle()).isTrue();
  }

  @Test
  void p7_providerPruningAnnouncesTheRemovalToListeners() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("kept", "team-a"), component("dropped", "team-a"), group("team-a"));
    engine.runUntilIdle();
    events.clear();

    provider.full(component("kept", "team-a"), group("team-a")); // through the engine's provider connection

    assertThat(exists("dropped")).isFalse();
    assertThat(events).as("announced by the mutation itself, before any worker ran")
        .singleElement().asString().startsWith("removed component:default/dropped ");
    engine.runUntilIdle();
    assertThat(engine.entity(eref("component:default/dropped"))).isEmpty();
    assertThat(events).as("the group is restitched without its relation to the dropped component")
        .anyMatch(e -> e.startsWith("upserted group:default/team-a "));
  }

  @Test
  void p7_theChangedEntitiesAreProcessedBeforeTheRelationPeersOfARemoval() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(component("c", "dropped"), group("dropped"), group("zz"));
    engine.runUntilIdle();

    // "dropped" goes (its relation source c is reprocessed, P7) and "zz" changes, in one mutation
    provider.full(component("c", "dropped"), group("zz").with(j -> ((ObjectNode) j.get("metadata"))
        .put("description", "changed")));

    // c's queue row is older and the same instant would tie; the change comes first all the same
    assertThat(store.claimDue(1, "w", Duration.ofMinutes(2))).extracting(c -> c.ref().toString())
        .containsExactly("group:default/zz");
    assertThat(store.claimDue(10, "w", Duration.ofMinutes(2))).extracting(c -> c.ref().toString())
        .containsExactly("component:default/c");
  }

  @Test
  void cs64_keepStrategyKeepsAnOrphanMarkedForever() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("root", "lonely"), group("team-a"));
    engine.runUntilIdle();
    provider.full(parent("root"), group("team-a"));
    engine.runUntilIdle();

    for (int cycle = 0; cycle < 5; cycle++) {
      clock.advance(Duration.ofSeconds(200));
      runs.clear();
      engine.runUntilIdle();
      assertThat(runs).as("cycle %d: the orphan is still processed (O3)", cycle).contains("lonely@" + clock.instant());
      assertThat(exists("lonely")).isTrue();
      assertThat(orphanMark(finalJson(engine, "component:default/lonely")).stringValue()).isEqualTo("true");
    }
    assertThat(events).noneMatch(e -> e.startsWith("removed "));
  }

  @Test
  void cs65_deletedChildComesBackWithANewUidAfterItsParentsNextRun() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1"), group("team-a"));
    engine.runUntilIdle();
    String uid = state("child-1").entityId();
    assertThat(finalJson(engine, "group:default/team-a").get("relations").toString()).contains("child-1");
    clock.advance(Duration.ofSeconds(10));
    events.clear();

    assertThat(engine.deleteEntityByUid(uid)).isTrue();

    assertThat(exists("child-1")).isFalse();
    assertThat(engine.entity(eref("component:default/child-1"))).isEmpty();
    assertThat(events).singleElement().asString().startsWith("removed component:default/child-1 ");
    EntityState app = state("app");
    assertThat(app.resultHash()).as("O6").isEqualTo("child-was-deleted");
    assertThat(app.nextUpdateAt()).as("the parent is due now (O6)").isEqualTo(clock.instant());
    assertThat(f.db.rows("SELECT entity_ref FROM " + f.t("stitch_queue")))
        .as("the relation peer is restitched (R9)").anyMatch(r -> r.contains("group:default/team-a"));

    engine.runUntilIdle();

    String newUid = state("child-1").entityId();
    assertThat(newUid).isNotEqualTo(uid);
    assertThat(finalJson(engine, "component:default/child-1").at("/metadata/uid").stringValue()).isEqualTo(newUid);
    assertThat(edges("child-1")).containsExactly(parentEdge("app", "child-1"));
    assertThat(state("app").resultHash()).isNotEqualTo("child-was-deleted");
    assertThat(finalJson(engine, "group:default/team-a").get("relations").toString()).contains("child-1");
    assertThat(store.workStatus().idle()).isTrue();
  }

  @Test
  void deleteEntityByUid_unknownUidIsFalseAndChangesNothing() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1"));
    engine.runUntilIdle();
    var before = f.snapshot();
    events.clear();

    assertThat(engine.deleteEntityByUid("no-such-uid")).isFalse();

    assertThat(f.snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  void o5_deleteEntityByUid_ofAKeptOrphanRemovesItForGoodAndRestitchesItsPeers() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1"), group("team-a"));
    engine.runUntilIdle();
    provider.full(parent("app"), group("team-a"));
    engine.runUntilIdle();
    assertThat(orphanMark(finalJson(engine, "component:default/child-1")).stringValue()).isEqualTo("true");
    assertThat(finalJson(engine, "group:default/team-a").get("relations").toString()).contains("child-1");
    String uid = state("child-1").entityId();
    Instant now = clock.instant();

    assertThat(engine.deleteEntityByUid(uid)).isTrue();
    engine.runUntilIdle();

    assertThat(exists("child-1")).isFalse();
    assertThat(finalJson(engine, "group:default/team-a").get("relations").toString()).doesNotContain("child-1");
    clock.set(now.plusSeconds(300));
    engine.runUntilIdle();
    assertThat(exists("child-1")).as("nobody emits it any more").isFalse();
    assertThat(engine.deleteEntityByUid(uid)).as("already gone").isFalse();
  }

  @Test
  void deleteEntityByUid_ofAProviderEntityComesBackOnTheProvidersNextFullMutation() {
    CatalogEngine engine = engine(OrphanStrategy.KEEP);
    provider.full(parent("app", "child-1"), group("team-a"));
    engine.runUntilIdle();
    String uid = state("app").entityId();

    assertThat(engine.deleteEntityByUid(uid)).isTrue();
    engine.runUntilIdle();

    assertThat(exists("app")).isFalse();
    assertThat(edges("child-1")).as("the cascade removed the parent's edge").isEmpty();
    assertThat(orphanMark(finalJson(engine, "component:default/child-1")).stringValue()).isEqualTo("true");

    provider.full(parent("app", "child-1"), group("team-a"));
    engine.runUntilIdle();

    assertThat(state("app").entityId()).isNotEqualTo(uid);
    assertThat(edges("app")).containsExactly(providerEdge("test-provider", "app"));
    assertThat(edges("child-1")).containsExactly(parentEdge("app", "child-1"));
    assertThat(orphanMark(finalJson(engine, "component:default/child-1")).isMissingNode()).isTrue();
  }
}
