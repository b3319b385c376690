package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.catalogengine.internal.stitching.StitchResult;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Relation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StitcherBenchmarkTest {

  private static StitcherBenchmark setUp(String shape) {
    StitcherBenchmark b = new StitcherBenchmark();
    b.shape = shape;
    b.setup();
    return b;
  }

  @Test
  void stitchChanged_largeGroupYieldsTenThousandHasMemberRelations() {
    StitcherBenchmark b = setUp(Fixtures.GROUP_10K);

    StitchResult result = b.stitchChanged();

    assertThat(result).isInstanceOf(StitchResult.Stitched.class);
    JsonNode json = CanonicalJson.MAPPER.readTree(((StitchResult.Stitched) result).finalJson());
    assertThat(json.path("relations").size()).isEqualTo(Fixtures.GROUP_MEMBERS);
    assertThat(json.path("relations").valueStream().map(r -> r.path("type").asString()).distinct())
        .containsExactly(Relation.HAS_MEMBER);
    assertThat(json.path("metadata").path("uid").asString()).isEqualTo(Fixtures.ENTITY_ID);
  }

  @Test
  void stitchChanged_typicalComponentYieldsItsRelationsAndSearchRows() {
    StitcherBenchmark b = setUp(Fixtures.COMPONENT);

    StitchResult result = b.stitchChanged();

    assertThat(result).isInstanceOf(StitchResult.Stitched.class);
    StitchResult.Stitched stitched = (StitchResult.Stitched) result;
    JsonNode json = CanonicalJson.MAPPER.readTree(stitched.finalJson());
    assertThat(json.path("relations").size()).isEqualTo(Fixtures.TYPICAL_RELATIONS);
    assertThat(stitched.hash()).matches("[0-9a-f]{40}");
    assertThat(stitched.searchRows()).anySatisfy(r -> assertThat(r.key()).isEqualTo("spec.owner"));
  }

  @Test
  void stitchUnchanged_returnsUnchangedWithTheFirstStitchHash() {
    for (String shape : new String[] {Fixtures.COMPONENT, Fixtures.GROUP_10K}) {
      StitcherBenchmark b = setUp(shape);

      StitchResult result = b.stitchUnchanged();

      assertThat(result).isInstanceOf(StitchResult.Unchanged.class);
      assertThat(((StitchResult.Unchanged) result).hash())
          .isEqualTo(((StitchResult.Stitched) b.stitchChanged()).hash())
          .isEqualTo(b.unchanged.previousHash());
    }
  }
}
