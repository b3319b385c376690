package org.catalogengine.benchmarks.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.model.EntityRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CatalogGeneratorTest {

  @Test
  void generate_sameSizeAndSeedGiveIdenticalOutput() {
    List<ObjectNode> first = CatalogGenerator.generate(3_000, 42L);
    List<ObjectNode> streamed = new ArrayList<>();
    CatalogGenerator.generate(3_000, 42L, streamed::add);

    assertThat(first).hasSize(3_000);
    assertThat(CatalogChecks.hash(CatalogGenerator.generate(3_000, 42L))).isEqualTo(CatalogChecks.hash(first));
    assertThat(CatalogChecks.hash(streamed)).isEqualTo(CatalogChecks.hash(first));
  }

  @Test
  void generate_differentSeedGivesDifferentOutput() {
    List<ObjectNode> a = CatalogGenerator.generate(1_000, 1L);
    List<ObjectNode> b = CatalogGenerator.generate(1_000, 2L);

    assertThat(CatalogChecks.hash(a)).isNotEqualTo(CatalogChecks.hash(b));
    assertThat(CatalogChecks.refSet(a)).isNotEqualTo(CatalogChecks.refSet(b));
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 10_000})
  void generate_kindMixWithinOneEntityOfShares(int n) {
    Map<String, Integer> counts = new HashMap<>();
    CatalogGenerator.generate(n, 7L, e -> counts.merge(e.get("kind").stringValue(), 1, Integer::sum));

    assertThat(counts.get("Domain")).isCloseTo((int) (n * 0.02), org.assertj.core.data.Offset.offset(1));
    assertThat(counts.get("System")).isCloseTo((int) (n * 0.05), org.assertj.core.data.Offset.offset(1));
    assertThat(counts.get("Component")).isCloseTo((int) (n * 0.40), org.assertj.core.data.Offset.offset(1));
    assertThat(counts.get("API")).isCloseTo((int) (n * 0.15), org.assertj.core.data.Offset.offset(1));
    assertThat(counts.get("Resource")).isCloseTo((int) (n * 0.08), org.assertj.core.data.Offset.offset(1));
    assertThat(counts.get("Group")).isCloseTo((int) (n * 0.05), org.assertj.core.data.Offset.offset(1));
    assertThat(counts.get("User")).isCloseTo((int) (n * 0.25), org.assertj.core.data.Offset.offset(1));
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
  }

  @Test
  void kindMix_sumsToTotalAndStaysWithinOneOfEachShare() {
    qt().forAll(integers().between(0, 2_000_000)).checkAssert(n -> {
      KindMix mix = KindMix.of(n);
      int[] counts = {mix.domains(), mix.systems(), mix.components(), mix.apis(), mix.resources(), mix.groups(),
          mix.users()};
      assertThat(mix.total()).isEqualTo(n);
      for (int k = 0; k < counts.length; k++) {
        assertThat((double) counts[k]).isCloseTo(n * KindMix.SHARES[k], org.assertj.core.data.Offset.offset(1.0));
      }
    });
  }

  @Test
  void generate_everyRefPointsAtAnEntityOfTheRightKindInTheSet() {
    List<ObjectNode> entities = CatalogGenerator.generate(5_000, 11L);
    Set<EntityRef> existing = CatalogChecks.refSet(entities);

    CatalogChecks.assertRefsResolve(entities, existing);
    // The check must have seen every kind of ref field, or it proves little.
    Set<String> seen = new HashSet<>();
    entities.forEach(e -> CatalogChecks.refs(e).forEach(r -> seen.add(r.getKey().field())));
    assertThat(seen).containsExactlyInAnyOrder("owner", "system", "domain", "providesApis", "consumesApis",
        "dependsOn", "memberOf", "parent", "children", "members");
  }

  @Test
  void generate_groupTreeAndMembershipsAgreeInBothDirections() {
    List<ObjectNode> entities = CatalogGenerator.generate(4_000, 5L);
    Map<EntityRef, ObjectNode> byRef = CatalogChecks.byRef(entities);
    int roots = 0;
    for (ObjectNode e : entities) {
      EntityRef self = CatalogChecks.refOf(e);
      JsonNode spec = e.get("spec");
      switch (e.get("kind").stringValue()) {
        case "Group" -> {
          assertThat(spec.get("children").isArray()).isTrue();
          assertThat(spec.get("members").isArray()).isTrue();
          if (spec.get("parent") == null) {
            roots++;
          } else {
            JsonNode parent = byRef.get(EntityRef.of("group", "default", spec.get("parent").stringValue()));
            assertThat(names(parent.get("spec").get("children"))).contains(self.name());
          }
          for (JsonNode child : spec.get("children")) {
            JsonNode c = byRef.get(EntityRef.of("group", "default", child.stringValue()));
            assertThat(c.get("spec").get("parent").stringValue()).isEqualTo(e.get("metadata").get("name").stringValue());
          }
          for (JsonNode member : spec.get("members")) {
            JsonNode u = byRef.get(EntityRef.of("user", "default", member.stringValue()));
            assertThat(names(u.get("spec").get("memberOf"))).contains(self.name());
          }
        }
        case "User" -> {
          assertThat(spec.get("memberOf").size()).isBetween(1, 2);
          for (JsonNode group : spec.get("memberOf")) {
            JsonNode g = byRef.get(EntityRef.of("group", "default", group.stringValue()));
            assertThat(names(g.get("spec").get("members"))).contains(self.name());
          }
        }
        default -> { }
      }
    }
    assertThat(roots).isEqualTo(200 / 20);
  }

  @Test
  void generate_namesUniqueValidAndRequiredFieldsPresent() {
    List<ObjectNode> entities = CatalogGenerator.generate(10_000, 3L);
    Set<String> refs = new HashSet<>();
    Map<String, List<String>> required = Map.of(
        "Component", List.of("type", "lifecycle", "owner", "system"),
        "API", List.of("type", "lifecycle", "owner", "definition"),
        "Resource", List.of("type", "owner"),
        "System", List.of("owner", "domain"),
        "Domain", List.of("owner"),
        "Group", List.of("type", "children", "members"),
        "User", List.of("memberOf", "profile"));
    for (ObjectNode e : entities) {
      JsonNode md = e.get("metadata");
      String name = md.get("name").stringValue();
      String kind = e.get("kind").stringValue();
      assertThat(e.get("apiVersion").stringValue()).isEqualTo("backstage.io/v1alpha1");
      assertThat(name).hasSizeBetween(1, 63).matches(CatalogChecks.E10_NAME);
      assertThat(refs.add(CatalogChecks.refOf(e).toString())).as("unique %s", name).isTrue();
      assertThat(e.get("spec").propertyNames()).as("%s spec", name).containsAll(required.get(kind));
      assertThat(md.get("annotations").get(CatalogGenerator.LOCATION_ANNOTATION).stringValue())
          .startsWith("url:https://example.com/catalog/entities-");
      assertThat(md.get("annotations").get(CatalogGenerator.ORIGIN_LOCATION_ANNOTATION).stringValue())
          .isEqualTo(CatalogGenerator.DEFAULT_ORIGIN);
      if (md.get("tags") != null) {
        assertThat(md.get("tags").size()).isBetween(1, 3);
        md.get("tags").forEach(t -> assertThat(t.stringValue()).hasSizeBetween(1, 63).matches(CatalogChecks.E13_TAG));
      }
      if (kind.equals("API")) {
        assertThat(e.get("spec").get("definition").isString()).isTrue();
      }
      if (kind.equals("User")) {
        assertThat(e.get("spec").get("profile").get("email").stringValue()).isEqualTo(name + "@example.com");
      }
    }
  }

  @Test
  void generate_locationAnnotationsGroupAThousandEntitiesPerFile() {
    Map<String, Integer> perFile = new HashMap<>();
    CatalogGenerator.generate(2_500, 9L, e -> perFile.merge(
        e.get("metadata").get("annotations").get(CatalogGenerator.LOCATION_ANNOTATION).stringValue(), 1,
        Integer::sum));

    assertThat(perFile).containsExactlyInAnyOrderEntriesOf(Map.of(
        "url:https://example.com/catalog/entities-0001.yaml", 1_000,
        "url:https://example.com/catalog/entities-0002.yaml", 1_000,
        "url:https://example.com/catalog/entities-0003.yaml", 500));
  }

  @Test
  void generate_hundredThousandEntitiesStreamWithExpectedCounts() {
    Map<String, Integer> counts = new HashMap<>();
    int[] total = {0};
    CatalogGenerator.generate(100_000, 123L, e -> {
      total[0]++;
      counts.merge(e.get("kind").stringValue(), 1, Integer::sum);
    });

    KindMix mix = KindMix.of(100_000);
    assertThat(total[0]).isEqualTo(100_000);
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Domain", mix.domains(), "System", mix.systems(), "Component", mix.components(), "API", mix.apis(),
        "Resource", mix.resources(), "Group", mix.groups(), "User", mix.users()));
    assertThat(mix.components()).isEqualTo(40_000);
  }

  @Test
  void refOf_namesTheGeneratedEntity() {
    List<ObjectNode> entities = CatalogGenerator.generate(1_000, 77L);
    Map<GenKind, Integer> seen = new EnumMap<>(GenKind.class);
    for (ObjectNode e : entities) {
      GenKind kind = GenKind.of(e.get("kind").stringValue()).orElseThrow();
      int index = seen.merge(kind, 1, Integer::sum) - 1;
      assertThat(CatalogGenerator.refOf(77L, kind.kindName, index)).isEqualTo(CatalogChecks.refOf(e).toString());
    }
  }

  @Test
  void generate_rejectsTooFewEntities() {
    assertThatThrownBy(() -> CatalogGenerator.generate(49, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 50");
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new HashSet<>();
    array.forEach(n -> names.add(n.stringValue().toLowerCase()));
    return names;
  }
}
