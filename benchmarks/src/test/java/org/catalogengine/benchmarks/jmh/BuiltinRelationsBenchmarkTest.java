package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.catalogengine.model.BuiltinRelations;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.junit.jupiter.api.Test;

class BuiltinRelationsBenchmarkTest {

  private static BuiltinRelationsBenchmark setUp(String shape) {
    BuiltinRelationsBenchmark b = new BuiltinRelationsBenchmark();
    b.shape = shape;
    b.setup();
    return b;
  }

  private static Relation inverse(Relation r) {
    return new Relation(r.target(), BuiltinRelations.inverseOf(r.type()).orElseThrow(), r.source());
  }

  @Test
  void relations_typicalComponentOriginatesEveryComponentRelationBothWays() {
    BuiltinRelationsBenchmark b = setUp(Fixtures.COMPONENT);

    List<Relation> relations = b.relations();

    EntityRef self = b.entity.ref();
    List<Relation> outgoing = relations.stream().filter(r -> r.source().equals(self)).toList();
    assertThat(outgoing).extracting(Relation::type).contains(Relation.OWNED_BY, Relation.PART_OF,
        Relation.PROVIDES_API, Relation.CONSUMES_API, Relation.DEPENDS_ON);
    assertThat(relations).hasSize(2 * outgoing.size());
    assertThat(outgoing).allSatisfy(r -> assertThat(relations).contains(inverse(r)));
    assertThat(relations).isSorted();
  }

  @Test
  void relations_largeGroupHasEveryMemberBothWays() {
    BuiltinRelationsBenchmark b = setUp(Fixtures.GROUP_10K);

    List<Relation> relations = b.relations();

    EntityRef group = b.entity.ref();
    List<Relation> hasMember = relations.stream().filter(r -> r.type().equals(Relation.HAS_MEMBER)).toList();
    List<Relation> memberOf = relations.stream().filter(r -> r.type().equals(Relation.MEMBER_OF)).toList();
    assertThat(hasMember).hasSize(Fixtures.GROUP_MEMBERS).allSatisfy(r -> assertThat(r.source()).isEqualTo(group));
    assertThat(memberOf).hasSize(Fixtures.GROUP_MEMBERS).allSatisfy(r -> assertThat(r.target()).isEqualTo(group));
    assertThat(hasMember).extracting(Relation::target).containsExactlyElementsOf(IntStream
        .range(0, Fixtures.GROUP_MEMBERS)
        .mapToObj(i -> EntityRef.of("user", group.namespace(), Fixtures.memberName(i)))
        .toList());
    assertThat(relations).extracting(Relation::type)
        .containsOnly(Relation.HAS_MEMBER, Relation.MEMBER_OF, Relation.CHILD_OF, Relation.PARENT_OF);
    Set<Relation> all = Set.copyOf(relations);
    assertThat(relations).hasSize(all.size())
        .allMatch(r -> all.contains(inverse(r)), "has its inverse");
  }
}
