package org.catalogengine.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.catalogengine.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class IndexCostProbeTest {

  @ParameterizedTest
  @CsvSource({
      "store, probe_entity_uq probe_key_value_ix",
      "no-lookup, probe_entity_uq",
      "lookup-after, probe_entity_uq probe_key_value_ix",
      "hash-lookup, probe_entity_uq probe_hash_ix probe_key_ix",
      "clustered, probe_key_value_ix"})
  void run_insertsEveryRowUnderTheNamedLayout(String layout, String indexes) throws Exception {
    JsonNode line = CanonicalJson.MAPPER.readTree(IndexCostProbe.run("sqlite", layout, 3_800, 1_000, 8_192));
    assertThat(line.path("layout").asText()).isEqualTo(layout);
    assertThat(line.path("storedRows").asLong()).isEqualTo(3_800);
    List<String> names = new ArrayList<>();
    line.path("indexes").forEach(n -> names.add(n.asText()));
    assertThat(names).containsExactly(indexes.split(" "));
    assertThat(line.path("pageSize").asInt()).isEqualTo(8_192);
    assertThat(line.path("commitSeconds").asDouble()).isLessThanOrEqualTo(line.path("seconds").asDouble());
  }

  @Test
  void rows_areDeterministicAndGiveEachEntityEveryKeyOnce() {
    List<String[]> a = IndexCostProbe.rows(new Random(42), 0, 38);
    List<String[]> b = IndexCostProbe.rows(new Random(42), 0, 38);
    assertThat(a).usingElementComparator((x, y) -> Arrays.equals(x, y) ? 0 : 1).isEqualTo(b);
    assertThat(a.stream().filter(r -> r[0].equals(a.get(0)[0])).map(r -> r[1]))
        .containsExactlyInAnyOrder(IndexCostProbe.KEYS);
  }

  @Test
  void run_namesAnUnknownLayoutOrDatabase() {
    assertThatThrownBy(() -> IndexCostProbe.run("sqlite", "columnar", 10, 10, 4_096))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'columnar'");
    assertThatThrownBy(() -> IndexCostProbe.run("mariadb", "store", 10, 10, 4_096))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'mariadb'");
  }
}
