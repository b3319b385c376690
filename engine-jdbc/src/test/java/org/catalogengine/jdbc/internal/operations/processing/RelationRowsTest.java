package org.catalogengine.jdbc.internal.operations.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.catalogengine.jdbc.internal.operations.processing.RelationRows.Row;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.junit.jupiter.api.Test;

class RelationRowsTest {
  private static final String A = "component:default/a";
  private static final String B = "group:default/b";

  private static Relation rel(String source, String type, String target) {
    return new Relation(EntityRef.parse(source), type, EntityRef.parse(target));
  }

  @Test
  void aRelationAndItsReverseShareOneRowFromTheLowerRef() {
    Set<Row> rows = RelationRows.of(List.of(rel(B, "ownerOf", A), rel(A, "ownedBy", B)));

    assertThat(rows).containsExactly(new Row(A, "ownedBy", B, "ownerOf"));
    assertThat(RelationRows.relations(rows)).containsExactlyInAnyOrder(rel(A, "ownedBy", B), rel(B, "ownerOf", A));
  }

  @Test
  void relationsWithoutAMateInTheOtherDirectionKeepARowEach() {
    Set<Row> rows = RelationRows.of(
        List.of(rel(B, "ownerOf", A), rel(B, "hasMember", A), rel(A, "memberOf", "group:default/c")));

    assertThat(rows).containsExactlyInAnyOrder(new Row(B, "hasMember", A), new Row(B, "ownerOf", A),
        new Row(A, "memberOf", "group:default/c"));
    assertThat(rows).allSatisfy(r -> assertThat(r.reverseType()).isNull());
  }

  @Test
  void severalTypesBetweenTwoRefsArePairedInTypeOrderAndTheRestStaysAlone() {
    Set<Row> rows = RelationRows.of(List.of(rel(A, "partOf", B), rel(A, "ownedBy", B), rel(B, "ownerOf", A),
        rel(B, "hasPart", A), rel(B, "zeta", A)));

    assertThat(rows).containsExactlyInAnyOrder(new Row(A, "ownedBy", B, "hasPart"),
        new Row(A, "partOf", B, "ownerOf"), new Row(B, "zeta", A));
  }

  @Test
  void aRelationOfARefToItselfIsStoredAlone() {
    assertThat(RelationRows.of(List.of(rel(A, "dependsOn", A), rel(A, "dependencyOf", A))))
        .containsExactlyInAnyOrder(new Row(A, "dependsOn", A), new Row(A, "dependencyOf", A));
  }

  @Test
  void duplicatesCollapse() {
    assertThat(RelationRows.of(List.of(rel(A, "ownedBy", B), rel(A, "ownedBy", B), rel(B, "ownerOf", A))))
        .containsExactly(new Row(A, "ownedBy", B, "ownerOf"));
  }

  @Test
  void rowSourcesAreTheRefsWhoseRelationsItHolds() {
    List<String> paired = new ArrayList<>();
    new Row(A, "ownedBy", B, "ownerOf").forEachSource(paired::add);
    List<String> single = new ArrayList<>();
    new Row(A, "ownedBy", B).forEachSource(single::add);

    assertThat(paired).containsExactly(A, B);
    assertThat(single).containsExactly(A);
  }

  /** Any set of relations comes back whole from its rows, and its rows do not depend on the input order. */
  @Test
  void rowsHoldExactlyTheRelationsInAnyOrder() {
    Random random = new Random(7);
    List<String> refs = List.of(A, B, "api:default/x", "system:default/s");
    List<String> types = List.of("ownedBy", "ownerOf", "dependsOn", "dependencyOf", "partOf");
    for (int round = 0; round < 500; round++) {
      List<Relation> relations = new ArrayList<>();
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        relations.add(rel(refs.get(random.nextInt(refs.size())), types.get(random.nextInt(types.size())),
            refs.get(random.nextInt(refs.size()))));
      }
      Set<Row> rows = RelationRows.of(relations);
      List<Relation> back = RelationRows.relations(rows);

      assertThat(back).as("round %d", round).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(new HashSet<>(relations));
      List<Relation> shuffled = new ArrayList<>(relations);
      Collections.shuffle(shuffled, random);
      assertThat(RelationRows.of(shuffled)).as("round %d, shuffled", round).isEqualTo(rows);
    }
  }
}
