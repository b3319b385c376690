package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.model.TestEntities.entity;
import static org.catalogengine.model.TestEntities.validate;

import java.util.List;
import org.catalogengine.error.InputException;
import org.junit.jupiter.api.Test;

/** Conformance scenarios CS01–CS15 (spec §12, refs, validation and relations), pinned at the model level. */
class ModelScenariosTest {

  private static final EntityRef PETSTORE = EntityRef.of("component", "default", "petstore");
  private static final EntityRef TEAM_A = EntityRef.of("group", "default", "team-a");
  private static final EntityRef TEAM_B = EntityRef.of("group", "default", "team-b");

  // ---- refs and validation ----------------------------------------------------------------------------

  @Test
  void cs01_refsAreCanonicalisedAndTakeContextDefaults() {
    assertThat(EntityRef.parse("Component:Default/Petstore").toString()).isEqualTo("component:default/petstore");
    assertThat(EntityRef.parse("petstore", "Component", "ops").toString()).isEqualTo("component:ops/petstore");
  }

  @Test
  void cs02_slashBeforeColonMeansNoKindAndEmptyNameFails() {
    EntityRef ref = EntityRef.parse("ns/a:b", "Component", null);
    assertThat(ref).isEqualTo(EntityRef.of("component", "ns", "a:b"));
    assertThatThrownBy(() -> EntityRef.parse("ns/a:b"))
        .isInstanceOf(InputException.class).hasMessageContaining("no kind");
    assertThatThrownBy(() -> EntityRef.parse("component:"))
        .isInstanceOf(InputException.class).hasMessageContaining("empty name");
  }

