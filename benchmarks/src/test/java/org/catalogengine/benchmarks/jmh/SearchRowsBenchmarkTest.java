package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.catalogengine.internal.stitching.SearchRow;
import org.catalogengine.internal.stitching.SearchRowDiff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchRowsBenchmarkTest {

  private static final String KEY = "metadata.annotations." + SearchRowsBenchmark.CHANGED_ANNOTATION;

  private static SearchRowsBenchmark setUp(String shape) {
    SearchRowsBenchmark b = new SearchRowsBenchmark();
    b.shape = shape;
    b.setup();
    return b;
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COMPONENT, Fixtures.GROUP_10K})
  void rows_coverTheNameAndLeaveRelationsToTheirTable(String shape) {
    SearchRowsBenchmark b = setUp(shape);

    List<SearchRow> rows = b.rows();

    assertThat(rows).isEqualTo(b.previous);
    assertThat(b.finalEntity.path("relations").size()).isPositive();
    assertThat(rows).noneMatch(r -> r.key().startsWith("relations."));
    assertThat(rows).contains(new SearchRow("metadata.name",
        b.finalEntity.path("metadata").path("name").asString().toLowerCase(),
        b.finalEntity.path("metadata").path("name").asString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COMPONENT, Fixtures.GROUP_10K})
  void diffOneChanged_deletesAndInsertsExactlyTheChangedRow(String shape) {
    SearchRowsBenchmark b = setUp(shape);

    SearchRowDiff diff = b.diffOneChanged();

    assertThat(diff.deletes()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo(KEY);
      assertThat(r.value()).isNotEqualTo(SearchRowsBenchmark.CHANGED_VALUE);
    });
    assertThat(diff.inserts()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo(KEY);
      assertThat(r.originalValue()).isEqualTo(SearchRowsBenchmark.CHANGED_VALUE);
    });
  }
}
