package org.catalogengine.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.RemovedEntity;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeltaPlannerTest {

  static Entity component(String name, int version) {
    return Entity.parse("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"%s"},
         "spec":{"type":"service","version":%d}}""".formatted(name, version));
  }

  static StoredEntry stored(Entity entity, @Nullable String key) {
    return new StoredEntry(entity.ref(), entity.contentHash(), key);
  }

  static EntityRef ref(String name) {
    return EntityRef.of("component", "default", name);
  }

  static List<EntityRef> refs(List<DeferredEntity> items) {
    return items.stream().map(d -> d.entity().ref()).toList();
  }

  @Test
  void cs18_identicalFullMutationPlansNoWrites() {
    Entity a = component("a", 1);
    Entity b = component("b", 1);
    MutationPlan plan = DeltaPlanner.planFull(
        List.of(stored(a, "url:a"), stored(b, null)),
        List.of(DeferredEntity.of(component("a", 1), "url:a"), DeferredEntity.of(component("b", 1))));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.unchanged()).isEqualTo(2);
    assertThat(plan.duplicateCount()).isZero();
  }

  @Test
  void cs19_locationKeyChangeReplacesEntity() {
    Entity a = component("a", 1);
    DeferredEntity moved = DeferredEntity.of(a, "url:new");

    MutationPlan plan = DeltaPlanner.planFull(List.of(stored(a, "url:old")), List.of(moved));

    assertThat(plan.replaces()).containsExactly(moved);
    assertThat(plan.inserts()).isEmpty();
    assertThat(plan.updates()).isEmpty();
    assertThat(plan.deletes()).as("a replaced ref is not also a plain delete").isEmpty();
    assertThat(plan.unchanged()).isZero();
  }

  @Test
  void planFull_changedHashWithSameKeyIsUpdate() {
    DeferredEntity changed = DeferredEntity.of(component("a", 2), "url:a");

    MutationPlan plan = DeltaPlanner.planFull(List.of(stored(component("a", 1), "url:a")), List.of(changed));

    assertThat(plan.updates()).containsExactly(changed);
    assertThat(plan.replaces()).isEmpty();
  }

  @Test
  void planFull_refsMissingFromIncomingAreDeleted() {
    MutationPlan plan = DeltaPlanner.planFull(
        List.of(stored(component("a", 1), null), stored(component("b", 1), null)),
        List.of(DeferredEntity.of(component("a", 1)), DeferredEntity.of(component("c", 1))));

    assertThat(plan.deletes()).containsExactly(ref("b"));
    assertThat(refs(plan.inserts())).containsExactly(ref("c"));
    assertThat(plan.unchanged()).isEqualTo(1);
  }

  @Test
  void cs24_emptyFullMutationDeletesWholeBucket() {
    MutationPlan plan = DeltaPlanner.planFull(
        List.of(stored(component("c", 1), null), stored(component("a", 1), "url:a"), stored(component("b", 1), null)),
        List.of());

    assertThat(plan.deletes()).containsExactly(ref("a"), ref("b"), ref("c"));
    assertThat(plan.inserts()).isEmpty();
    assertThat(plan.unchanged()).isZero();
    assertThat(plan.isEmpty()).isFalse();
  }

  @Test
  void planFull_duplicateRefsKeepLastOccurrenceAndCountDropped() {
    DeferredEntity first = DeferredEntity.of(component("a", 1), "url:1");
    DeferredEntity second = DeferredEntity.of(component("a", 2), "url:2");
    DeferredEntity third = DeferredEntity.of(component("a", 3), "url:3");
    DeferredEntity other = DeferredEntity.of(component("b", 1));

    MutationPlan plan = DeltaPlanner.planFull(List.of(), List.of(first, other, second, third));

    assertThat(plan.inserts()).containsExactly(third, other);
    assertThat(plan.duplicates()).containsExactly(ref("a"), ref("a"));
    assertThat(plan.duplicateCount()).isEqualTo(2);
  }

  @Test
  void planFull_duplicateOfUnchangedRefIsNotCountedAsUnchangedTwice() {
    Entity a = component("a", 1);
    MutationPlan plan = DeltaPlanner.planFull(
        List.of(stored(a, null)), List.of(DeferredEntity.of(component("a", 9)), DeferredEntity.of(a)));

    assertThat(plan.isEmpty()).as("the last occurrence equals the stored row").isTrue();
    assertThat(plan.unchanged()).isEqualTo(1);
    assertThat(plan.duplicateCount()).isEqualTo(1);
  }

  @Test
  void planFull_nullKeyOnBothSidesIsSameKey() {
    Entity a = component("a", 1);
    MutationPlan plan = DeltaPlanner.planFull(List.of(stored(a, null)), List.of(new DeferredEntity(a, null)));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.unchanged()).isEqualTo(1);
  }

  @Test
  void planFull_nullToKeyAndKeyToNullAreReplaces() {
    Entity a = component("a", 1);
    Entity b = component("b", 1);
    DeferredEntity claimsKey = DeferredEntity.of(a, "url:a");
    DeferredEntity dropsKey = DeferredEntity.of(b);

    MutationPlan plan = DeltaPlanner.planFull(
        List.of(stored(a, null), stored(b, "url:b")), List.of(dropsKey, claimsKey));

    assertThat(plan.replaces()).containsExactly(claimsKey, dropsKey);
    assertThat(plan.unchanged()).isZero();
  }

  @Test
  void planFull_outputListsAreSortedByRef() {
    List<DeferredEntity> incoming = new ArrayList<>();
    for (String name : List.of("m", "c", "x", "a", "k")) {
      incoming.add(DeferredEntity.of(component(name, 1)));
    }
    incoming.add(DeferredEntity.of(Entity.parse("""
        {"apiVersion":"v1","kind":"API","metadata":{"name":"z"}}""")));

    MutationPlan plan = DeltaPlanner.planFull(List.of(), incoming);

    assertThat(refs(plan.inserts())).isSorted().hasSize(6);
    assertThat(plan.inserts().get(0).entity().ref()).isEqualTo(EntityRef.of("api", "default", "z"));
  }

  @Test
  void cs20_deltaAddOfUnknownRefIsInsertAndLeavesOthersOutOfThePlan() {
    DeferredEntity c = DeferredEntity.of(component("c", 1), "url:c");

    MutationPlan plan = DeltaPlanner.planDelta(Map.of(), List.of(c), List.of());

    assertThat(plan.inserts()).containsExactly(c);
    assertThat(plan.deletes()).as("other bucket members are never touched by a delta").isEmpty();
    assertThat(plan.updates()).isEmpty();
    assertThat(plan.replaces()).isEmpty();
  }

  @Test
  void planDelta_classifiesAgainstGlobalRows() {
    Entity same = component("same", 1);
    DeferredEntity sameItem = DeferredEntity.of(same, "url:x");
    DeferredEntity changed = DeferredEntity.of(component("changed", 2), "url:x");
    DeferredEntity moved = DeferredEntity.of(component("moved", 1), "url:new");
    Map<EntityRef, StoredEntry> existing = Map.of(
        ref("same"), stored(same, "url:x"),
        ref("changed"), stored(component("changed", 1), "url:x"),
        ref("moved"), stored(component("moved", 1), "url:old"));

    MutationPlan plan = DeltaPlanner.planDelta(existing, List.of(moved, changed, sameItem), List.of());

    assertThat(plan.unchanged()).isEqualTo(1);
    assertThat(plan.updates()).containsExactly(changed);
    assertThat(plan.replaces()).containsExactly(moved);
    assertThat(plan.inserts()).isEmpty();
  }

  @Test
  void planDelta_removalsPassThroughSortedAndDistinct() {
    MutationPlan plan = DeltaPlanner.planDelta(
        Map.of(),
        List.of(),
        List.of(RemovedEntity.of(ref("z")), RemovedEntity.of(ref("x")), new RemovedEntity(ref("z"), "url:z")));

    assertThat(plan.deletes()).containsExactly(ref("x"), ref("z"));
    assertThat(plan.isEmpty()).isFalse();
  }

  @Test
  void planDelta_addWinsOverRemovalOfSameRef() {
    Entity a = component("a", 1);
    DeferredEntity again = DeferredEntity.of(a, "url:a");

    MutationPlan plan = DeltaPlanner.planDelta(
        Map.of(ref("a"), stored(a, "url:a")), List.of(again), List.of(RemovedEntity.of(ref("a"))));

    assertThat(plan.deletes()).isEmpty();
    assertThat(plan.overriddenRemovals()).containsExactly(ref("a"));
    assertThat(plan.unchanged()).isEqualTo(1);
  }

  @Test
  void planDelta_duplicateAddsKeepLast() {
    DeferredEntity first = DeferredEntity.of(component("a", 1));
    DeferredEntity last = DeferredEntity.of(component("a", 2));

    MutationPlan plan = DeltaPlanner.planDelta(Map.of(), List.of(first, last), List.of());

    assertThat(plan.inserts()).containsExactly(last);
    assertThat(plan.duplicates()).containsExactly(ref("a"));
  }

  @Test
  void mutationPlan_toStringShowsCountsNotEntities() {
    MutationPlan plan = DeltaPlanner.planFull(List.of(), List.of(DeferredEntity.of(component("a", 1))));

    assertThat(plan.toString()).contains("inserts=1").doesNotContain("component:default/a");
  }
}
