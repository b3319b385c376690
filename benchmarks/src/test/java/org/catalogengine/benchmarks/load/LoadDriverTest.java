package org.catalogengine.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.catalogengine.benchmarks.generator.CatalogGenerator;
import org.catalogengine.benchmarks.generator.JsonLinesWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The load driver run in-process on SQLite with small catalogs; the printed lines are what is asserted. */
class LoadDriverTest {

  private static final int N = 300;

  /** The lines of one {@code --scenario all} run in provider mode: full, repeat, delta, delta-mutation. */
  private static List<ObjectNode> all;

  @BeforeAll
  static void runAllScenarios() throws Exception {
    all = LoadDriver.run("--db", "sqlite", "--n", String.valueOf(N), "--scenario", "all");
  }

  private static long rows(JsonNode line, String table) {
    return line.path("rows").path(table).asLong(-1);
  }

  @Test
  void run_scenarioAll_printsFullRepeatDeltaInOrderWithTheRunFacts() {
    assertThat(all).extracting(l -> l.path("scenario").asString())
        .containsExactly("full", "repeat", "delta", "delta-mutation");
    assertThat(all).allSatisfy(l -> {
      assertThat(l.path("n").asInt()).isEqualTo(N);
      assertThat(l.path("db").asString()).isEqualTo("sqlite");
      assertThat(l.path("mode").asString()).isEqualTo("provider");
      assertThat(l.path("seconds").isNumber()).isTrue();
      // the change call returns before the engine is idle: its time is part of the phase's
      assertThat(l.path("mutationSeconds").asDouble()).isPositive()
          .isLessThanOrEqualTo(l.path("seconds").asDouble());
      assertThat(l.path("entitiesPerSecond").asLong()).isPositive();
      // the most heap in use at once: no less than what a collection of the phase left alive, and within -Xmx
      // (the pools' summed peaks, reported before, could exceed it)
      assertThat(l.path("peakHeapMiB").asLong()).as("peakHeapMiB in %s", l)
          .isGreaterThanOrEqualTo(l.path("liveHeapMiB").asLong())
          .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / (1024 * 1024));
    });
  }

  @Test
  void run_full_processesAndStitchesEveryEntity() {
    JsonNode full = all.get(0);

    assertThat(full.path("processed").asLong()).isEqualTo(N);
    assertThat(full.path("processingFailures").asLong()).isZero();
    assertThat(full.path("stitchesWritten").asLong()).isGreaterThanOrEqualTo(N);
    assertThat(full.path("changeEvents").asLong()).isGreaterThanOrEqualTo(N);
    assertThat(rows(full, "finalEntities")).isEqualTo(N);
    assertThat(rows(full, "entities")).isEqualTo(N);
    assertThat(rows(full, "relations")).isPositive();
    assertThat(rows(full, "stitchRequests")).isZero();
    // SQLite runs one write transaction at a time: their summed time fits in the phase (an idle poll's claim that
    // straddles the phase's start may add a few milliseconds)
    assertThat(full.path("writeTransactions").asLong()).isPositive();
    assertThat(full.path("writeBusySeconds").asDouble()).isPositive()
        .isLessThanOrEqualTo(full.path("seconds").asDouble() + 0.1);
    assertThat(full.path("writerWaitSeconds").isNumber()).isTrue();
    assertThat(full.path("writeCpuSeconds").asDouble()).isPositive()
        .isLessThanOrEqualTo(full.path("writeBusySeconds").asDouble());
  }

  @Test
  void run_repeat_identicalMutationWritesNothing() {
    JsonNode repeat = all.get(1);

    assertThat(repeat.path("processed").asLong()).isZero();
    assertThat(repeat.path("stitchesWritten").asLong()).isZero();
    assertThat(repeat.path("changeEvents").asLong()).isZero();
    assertThat(repeat.path("rows")).isEqualTo(all.get(0).path("rows"));
  }

  @Test
  void run_deltaMutation_sendsOnlyTheChangeOfTheSetTheDeltaLeft() {
    JsonNode deltaMutation = all.get(3);
    // the second delta changes the set the first one left, and the engine ends with that next set
    int expected = CatalogGenerator.next(CatalogGenerator.next(CatalogGenerator.generate(N, 42), 43, 0.01, 0.01, 0.01)
        .entities(), 44, 0.01, 0.01, 0.01).entities().size();

    assertThat(rows(deltaMutation, "finalEntities")).isEqualTo(expected);
    assertThat(rows(deltaMutation, "entities")).isEqualTo(expected);
    assertThat(deltaMutation.path("processed").asLong()).isPositive().isLessThan(N);
    assertThat(deltaMutation.path("processingFailures").asLong()).isZero();
    assertThat(rows(deltaMutation, "stitchRequests")).isZero();
    // set only once every changed and added entity of the second delta showed its new content, and every removal
    assertThat(deltaMutation.path("changesVisibleSeconds").isNumber()).as("in %s", deltaMutation).isTrue();
    assertThat(deltaMutation.path("changesVisibleSeconds").asDouble()).isPositive()
        .isLessThanOrEqualTo(deltaMutation.path("seconds").asDouble());
  }

  @Test
  void run_deltaMutationInLocationMode_failsNamingTheModeItNeeds() {
    assertThatThrownBy(() -> LoadDriver.run("--n", String.valueOf(N), "--mode", "location", "--scenario",
        "delta-mutation")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--mode provider");
  }

  @Test
  void run_delta_changesSomeEntitiesAndKeepsTheCatalogWhole() {
    JsonNode delta = all.get(2);
    int expected = CatalogGenerator.next(CatalogGenerator.generate(N, 42), 43, 0.01, 0.01, 0.01).entities().size();

    assertThat(delta.path("changeEvents").asLong()).isPositive();
    assertThat(delta.path("processed").asLong()).isPositive().isLessThan(N);
    assertThat(delta.path("processingFailures").asLong()).isZero();
    assertThat(rows(delta, "finalEntities")).isEqualTo(expected);
    assertThat(rows(delta, "entities")).isEqualTo(expected);
    assertThat(rows(delta, "stitchRequests")).isZero();
    // every changed, added and removed entity was seen in the change events, no later than idle
    assertThat(delta.path("changesVisibleSeconds").isNumber()).as("changesVisibleSeconds in %s", delta).isTrue();
    assertThat(delta.path("changesVisibleSeconds").asDouble()).isPositive()
        .isLessThanOrEqualTo(delta.path("seconds").asDouble());
    assertThat(all.get(0).has("changesVisibleSeconds")).as("only a delta watches its changes").isFalse();
    // a phase too short for any collection (the small repeat here) still reports what it kept alive, not 0
    assertThat(all).allSatisfy(l -> assertThat(l.path("liveHeapMiB").asLong()).as("liveHeapMiB in %s", l).isPositive());
  }

  @Test
  void run_input_loadsTheEntitiesOfAJsonLinesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("entities.jsonl");
    List<ObjectNode> entities = CatalogGenerator.generate(CatalogGenerator.MIN_ENTITIES, 7).subList(0, 12);
    try (JsonLinesWriter out = JsonLinesWriter.open(file)) {
      entities.forEach(out::write);
    }

    List<ObjectNode> lines = LoadDriver.run("--input", file.toString(), "--scenario", "full");

    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.path("n").asInt()).isEqualTo(12);
      assertThat(l.path("processingFailures").asLong()).isZero();
      assertThat(rows(l, "finalEntities")).isEqualTo(12);
    });
  }

  @Test
  void run_locationFull_loadsTheEntitiesAndTheTwoLocations() throws Exception {
    List<ObjectNode> lines = LoadDriver.run("--n", String.valueOf(N), "--mode", "location", "--scenario", "full");

    // besides the N entities: the Location for the configured all.yaml and the generated-catalog Location in it
    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.path("mode").asString()).isEqualTo("location");
      assertThat(l.path("processingFailures").asLong()).isZero();
      assertThat(l.path("processed").asLong()).isEqualTo(N + 2);
      assertThat(rows(l, "finalEntities")).isEqualTo(N + 2);
      assertThat(rows(l, "stitchRequests")).isZero();
    });
  }

  @Test
  void run_locationRepeatAlone_rereadsEveryLocationAfterAnUnreportedFirstLoad() throws Exception {
    List<ObjectNode> lines = LoadDriver.run("--n", String.valueOf(N), "--mode", "location", "--scenario", "repeat");

    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.path("scenario").asString()).isEqualTo("repeat");
      assertThat(l.path("processed").asLong()).isEqualTo(N + 2);
      assertThat(l.path("processedChanged").asLong()).isZero();
      assertThat(l.path("stitchesWritten").asLong()).isZero();
      assertThat(l.path("changeEvents").asLong()).isZero();
      assertThat(rows(l, "finalEntities")).isEqualTo(N + 2);
    });
  }

  @Test
  void run_unknownMode_failsNamingTheOption() {
    assertThatThrownBy(() -> LoadDriver.run("--mode", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--mode")
        .hasMessageContaining("'x'");
  }

  @Test
  void run_unknownDatabase_failsNamingTheOption() {
    assertThatThrownBy(() -> LoadDriver.run("--db", "nosuch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--db")
        .hasMessageContaining("'nosuch'");
  }

  @Test
  void run_warmup_measuresOnlyTheRealLoadInADatabaseOfItsOwn() throws Exception {
    List<ObjectNode> lines = LoadDriver.run("--db", "sqlite", "--n", "200", "--warmup", "120", "--scenario", "full");

    assertThat(lines).hasSize(1);
    JsonNode full = lines.get(0);
    assertThat(full.path("scenario").asString()).isEqualTo("full");
    assertThat(full.path("n").asInt()).isEqualTo(200);
    assertThat(full.path("warmup").asInt()).isEqualTo(120);
    // the warm-up's 120 entities went to another database: none of them is counted or stored here
    assertThat(full.path("processed").asLong()).isEqualTo(200);
    assertThat(rows(full, "entities")).isEqualTo(200);
    assertThat(rows(full, "finalEntities")).isEqualTo(200);
    assertThat(all.get(0).has("warmup")).as("no warm-up, no field").isFalse();
  }

  @Test
  void run_warmupBelowTheGeneratorsMinimum_failsNamingTheOption() {
    assertThatThrownBy(() -> LoadDriver.run("--n", "100", "--warmup", "10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--warmup")
        .hasMessageContaining("at least " + CatalogGenerator.MIN_ENTITIES);
  }

  @Test
  void run_badNumber_failsNamingTheOption() {
    assertThatThrownBy(() -> LoadDriver.run("--n", "many"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--n")
        .hasMessageContaining("'many'");
  }

  @Test
  void run_unknownOption_failsNamingIt() {
    assertThatThrownBy(() -> LoadDriver.run("--size", "10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--size");
  }

  @Test
  void run_bothNAndInput_failsNamingBoth() {
    assertThatThrownBy(() -> LoadDriver.run("--n", "100", "--input", "x.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--n")
        .hasMessageContaining("--input");
  }
}
