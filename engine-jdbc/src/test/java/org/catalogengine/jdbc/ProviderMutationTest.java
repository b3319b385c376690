package org.catalogengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.jdbc.testing.Entities.component;
import static org.catalogengine.jdbc.testing.Entities.item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.catalogengine.error.InputException;
import org.catalogengine.jdbc.internal.operations.processing.MarkForReprocessing;
import org.catalogengine.jdbc.internal.operations.processing.RequestStitch;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.ManualClock;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.RemovedEntity;
import org.catalogengine.spi.storage.EntityState;
import org.catalogengine.spi.storage.MutationResult;
import org.catalogengine.spi.storage.StoreStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Provider mutations on every backend (spec P4–P7, CS16–CS24). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class ProviderMutationTest extends StoreTestBase {
  private static final String GITHUB = "github-provider";
  private static final String LDAP = "ldap-provider";

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  private MutationResult full(String provider, DeferredEntity... items) {
    return store.applyMutation(provider, EntityMutation.full(List.of(items)));
  }

  private void rawChildEdge(String parent, String child) {
    f.db.exec("INSERT INTO " + f.t("refresh_state_references") + " (source_entity_ref, target_entity_ref)"
        + " VALUES (?, ?)", ref(parent).toString(), ref(child).toString());
  }

  @Test
  void cs16_removedRootIsPrunedWithItsSubtreeExceptSharedNodes() {
    full(GITHUB, item("a", "url:a"), item("b", "url:b"));
    full(LDAP, item("z", "url:z"));
    store.upsertChildren(ref("b"), List.of(item("c", "url:b"), item("shared", "url:b")));
    store.upsertChildren(ref("c"), List.of(item("d", "url:b")));
    rawChildEdge("a", "shared"); // also reachable from root a, which stays
    // z has a relation to c: deleting c must make z due and request its stitch (P7/O4)
    f.db.exec("UPDATE " + f.t("processing_queue") + " SET next_update_at = ?", Long.MAX_VALUE / 4);
    f.db.exec("INSERT INTO " + f.t("relations") + " (originating_entity_id, source_entity_ref, type,"
        + " target_entity_ref) VALUES (?, ?, ?, ?)", state("z").entityId(), "component:default/z", "dependsOn",
        "component:default/c");
    Instant now = clock.advance(Duration.ofMinutes(5));

    MutationResult r = full(GITHUB, item("a", "url:a"));

    assertThat(r.deleted()).isEqualTo(3);
    assertThat(exists("b")).isFalse();
    assertThat(exists("c")).isFalse();
    assertThat(exists("d")).isFalse();
    assertThat(exists("a")).isTrue();
    assertThat(exists("shared")).isTrue();
    assertThat(edges("shared")).containsExactly(parentEdge("a", "shared"));
    // z is a relation peer of the removal: due just after it, its stitch request a peer's (claimed after own ones)
    assertThat(state("z").nextUpdateAt()).isEqualTo(now.plusMillis(MarkForReprocessing.PEER_DELAY_MILLIS));
    assertThat(f.db.rows("SELECT entity_ref, next_stitch_at FROM " + f.t("stitch_queue")))
        .containsExactly("entity_ref=component:default/z | next_stitch_at="
            + (now.toEpochMilli() + RequestStitch.PEER_LEAD_MILLIS));
    assertThat(store.statistics().relations()).isEqualTo(1);
  }

  @Test
  void cs17_rootClaimedByTwoProvidersSurvivesAnEmptyFullMutationOfOne() {
    store.applyMutation("config-1", EntityMutation.full(List.of(DeferredEntity.of(
        org.catalogengine.jdbc.testing.Entities.entity("Location", "root", "1"), "url:root"))));
    store.applyMutation("config-2", EntityMutation.full(List.of(DeferredEntity.of(
        org.catalogengine.jdbc.testing.Entities.entity("Location", "root", "1"), "url:root"))));
    var root = org.catalogengine.model.EntityRef.of("location", "default", "root");
    assertThat(store.edgesTo(root)).hasSize(2);

    MutationResult r = store.applyMutation("config-1", EntityMutation.full(List.of()));

    assertThat(r.deleted()).isZero();
    assertThat(store.findEntityState(root)).isPresent();
    assertThat(store.edgesTo(root)).containsExactly(
        org.catalogengine.spi.storage.ReferenceEdge.fromProvider("config-2", root));
  }

  @Test
  void cs18_identicalFullMutationWritesNothingAndKeepsTheDueTime() {
    full(GITHUB, item("a", "url:a"));
    EntityState before = state("a");
    clock.advance(Duration.ofMinutes(10));

    MutationResult r = full(GITHUB, item("a", "url:a"));

    assertThat(r.wroteNothing()).isTrue();
    assertThat(r.unchanged()).isEqualTo(1);
    assertThat(state("a")).isEqualTo(before);
  }

  @Test
  void applyMutation_identicalRepeatedFullMutationWritesNoRowInAnyTable() {
    List<DeferredEntity> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(item(component("svc-" + i, "v" + i), "url:svc-" + i));
    }
    store.applyMutation(GITHUB, EntityMutation.full(items));
    full(LDAP, item("people", null));
    store.upsertChildren(ref("svc-1"), List.of(item("child-1", "url:svc-1"), item("child-2", "url:svc-1")));
    store.replaceRefreshKeys(ref("svc-2"), List.of("url:https://git/x/catalog-info.yaml"));
    store.insertLocation("url", "https://git/x/catalog-info.yaml");
    Map<String, List<String>> before = f.snapshot();
    clock.advance(Duration.ofHours(1));

    MutationResult r = store.applyMutation(GITHUB, EntityMutation.full(items));

    assertThat(r).isEqualTo(new MutationResult(0, 0, 0, 200, 0));
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void cs19_changedLocationKeyDeletesWithSubtreeAndReinsertsWithNewUid() {
    full(GITHUB, item("a", "url:old"));
    store.upsertChildren(ref("a"), List.of(item("child", "url:old")));
    String oldId = state("a").entityId();

    MutationResult r = full(GITHUB, item("a", "url:new"));

    assertThat(r.inserted()).isEqualTo(1);
    assertThat(r.deleted()).isEqualTo(2);
    assertThat(state("a").entityId()).isNotEqualTo(oldId);
    assertThat(state("a").locationKey()).isEqualTo("url:new");
    assertThat(exists("child")).isFalse();
    assertThat(edges("a")).containsExactly(providerEdge(GITHUB, "a"));
  }

  @Test
  void cs20_deltaAddInsertsDueNowWithAProviderEdgeAndLeavesTheBucket() {
    full(GITHUB, item("a", "url:a"));
    EntityState a = state("a");
    Instant now = clock.advance(Duration.ofMinutes(1));

    store.applyMutation(GITHUB, EntityMutation.delta(List.of(item("c", "url:c")), List.of()));

    assertThat(state("c").nextUpdateAt()).isEqualTo(now);
    assertThat(state("c").lastDiscoveryAt()).isEqualTo(now);
    assertThat(edges("c")).containsExactly(providerEdge(GITHUB, "c"));
    assertThat(state("a")).isEqualTo(a);
  }

  @Test
  void cs21_deltaRemovalOfAnotherProvidersRefDeletesNothing() {
    full(LDAP, item("x", "url:x"));
    StoreStatistics before = store.statistics();

    MutationResult r = store.applyMutation(GITHUB, EntityMutation.delta(List.of(), List.of(RemovedEntity.of(ref("x")))));

    assertThat(r.deleted()).isZero();
    assertThat(store.statistics()).isEqualTo(before);
    assertThat(edges("x")).containsExactly(providerEdge(LDAP, "x"));
  }

  @Test
  void cs22_tenThousandEntitiesInOneDeltaAreAllInserted() {
    List<DeferredEntity> items = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      items.add(item("bulk-" + i, "url:bulk"));
    }

    MutationResult r = store.applyMutation(GITHUB, EntityMutation.delta(items, List.of()));

    assertThat(r.inserted()).isEqualTo(10_000);
    StoreStatistics s = store.statistics();
    assertThat(s.entities()).isEqualTo(10_000);
    assertThat(s.queued()).isEqualTo(10_000);
    assertThat(s.referenceEdges()).isEqualTo(10_000);
    assertThat(state("bulk-9999").unprocessedEntity()).isEqualTo(component("bulk-9999"));
  }

  @Test
  void cs23_oneRefOwnedByAnotherProviderFailsAloneAndTheOthersAreInserted() {
    full(LDAP, item(component("x", "ldap"), "url:b"));
    EntityState x = state("x");
    List<DeferredEntity> batch = new ArrayList<>();
    for (int i = 0; i < 49; i++) {
      batch.add(item("item-" + i, "url:a"));
    }
    batch.add(25, item(component("x", "github"), "url:a"));

    MutationResult r = store.applyMutation(GITHUB, EntityMutation.delta(batch, List.of()));

    assertThat(r.inserted()).isEqualTo(49);
    assertThat(r.conflicts()).isEqualTo(1);
    assertThat(store.statistics().entities()).isEqualTo(50);
    assertThat(state("x")).isEqualTo(x);
    assertThat(edges("x")).containsExactly(providerEdge(LDAP, "x"));
  }

  @Test
  void cs24_emptyFullMutationRemovesTheBucketAndExclusiveDescendants() {
    full(GITHUB, item("a", "url:a"), item("b", "url:b"));
    store.upsertChildren(ref("a"), List.of(item("a-child", "url:a")));
    full(LDAP, item("other", "url:o"));

    MutationResult r = full(GITHUB);

    assertThat(r.deleted()).isEqualTo(3);
    assertThat(store.statistics().entities()).isEqualTo(1);
    assertThat(exists("other")).isTrue();
    assertThat(store.sourceKeys()).containsExactly(LDAP);
  }

  @Test
  void applyMutation_changedBodyIsOverwrittenAndMadeDueNow() {
    full(GITHUB, item(component("a", "1"), "url:a"));
    String id = state("a").entityId();
    f.db.exec("UPDATE " + f.t("processing_queue") + " SET next_update_at = ?, failure_count = 3",
        Long.MAX_VALUE / 4);
    Instant now = clock.advance(Duration.ofMinutes(3));

    MutationResult r = full(GITHUB, item(component("a", "2"), "url:a"));

    assertThat(r.updated()).isEqualTo(1);
    EntityState a = state("a");
    assertThat(a.entityId()).isEqualTo(id);
    assertThat(a.unprocessedEntity()).isEqualTo(component("a", "2"));
    assertThat(a.unprocessedHash()).isEqualTo(component("a", "2").contentHash());
    assertThat(a.nextUpdateAt()).isEqualTo(now);
    assertThat(f.db.single("SELECT failure_count FROM " + f.t("processing_queue"))).isZero();
  }

  @Test
  void applyMutation_deltaWithAChangedKeyReplacesTheEntity() {
    full(GITHUB, item("a", "url:old"));
    String id = state("a").entityId();

    store.applyMutation(GITHUB, EntityMutation.delta(List.of(item("a", "url:new")), List.of()));

    assertThat(state("a").entityId()).isNotEqualTo(id);
    assertThat(state("a").locationKey()).isEqualTo("url:new");
  }

  @Test
  void applyMutation_deltaRemovalPrunesOnlyTheListedRefs() {
    full(GITHUB, item("a", "url:a"), item("b", "url:b"));

    MutationResult r = store.applyMutation(GITHUB,
        EntityMutation.delta(List.of(), List.of(RemovedEntity.of(ref("b")))));

    assertThat(r.deleted()).isEqualTo(1);
    assertThat(exists("a")).isTrue();
    assertThat(exists("b")).isFalse();
  }

  @Test
  void applyMutation_tooLongRefIsAnInputExceptionAndNothingIsStored() {
    String longName = "n".repeat(300);
    List<DeferredEntity> items = List.of(item("good", "url:a"), item(longName, "url:a"));

    assertThatThrownBy(() -> store.applyMutation(GITHUB, EntityMutation.full(items)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'" + GITHUB + "'")
        .hasMessageContaining("item #1")
        .hasMessageContaining("component:default/nnnn");
    assertThat(store.statistics()).isEqualTo(new StoreStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void applyMutation_duplicateRefsInOneMutationKeepTheLastOccurrence() {
    full(GITHUB, item(component("a", "1"), "url:a"), item(component("a", "2"), "url:a"));

    assertThat(state("a").unprocessedEntity()).isEqualTo(component("a", "2"));
    assertThat(store.statistics().entities()).isEqualTo(1);
  }

  @Test
  void applyMutation_storesTheCanonicalBodyWithItsContentHash() {
    var entity = component("hashed", "7");

    full(GITHUB, item(entity, "url:h"));

    assertThat(state("hashed").unprocessedHash()).isEqualTo(entity.contentHash());
    assertThat(f.db.rows("SELECT unprocessed_entity FROM " + f.t("refresh_state")))
        .containsExactly("unprocessed_entity=" + entity.canonicalJson());
  }

  @Test
  void applyMutation_ofLargeFullMutationsStoresEachCanonicalBodyWithItsContentHash() {
    // from 1,000 items the bodies are serialised (and hashed) on all cores before the write transaction
    List<DeferredEntity> items = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      items.add(item(component("large-" + i, String.valueOf(i % 7)), "url:large"));
    }

    full(GITHUB, items.toArray(DeferredEntity[]::new));

    List<String> bodies = f.db.rows("SELECT unprocessed_entity, unprocessed_hash FROM " + f.t("refresh_state")
        + " ORDER BY entity_ref");
    assertThat(bodies).hasSize(1_500);
    for (int i : new int[] {0, 1, 777, 1_499}) {
      var expected = component("large-" + i, String.valueOf(i % 7));
      assertThat(state("large-" + i).unprocessedHash()).isEqualTo(expected.contentHash());
      assertThat(bodies).contains("unprocessed_entity=" + expected.canonicalJson() + " | unprocessed_hash="
          + expected.contentHash());
    }

    // into the bucket that now exists, the changed bodies are made inside the write transaction
    List<DeferredEntity> next = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      next.add(item(component("large-" + i, String.valueOf(i % 7 + (i % 2 == 0 ? 10 : 0))), "url:large"));
    }
    MutationResult r = full(GITHUB, next.toArray(DeferredEntity[]::new));

    assertThat(r.updated()).isEqualTo(750);
    for (int i : new int[] {0, 1, 778, 1_499}) {
      var expected = component("large-" + i, String.valueOf(i % 7 + (i % 2 == 0 ? 10 : 0)));
      assertThat(state("large-" + i).unprocessedHash()).isEqualTo(expected.contentHash());
      assertThat(state("large-" + i).unprocessedEntity()).isEqualTo(expected);
    }
  }

  @Test
  void applyMutation_timestampsComeFromTheInjectedClock() {
    full(GITHUB, item("a", "url:a"));

    assertThat(state("a").lastDiscoveryAt()).isEqualTo(ManualClock.T0);
    assertThat(state("a").nextUpdateAt()).isEqualTo(ManualClock.T0);
  }
}
