package org.catalogengine.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.catalogengine.query.EntityFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterQueryBenchmarkTest {

  private static FilterQueryBenchmark setUp(String filter, String dialect) {
    FilterQueryBenchmark b = new FilterQueryBenchmark();
    b.filter = filter;
    b.dialect = dialect;
    b.setup();
    return b;
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void large_isThreeOredGroupsOfFourKeysWithARepeatedKeyAndARelation() {
    EntityFilter f = setUp(FilterQueryBenchmark.LARGE, "SQLITE").parse();

    assertThat(FilterQueryBenchmark.LARGE_PARAMS).allSatisfy(p -> assertThat(p.split(",")).hasSize(5));
    assertThat(f).isInstanceOfSatisfying(EntityFilter.AnyOf.class, any -> {
      assertThat(any.filters()).hasSize(3).allSatisfy(group ->
          assertThat(group).isInstanceOfSatisfying(EntityFilter.AllOf.class, all -> {
            assertThat(all.filters()).hasSize(4);
            assertThat(all.filters()).anySatisfy(leaf -> assertThat(leaf).isInstanceOfSatisfying(
                EntityFilter.ValueIn.class, v -> assertThat(v.values()).hasSize(2)));
            assertThat(all.filters()).anySatisfy(leaf -> assertThat(leaf).isInstanceOfSatisfying(
                EntityFilter.ValueIn.class, v -> assertThat(v.key()).startsWith("relations.")));
          }));
    });
  }

  @ParameterizedTest
  @CsvSource({"typical, SQLITE, 3, 0, 0, 0", "typical, POSTGRES, 3, 0, 0, 0", "large, SQLITE, 9, 3, 3, 6",
      "large, POSTGRES, 9, 3, 3, 6"})
  void render_givesOneSubqueryPerSearchKeyTwoPerRelationKeyAndTwoPerDottedExistsKey(String filter, String dialect,
      int searchSubqueries, int relationSubqueries, int elementSubqueries, int splits) {
    FilterQueryBenchmark b = setUp(filter, dialect);

    String rendered = b.render();
    String sql = rendered.replace("\"", ""); // PostgreSQL quotes names, SQLite does not

    assertThat(sql).startsWith("select final_entities.final_entity from final_entities where");
    // an exists (or "= true") on a key with dots also reads the marked array-element rows of its splits, in one
    // subquery (schema V4): the large filter's three exists keys have 2, 3 and 1 dots
    assertThat(count(sql, "from search as s")).isEqualTo(searchSubqueries + elementSubqueries);
    assertThat(count(sql, "s.element_key = ?")).isEqualTo(elementSubqueries);
    assertThat(count(sql, "s.search_key = ?")).isEqualTo(searchSubqueries + splits);
    // a relation key reads the rows by source with their type and the rows by target with their reverse type
    assertThat(count(sql, "from relations as r")).isEqualTo(2 * relationSubqueries);
    assertThat(count(sql, "lower(r.type) = ?")).isEqualTo(relationSubqueries);
    assertThat(count(sql, "lower(r.reverse_type) = ?")).isEqualTo(relationSubqueries);
    assertThat(sql).contains("final_entities.final_entity is not null")
        .contains("order by final_entities.entity_ref");
    assertThat(b.parsePlanRender()).isEqualTo(rendered);
    assertThat(b.plan()).isNotNull();
  }

  @Test
  void render_differsByDialectOnlyInTheLimitClause() {
    String sqlite = setUp(FilterQueryBenchmark.TYPICAL, "SQLITE").render();
    String postgres = setUp(FilterQueryBenchmark.TYPICAL, "POSTGRES").render();

    assertThat(sqlite).endsWith("limit ?");
    assertThat(postgres).contains("fetch next ? rows only").doesNotEndWith("limit ?");
  }
}