  @Test
  void cs03_objectNamesFollowE10() {
    assertThat(validate(named("my_service.v2")).valid()).isTrue();
    for (String bad : List.of("-bad", "bad-", "a".repeat(64), "a b")) {
      ValidationResult result = validate(named(bad));
      assertThat(result.problems()).as(bad).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("E10");
        assertThat(p.field()).isEqualTo("metadata.name");
      });
    }
  }

  /** Improve (E11): Backstage rejects {@code Payments}; the engine accepts and lower-cases it. */
  @Test
  void cs04_upperCaseNamespaceIsLowerCasedButInvalidNamespaceFailsWithE11() {
    ValidationResult ok = EntityValidator.defaults().validate(TestEntities.component("Payments", "svc", "team-a"));
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.entity().namespace()).isEqualTo("payments");
    assertThat(ok.entity().ref().toString()).isEqualTo("component:payments/svc");

    ValidationResult bad = EntityValidator.defaults().validate(TestEntities.component("pay_ments", "svc", "team-a"));
    assertThat(bad.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E11");
      assertThat(p.field()).isEqualTo("metadata.namespace");
      assertThat(p.message()).contains("'pay_ments'");
    });
  }

  @Test
  void cs05_upperCaseTagFailsAndLowerCaseTagsPass() {
    ValidationResult bad = validate(withMetadata("tags: [Java]"));
    assertThat(bad.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E13");
      assertThat(p.field()).isEqualTo("metadata.tags[0]");
      assertThat(p.message()).contains("'Java'");
    });
    assertThat(validate(withMetadata("tags: [java, c++]")).problems()).isEmpty();
  }

  @Test
  void cs06_linkWithoutUrlOrWithBadUrlFails() {
    ValidationResult missing = validate(withMetadata("links: [{title: Docs}]"));
    assertThat(missing.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E14");
      assertThat(p.field()).isEqualTo("metadata.links[0].url");
    });
    ValidationResult bad = validate(withMetadata("links: [{url: not a url}]"));
    assertThat(bad.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E14");
      assertThat(p.message()).contains("'not a url'");
    });
  }

  @Test
  void cs07_rootKeyRelationsIsAnUnknownField() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: team-a}
        relations: []
        """);
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E1");
      assertThat(p.field()).isEqualTo("relations");
      assertThat(p.message()).startsWith("Unknown field relations");
    });
  }

  @Test
  void cs08_unknownKindIsNotRecognized() {
    ValidationResult result = validate("""
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gizmo}
        """);
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E20");
      assertThat(p.message()).isEqualTo("No processor recognized the entity widget:default/gizmo as valid");
    });
  }

  // ---- relations ---------------------------------------------------------------------------------------

  @Test
  void cs09_ownerYieldsOwnedByAndTheInverseOwnerOfRow() {
    List<Relation> rows = BuiltinRelations.of(petstoreOwnedBy("team-a"));
    assertThat(rows).containsExactlyInAnyOrder(
        new Relation(PETSTORE, "ownedBy", TEAM_A),
        new Relation(TEAM_A, "ownerOf", PETSTORE));
    // What team-a's final entity shows: rows whose source is team-a.
    assertThat(rows).filteredOn(r -> r.source().equals(TEAM_A))
        .containsExactly(new Relation(TEAM_A, "ownerOf", PETSTORE));
  }

  @Test
  void cs10_kindInOwnerRefOverridesTheDefaultKind() {
    assertThat(BuiltinRelations.of(petstoreOwnedBy("user:jdoe")))
        .contains(new Relation(PETSTORE, "ownedBy", EntityRef.of("user", "default", "jdoe")));
  }

  @Test
  void cs11_unqualifiedRefTakesTheReferencingEntitysNamespace() {
    Entity svc = entity("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: svc, namespace: ops}
        spec: {type: service, lifecycle: production, owner: team-a, system: billing}
        """);
    EntityRef self = EntityRef.of("component", "ops", "svc");
    assertThat(BuiltinRelations.of(svc)).contains(
        new Relation(self, "partOf", EntityRef.of("system", "ops", "billing")),
        new Relation(self, "ownedBy", EntityRef.of("group", "ops", "team-a")));
  }

  @Test
  void cs12_dependsOnWithoutKindFailsAndWithKindWorks() {
    String yaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: team-a, dependsOn: [%s]}
        """;
    assertThatThrownBy(() -> BuiltinRelations.of(entity(yaml.formatted("petstore-db"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("component:default/petstore")
        .hasMessageContaining("spec.dependsOn[0]")
        .hasMessageContaining("'petstore-db'");
    assertThat(validate(yaml.formatted("petstore-db")).problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E17");
      assertThat(p.field()).isEqualTo("spec.dependsOn[0]");
    });

    EntityRef db = EntityRef.of("resource", "default", "petstore-db");
    assertThat(validate(yaml.formatted("resource:petstore-db")).problems()).isEmpty();
    assertThat(BuiltinRelations.of(entity(yaml.formatted("resource:petstore-db")))).contains(
        new Relation(PETSTORE, "dependsOn", db), new Relation(db, "dependencyOf", PETSTORE));
  }

  @Test
  void cs13_membershipStatedOnBothSidesExistsOncePerEntity() {
    Entity group = entity("""
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-a}
        spec: {type: team, children: [], members: [jdoe, user:jdoe, User:default/JDoe]}
        """);
    Entity user = entity("""
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata: {name: jdoe}
        spec: {memberOf: [team-a]}
        """);
    EntityRef jdoe = EntityRef.of("user", "default", "jdoe");
    List<Relation> fromGroup = BuiltinRelations.of(group);
    List<Relation> fromUser = BuiltinRelations.of(user);
    // Each entity states the pair once, however often its document repeats the reference.
    assertThat(fromGroup).containsExactly(
        new Relation(TEAM_A, "hasMember", jdoe), new Relation(jdoe, "memberOf", TEAM_A));
    assertThat(fromUser).containsExactlyInAnyOrderElementsOf(fromGroup);
    // Stitching unions the rows by source; the rows are equal values, so each final entity lists them once.
    assertThat(new java.util.TreeSet<>(union(fromGroup, fromUser)))
        .filteredOn(r -> r.source().equals(TEAM_A)).containsExactly(new Relation(TEAM_A, "hasMember", jdoe));
  }

  @Test
  void cs14_ownerChangeRestitchesTheEntityAndBothOwners() {
    List<Relation> before = BuiltinRelations.of(petstoreOwnedBy("team-a"));
    List<Relation> after = BuiltinRelations.of(petstoreOwnedBy("team-b"));
    RelationDiff diff = RelationDiff.between(before, after);
    assertThat(diff.sourcesToRestitch()).containsExactly(PETSTORE, TEAM_A, TEAM_B);
    // team-a's row is removed, so team-a no longer lists petstore once restitched.
    assertThat(diff.removed()).contains(new Relation(TEAM_A, "ownerOf", PETSTORE));
    assertThat(after).noneMatch(r -> r.source().equals(TEAM_A));
  }

  @Test
  void cs15_ownerThatDoesNotExistIsASoftReference() {
    ValidationResult result = EntityValidator.defaults()
        .validate(TestEntities.component("default", "petstore", "ghost-team"));
    assertThat(result.problems()).isEmpty();
    assertThat(BuiltinRelations.of(result.entity()))
        .contains(new Relation(PETSTORE, "ownedBy", EntityRef.of("group", "default", "ghost-team")));
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private static String named(String name) {
    return """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: "%s"}
        spec: {type: service, lifecycle: production, owner: team-a}
        """.formatted(name);
  }

  private static String withMetadata(String line) {
    return """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
          %s
        spec: {type: service, lifecycle: production, owner: team-a}
        """.formatted(line);
  }

  private static Entity petstoreOwnedBy(String owner) {
    return Entity.of(TestEntities.component("default", "petstore", owner));
  }

  private static List<Relation> union(List<Relation> a, List<Relation> b) {
    List<Relation> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
