package org.catalogengine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.internal.processing.Fixtures.location;

import java.util.List;
import org.catalogengine.spi.provider.DeferredEntity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class UrlReaderProcessorTest {

  private static final String ROOT = "url:https://git/org/root/blob/main/all.yaml";
  private static final String TARGET = "https://git/org/repo/blob/main/catalog-info.yaml";
  private static final String TWO_COMPONENTS = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: one}
      spec: {type: service, lifecycle: production, owner: team-a}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: two}
      spec: {type: service, lifecycle: production, owner: team-a}
      """;

  private final FakeUrlReader urls = new FakeUrlReader("url");
  private final ProcessingPipeline pipeline = ProcessingPipeline.builder()
      .readers(List.of(urls))
      .rules(CatalogRules.allowAll())
      .build();

  private static ObjectNode locationOf(String target) {
    return location("root", "{\"type\":\"url\",\"target\":\"" + target + "\"}", ROOT);
  }

  private PipelineOutput run(ObjectNode entity, ProcessorCacheState cache) {
    return pipeline.run(new PipelineInput(entity, cache, ParentLookup.NONE));
  }

  private static List<String> childNames(PipelineOutput out) {
    return out.children().stream().map(c -> c.entity().name()).toList();
  }

  @Test
  void read_emitsEveryDocumentWithTheFileAsLocationAndKey() {
    urls.serve(TARGET, TWO_COMPONENTS, "E1");

    PipelineOutput out = run(locationOf(TARGET), ProcessorCacheState.EMPTY);

    assertThat(out.ok()).as(out.errors().toString()).isTrue();
    assertThat(childNames(out)).containsExactly("one", "two");
    assertThat(out.children()).extracting(DeferredEntity::locationKey).containsOnly("url:" + TARGET);
    assertThat(out.children()).allSatisfy(c -> assertThat(c.entity().annotations())
        .containsEntry(LocationAnnotations.MANAGED_BY_LOCATION, "url:" + TARGET)
        .containsEntry(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION, ROOT));
    assertThat(out.refreshKeys()).containsExactly("url:" + TARGET);
  }

  @Test
  void cs47_secondReadIsConditionalAndNotModifiedReEmitsWithoutParsing() {
    urls.serve(TARGET, TWO_COMPONENTS, "E1");
    PipelineOutput first = run(locationOf(TARGET), ProcessorCacheState.EMPTY);
    // same etag, content the parser would reject: a 304 must not parse it
    urls.serve(TARGET, "{ not: [yaml", "E1");

    PipelineOutput second = run(locationOf(TARGET), first.cache());

    assertThat(urls.requests).extracting(r -> r.options().etag()).containsExactly(null, "E1");
    assertThat(second.ok()).as(second.errors().toString()).isTrue();
    assertThat(second.children()).isEqualTo(first.children());
    assertThat(second.refreshKeys()).containsExactly("url:" + TARGET);
    assertThat(second.resultHash()).isEqualTo(first.resultHash());
  }

  @Test
  void cs48_yamlErrorEmitsAnErrorAndKeepsTheCache() {
    urls.serve(TARGET, TWO_COMPONENTS, "E1");
    PipelineOutput first = run(locationOf(TARGET), ProcessorCacheState.EMPTY);
    urls.serve(TARGET, "apiVersion: backstage.io/v1alpha1\nkind: [unclosed\n", "E2");

    PipelineOutput second = run(locationOf(TARGET), first.cache());

    assertThat(second.ok()).isFalse();
    assertThat(second.errors()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("Error");
      assertThat(e.message()).contains("Unable to parse url:" + TARGET);
    });
    assertThat(second.cache().processors()).isEqualTo(first.cache().processors());
    assertThat(second.cache().processors().at("/url-reader/" + TARGET.replace("/", "~1") + "/v1/etag")
        .stringValue()).isEqualTo("E1");
  }

  @Test
  void read_withoutEtagCachesNothing() {
    urls.serve(TARGET, TWO_COMPONENTS);

    PipelineOutput out = run(locationOf(TARGET), ProcessorCacheState.EMPTY);

    assertThat(out.ok()).isTrue();
    assertThat(out.cache().isEmpty()).isTrue();
  }

  @Test
  void read_nonObjectDocumentIsAnError() {
    urls.serve(TARGET, "- just\n- a list\n", "E1");

    PipelineOutput out = run(locationOf(TARGET), ProcessorCacheState.EMPTY);

    assertThat(out.ok()).isFalse();
    assertThat(out.errors().toString()).contains("url:" + TARGET);
  }

  @Test
  void read_readerFailureIsAGeneralErrorNamingTheLocation() {
    urls.fail(TARGET, FakeUrlReader.boom("connection reset"));

    PipelineOutput out = run(locationOf(TARGET), ProcessorCacheState.EMPTY);

    assertThat(out.ok()).isFalse();
    assertThat(out.errors()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("Error");
      assertThat(e.message()).isEqualTo("Unable to read url:" + TARGET + ", connection reset");
    });
  }

  @Test
  void cs54_globTargetEmitsEntitiesFromEveryMatchWithTheirOwnLocations() {
    for (String team : List.of("a", "b", "c")) {
      urls.serve("https://git/org/" + team + "/catalog-info.yaml", """
          apiVersion: backstage.io/v1alpha1
          kind: Component
          metadata: {name: svc-%s}
          spec: {type: service, lifecycle: production, owner: team-a}
          """.formatted(team));
    }
    urls.serve("https://git/org/a/other.yaml", "kind: ignored");

    PipelineOutput out = run(locationOf("https://git/org/*/catalog-info.yaml"), ProcessorCacheState.EMPTY);

    assertThat(out.ok()).as(out.errors().toString()).isTrue();
    assertThat(urls.requests).singleElement().satisfies(r -> assertThat(r.search()).isTrue());
    assertThat(childNames(out)).containsExactly("svc-a", "svc-b", "svc-c");
    assertThat(out.children()).extracting(DeferredEntity::locationKey).containsExactly(
        "url:https://git/org/a/catalog-info.yaml", "url:https://git/org/b/catalog-info.yaml",
        "url:https://git/org/c/catalog-info.yaml");
  }

  @Test
  void cs54_globMatchingNothingIsNotFoundUnlessOptional() {
    PipelineOutput required = run(locationOf("https://git/org/*/catalog-info.yaml"), ProcessorCacheState.EMPTY);
    PipelineOutput optional = run(location("root", "{\"type\":\"url\",\"target\":\"https://git/org/*/x.yaml\","
        + "\"presence\":\"optional\"}", ROOT), ProcessorCacheState.EMPTY);

    assertThat(required.ok()).isFalse();
    assertThat(required.errors()).extracting(ProcessingError::name).containsExactly("NotFoundError");
    assertThat(optional.ok()).as(optional.errors().toString()).isTrue();
    assertThat(optional.children()).isEmpty();
  }
}
