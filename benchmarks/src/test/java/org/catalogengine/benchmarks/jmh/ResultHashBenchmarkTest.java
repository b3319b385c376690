package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultHashBenchmarkTest {

  private static ResultHashBenchmark setUp(String shape) {
    ResultHashBenchmark b = new ResultHashBenchmark();
    b.shape = shape;
    b.setup();
    return b;
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COMPONENT, Fixtures.GROUP_10K})
  void resultHash_isStableAndCoversEveryRelation(String shape) {
    ResultHashBenchmark b = setUp(shape);
    String hash = b.resultHash();

    assertThat(hash).hasSize(40).isEqualTo(setUp(shape).resultHash());
    assertThat(b.relations).hasSizeGreaterThan(10);
    List<Relation> changed = new ArrayList<>(b.relations);
    Relation last = changed.remove(changed.size() - 1);
    changed.add(new Relation(last.source(), last.type(), EntityRef.of("group", "default", "someone-else")));
    b.relations = changed;
    assertThat(b.resultHash()).as("the last relation's target counts").isNotEqualTo(hash);
  }
}
