package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.model.TestEntities.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.catalogengine.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The relation rows of the built-in kinds (§1.4, E16–E19) and the restitch helper (L22). */
class BuiltinRelationsTest {

  /** kind | spec field and value | forward type | expected target | inverse type. */
  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Component | owner: team-a                   | ownedBy       | group:prod/team-a       | ownerOf
      Component | system: pets                    | partOf        | system:prod/pets        | hasPart
      Component | subcomponentOf: shop            | partOf        | component:prod/shop     | hasPart
      Component | providesApis: [pets-api]        | providesApi   | api:prod/pets-api       | apiProvidedBy
      Component | consumesApis: [other/orders]    | consumesApi   | api:other/orders        | apiConsumedBy
      Component | dependsOn: [resource:db]        | dependsOn     | resource:prod/db        | dependencyOf
      Component | dependencyOf: [component:web]   | dependencyOf  | component:prod/web      | dependsOn
      API       | system: pets                    | partOf        | system:prod/pets        | hasPart
      Resource  | dependsOn: [resource:disk]      | dependsOn     | resource:prod/disk      | dependencyOf
      Resource  | system: pets                    | partOf        | system:prod/pets        | hasPart
      System    | domain: commerce                | partOf        | domain:prod/commerce    | hasPart
      Domain    | subdomainOf: business           | partOf        | domain:prod/business    | hasPart
      Group     | parent: org                     | childOf       | group:prod/org          | parentOf
      Group     | children: [team-b]              | parentOf      | group:prod/team-b       | childOf
      Group     | members: [jdoe]                 | hasMember     | user:prod/jdoe          | memberOf
      User      | memberOf: [team-a]              | memberOf      | group:prod/team-a       | hasMember
      Template  | owner: user:jdoe                | ownedBy       | user:prod/jdoe          | ownerOf
      """)
  void of_emitsTheForwardAndInverseRowPerField(String kind, String field, String type, String target,
      String inverse) {
    Entity e = entity("""
        apiVersion: backstage.io/v1alpha1
        kind: %s
        metadata: {name: self, namespace: prod}
        spec: {%s}
        """.formatted(kind, field));
    EntityRef self = e.ref();
    EntityRef to = EntityRef.parse(target);
    assertThat(BuiltinRelations.of(e)).containsExactlyInAnyOrder(
        new Relation(self, type, to), new Relation(to, inverse, self));
  }

  @Test
  void of_isEmptyForLocationsAndUnknownKindsAndMissingSpec() {
    assertThat(BuiltinRelations.of(entity("""
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: root}
        spec: {owner: team-a, targets: [./a.yaml]}
        """))).isEmpty();
    assertThat(BuiltinRelations.of(entity("""
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gizmo}
        spec: {owner: team-a}
        """))).isEmpty();
    assertThat(BuiltinRelations.of(entity("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: bare}
        """))).isEmpty();
  }

  @Test
  void of_isSortedAndIndependentOfTheOrderOfValues() {
    String doc = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: team-a, providesApis: [%s]}
        """;
    List<Relation> one = BuiltinRelations.of(entity(doc.formatted("b-api, a-api, c-api")));
    List<Relation> two = BuiltinRelations.of(entity(doc.formatted("c-api, b-api, a-api, a-api")));
    assertThat(one).isEqualTo(two).hasSize(8).isSorted();
  }

  @Test
  void of_namesEntityFieldAndValueOfEveryBadReference() {
    Entity e = entity("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: 'group:', dependencyOf: [web, 3]}
        """);
    assertThatThrownBy(() -> BuiltinRelations.of(e))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("Entity component:default/petstore has invalid relation references")
        .hasMessageContaining("'group:' in spec.owner")
        .hasMessageContaining("'web' in spec.dependencyOf[0]")
        .hasMessageContaining("spec.dependencyOf[1] must be an entity reference string");
  }

  @Test
  void analyze_collectsProblemsAndKeepsTheGoodRows() {
    Entity e = entity("""
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: db}
        spec: {type: database, owner: team-a, dependsOn: disk}
        """);
    BuiltinRelations.Analysis a = BuiltinRelations.analyze(e);
    assertThat(a.ok()).isFalse();
    assertThat(a.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E17");
      assertThat(p.field()).isEqualTo("spec.dependsOn");
      assertThat(p.message()).contains("must be an array");
    });
    assertThat(a.relations()).extracting(Relation::type).containsExactlyInAnyOrder("ownedBy", "ownerOf");
  }

  @Test
  void inverseOf_pairsEveryBuiltinType() {
    for (String type : List.of("ownedBy", "partOf", "dependsOn", "providesApi", "consumesApi", "memberOf",
        "childOf")) {
      String inverse = BuiltinRelations.inverseOf(type).orElseThrow();
      assertThat(BuiltinRelations.inverseOf(inverse)).contains(type);
    }
    assertThat(BuiltinRelations.inverseOf("custom")).isEmpty();
  }

  @Test
  void relationDiff_ofEqualSetsIsEmptyWhateverTheOrder() {
    List<Relation> rows = BuiltinRelations.of(Entity.of(TestEntities.component("default", "petstore", "team-a")));
    List<Relation> shuffled = new ArrayList<>(rows);
    Collections.reverse(shuffled);
    RelationDiff diff = RelationDiff.between(rows, shuffled);
    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.sourcesToRestitch()).isEmpty();
  }

  @Test
  void relationDiff_addedRowRestitchesItsSourceOnly() {
    EntityRef a = EntityRef.parse("component:default/a");
    EntityRef b = EntityRef.parse("api:default/b");
    Relation forward = new Relation(a, "providesApi", b);
    Relation inverse = new Relation(b, "apiProvidedBy", a);
    RelationDiff diff = RelationDiff.between(List.of(forward), List.of(forward, inverse));
    assertThat(diff.added()).containsExactly(inverse);
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.sourcesToRestitch()).containsExactly(b);
  }
}
