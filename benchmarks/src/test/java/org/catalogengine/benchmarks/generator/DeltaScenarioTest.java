package org.catalogengine.benchmarks.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.EntityRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class DeltaScenarioTest {

  private static final List<ObjectNode> BASE = CatalogGenerator.generate(10_000, 42L);

  @Test
  void next_hasExactlyTheRequestedCounts() {
    DeltaScenario delta = CatalogGenerator.next(BASE, 7L, 0.01, 0.01, 0.01);

    assertThat(delta.refs().changed()).hasSize(100).doesNotHaveDuplicates();
    assertThat(delta.refs().removed()).hasSize(100).doesNotHaveDuplicates();
    assertThat(delta.refs().added()).hasSize(100).doesNotHaveDuplicates();
    assertThat(delta.entities()).hasSize(10_000);
    assertThat(CatalogChecks.refSet(delta.entities())).hasSize(10_000);
  }

  @Test
  void next_changedAndRemovedExistInBaseAddedDoNot() {
    DeltaScenario delta = CatalogGenerator.next(BASE, 7L, 0.01, 0.02, 0.03);
    Map<EntityRef, ObjectNode> base = CatalogChecks.byRef(BASE);
    Map<EntityRef, ObjectNode> next = CatalogChecks.byRef(delta.entities());

    assertThat(delta.refs().removed()).hasSize(200).allSatisfy(r -> {
      assertThat(base).containsKey(r);
      assertThat(next).doesNotContainKey(r);
    });
    assertThat(delta.refs().added()).hasSize(300).allSatisfy(r -> {
      assertThat(base).doesNotContainKey(r);
      assertThat(next).containsKey(r);
    });
    Set<EntityRef> changed = new HashSet<>(delta.refs().changed());
    assertThat(changed).hasSize(100).doesNotContainAnyElementsOf(delta.refs().removed());
    for (Map.Entry<EntityRef, ObjectNode> e : next.entrySet()) {
      ObjectNode before = base.get(e.getKey());
      if (before == null) {
        continue;
      }
      boolean same = CanonicalJson.sha1(before).equals(CanonicalJson.sha1(e.getValue()));
      assertThat(same).as("%s changed iff listed", e.getKey()).isEqualTo(!changed.contains(e.getKey()));
    }
    assertThat(delta.entities().size()).isEqualTo(10_000 - 200 + 300);
  }

  @Test
  void next_addedEntitiesReferenceSurvivingEntitiesOfTheRightKind() {
    DeltaScenario delta = CatalogGenerator.next(BASE, 8L, 0.0, 0.05, 0.05);
    Set<EntityRef> added = new HashSet<>(delta.refs().added());
    List<ObjectNode> addedEntities = delta.entities().stream()
        .filter(e -> added.contains(CatalogChecks.refOf(e)))
        .toList();

    assertThat(addedEntities).hasSize(500);
    CatalogChecks.assertRefsResolve(addedEntities, CatalogChecks.refSet(delta.entities()));
    assertThat(addedEntities).allSatisfy(e -> assertThat(e.get("metadata").get("name").stringValue())
        .hasSizeBetween(1, 63).matches(CatalogChecks.E10_NAME));
    // New entities go to a file after the base's last one (10,000 base entities fill entities-0001..0010).
    assertThat(addedEntities).allSatisfy(e -> assertThat(
        e.get("metadata").get("annotations").get(CatalogGenerator.LOCATION_ANNOTATION).stringValue())
        .isEqualTo("url:https://example.com/catalog/entities-0011.yaml"));
  }

  @Test
  void next_isDeterministicAndSeedDependent() {
    DeltaScenario a = CatalogGenerator.next(BASE, 7L, 0.01, 0.01, 0.01);
    DeltaScenario b = CatalogGenerator.next(BASE, 7L, 0.01, 0.01, 0.01);
    DeltaScenario c = CatalogGenerator.next(BASE, 8L, 0.01, 0.01, 0.01);

    assertThat(CatalogChecks.hash(b.entities())).isEqualTo(CatalogChecks.hash(a.entities()));
    assertThat(b.refs()).isEqualTo(a.refs());
    assertThat(c.refs().removed()).isNotEqualTo(a.refs().removed());
  }

  @Test
  void next_streamingFormMatchesListForm() {
    DeltaScenario listed = CatalogGenerator.next(BASE, 7L, 0.01, 0.01, 0.01);
    List<ObjectNode> streamed = new ArrayList<>();
    DeltaRefs refs = CatalogGenerator.next(10_000, 42L, 7L, 0.01, 0.01, 0.01, streamed::add);

    assertThat(refs).isEqualTo(listed.refs());
    assertThat(CatalogChecks.hash(streamed)).isEqualTo(CatalogChecks.hash(listed.entities()));
  }

  @Test
  void next_ofNextNeverReusesNames() {
    DeltaScenario first = CatalogGenerator.next(BASE, 7L, 0.01, 0.01, 0.01);
    DeltaScenario second = CatalogGenerator.next(first.entities(), 7L, 0.01, 0.01, 0.01);

    assertThat(CatalogChecks.refSet(first.entities())).doesNotContainAnyElementsOf(second.refs().added());
    assertThat(CatalogChecks.refSet(second.entities())).hasSize(second.entities().size());
  }

  @Test
  void next_doesNotModifyTheBase() {
    String before = CatalogChecks.hash(BASE);
    CatalogGenerator.next(BASE, 9L, 0.5, 0.1, 0.1);

    assertThat(CatalogChecks.hash(BASE)).isEqualTo(before);
  }

  @Test
  void next_rejectsFractionsOutOfRange() {
    assertThatThrownBy(() -> CatalogGenerator.next(BASE, 1L, -0.1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed");
    assertThatThrownBy(() -> CatalogGenerator.next(BASE, 1L, 0.6, 0.6, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed + removed");
    assertThatThrownBy(() -> CatalogGenerator.next(BASE, 1L, 0, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("added");
  }
}
