package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.catalogengine.CatalogEngine;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.catalogengine.readers.FileUrlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Ingests Backstage's example catalog ({@code ../shared/corpus/backstage-examples/all.yaml}) through a {@code file}
 * config location, end to end: reading, processing, relations, stitching (spec §5–§8). Skips when the corpus is
 * absent, fails under CI.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class BackstageExamplesTest extends StoreTestBase {

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  static Path examples() {
    Path corpus = Path.of(System.getProperty("catalog.corpus", "../shared/corpus")).toAbsolutePath().normalize();
    Path dir = corpus.resolve("backstage-examples");
    boolean present = Files.isRegularFile(dir.resolve("all.yaml"));
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("The corpus is required under CI but was not found at " + dir);
    }
    assumeTrue(present, "Corpus not found at " + dir + " (expected ../shared/corpus); skipping");
    return dir;
  }

  private CatalogEngine ingest(boolean allKinds) {
    Path dir = examples();
    CatalogEngine.Builder b = CatalogEngine.builder()
        .store(store)
        .clock(clock)
        .readers(FileUrlReader.builder().allowedRoots(dir).build())
        .configLocation("file", dir.resolve("all.yaml").toString());
    if (allKinds) {
      b.allowAllKinds();
    }
    CatalogEngine engine = b.build();
    engine.runUntilIdle();
    return engine;
  }

  private static Map<String, Long> byKind(CatalogEngine engine) {
    return engine.entities().collect(Collectors.groupingBy(Entity::kind, TreeMap::new, Collectors.counting()));
  }

  private static List<String> errors(CatalogEngine engine) {
    return engine.entities()
        .flatMap(e -> {
          JsonNode items = e.toJson().path("status").path("items");
          return java.util.stream.StreamSupport.stream(items.spliterator(), false)
              .map(i -> e.ref() + ": " + i.path("message").asString(""));
        })
        .sorted()
        .toList();
  }

  private static final String PLACEHOLDER_ERROR = "InputError: Processor placeholder threw an error while"
      + " preprocessing: Placeholder $text 'https://github.com/APIs-guru/openapi-directory/";

  @Test
  void ingest_allKindsAllowed_everyExampleEntityIsStitched() {
    CatalogEngine engine = ingest(true);

    // 8 Locations: the generated config location, example-all and the six files it lists
    assertThat(byKind(engine)).isEqualTo(Map.of("API", 10L, "AiResource", 3L, "Component", 13L, "Domain", 3L,
        "Location", 8L, "Resource", 1L, "System", 3L));
    JsonNode petstore = engine.entity(LoopEntities.eref("component:default/petstore")).orElseThrow().toJson();
    assertThat(petstore.get("relations").toString())
        .contains("{\"targetRef\":\"group:default/team-c\",\"type\":\"ownedBy\"}")
        .contains("{\"targetRef\":\"api:default/petstore\",\"type\":\"providesApi\"}");
    JsonNode podcast = engine.entity(LoopEntities.eref("system:default/podcast")).orElseThrow().toJson();
    assertThat(podcast.get("relations").toString()).contains("\"targetRef\":\"domain:default/playback\"");
    JsonNode playback = engine.entity(LoopEntities.eref("domain:default/playback")).orElseThrow().toJson();
    assertThat(playback.get("relations").toString())
        .contains("{\"targetRef\":\"system:default/podcast\",\"type\":\"hasPart\"}");
    assertThat(petstore.at("/metadata/annotations/backstage.io~1orphan").isMissingNode()).isTrue();

    List<String> errors = errors(engine);
    assertThat(errors).hasSize(6);
    assertThat(errors.subList(0, 3)).allSatisfy(e -> assertThat(e).startsWith("airesource:default/")
        .contains("InputError: No processor recognized the entity"));
    assertThat(errors.subList(3, 6)).allSatisfy(e -> assertThat(e).contains(PLACEHOLDER_ERROR)
        .contains("no reader can read url:https://github.com/"));
    assertThat(errors.subList(3, 6)).extracting(e -> e.substring(0, e.indexOf(':', 5)))
        .containsExactly("api:default/spotify", "api:default/wayback-archive", "api:default/wayback-search");
    assertThat(store.workStatus().idle()).isTrue();
  }

  @Test
  void ingest_defaultRules_rejectsKindsThatAreNotAllowed() {
    CatalogEngine engine = ingest(false);

    assertThat(byKind(engine)).isEqualTo(Map.of("API", 10L, "Component", 13L, "Location", 8L));
    assertThat(errors(engine)).filteredOn(e -> e.contains("NotAllowedError")).extracting(e -> e.substring(0,
        e.indexOf(':', 9))).containsExactly("location:default/example-ai-resources",
        "location:default/example-domains", "location:default/example-resources", "location:default/example-systems");
  }

  @Test
  void ingest_secondCycleChangesNothing() {
    CatalogEngine engine = ingest(true);
    engine.runUntilIdle();
    Map<String, List<String>> before = new java.util.LinkedHashMap<>(f.snapshot());
    before.remove("processing_queue");

    clock.advance(java.time.Duration.ofSeconds(200));
    long work = engine.runUntilIdle();

    Map<String, List<String>> after = new java.util.LinkedHashMap<>(f.snapshot());
    after.remove("processing_queue");
    assertThat(work).isEqualTo(41);
    assertThat(after).isEqualTo(before);
  }
}
