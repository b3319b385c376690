package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.catalogengine.jdbc.internal.operations.processing.RelationRows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelationRowsBenchmarkTest {

  private static RelationRowsBenchmark setUp(String shape) {
    RelationRowsBenchmark b = new RelationRowsBenchmark();
    b.shape = shape;
    b.setup();
    return b;
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COMPONENT, Fixtures.GROUP_10K})
  void rows_holdEveryRelationAndPairEachWithItsReverse(String shape) {
    RelationRowsBenchmark b = setUp(shape);

    Set<RelationRows.Row> rows = b.rows();

    assertThat(RelationRows.relations(rows)).containsExactlyInAnyOrderElementsOf(b.relations);
    assertThat(rows).as("the built-in relations come in pairs").hasSize(b.relations.size() / 2)
        .allSatisfy(r -> assertThat(r.reverseType()).isNotNull());
  }
}
