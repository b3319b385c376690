package org.catalogengine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.internal.processing.Fixtures.component;

import java.util.List;
import java.util.Map;
import org.catalogengine.model.Entity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AnnotateLocationProcessorTest {

  private final ProcessingPipeline pipeline = ProcessingPipeline.builder()
      .readers(List.of(new FakeUrlReader("url")))
      .rules(CatalogRules.allowAll())
      .build();

  private Map<String, String> annotationsAfterRun(ObjectNode entity) {
    PipelineOutput out = pipeline.run(PipelineInput.of(entity));
    assertThat(out.ok()).as(out.errors().toString()).isTrue();
    return out.completed().map(Entity::annotations).orElseThrow();
  }

  @Test
  void cs51_githubUrlLocationGetsViewEditAndSourceLocation() {
    String target = "https://github.com/org/repo/blob/main/catalog-info.yaml";
    ObjectNode e = component("petstore", "url:" + target, "url:https://github.com/org/root/blob/main/all.yaml");

    Map<String, String> a = annotationsAfterRun(e);

    assertThat(a)
        .containsEntry(LocationAnnotations.MANAGED_BY_LOCATION, "url:" + target)
        .containsEntry(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION,
            "url:https://github.com/org/root/blob/main/all.yaml")
        .containsEntry(LocationAnnotations.VIEW_URL, target)
        .containsEntry(LocationAnnotations.EDIT_URL, "https://github.com/org/repo/edit/main/catalog-info.yaml")
        .containsEntry(LocationAnnotations.SOURCE_LOCATION, "url:https://github.com/org/repo/blob/main/");
  }

  @Test
  void cs51_existingViewUrlWins() {
    String target = "https://github.com/org/repo/blob/main/catalog-info.yaml";
    ObjectNode e = component("petstore", "url:" + target);
    ((ObjectNode) e.get("metadata").get("annotations")).put(LocationAnnotations.VIEW_URL, "https://docs/pets");

    assertThat(annotationsAfterRun(e)).containsEntry(LocationAnnotations.VIEW_URL, "https://docs/pets");
  }

  @Test
  void cs51_commitShaInTheTargetMeansNoEditUrl() {
    String target = "https://github.com/org/repo/blob/0123456789abcdef0123456789abcdef01234567/catalog-info.yaml";

    Map<String, String> a = annotationsAfterRun(component("petstore", "url:" + target));

    assertThat(a).containsEntry(LocationAnnotations.VIEW_URL, target)
        .doesNotContainKey(LocationAnnotations.EDIT_URL);
  }

  @Test
  void editUrl_absentWhenNoIntegrationMatches() {
    String target = "https://git.example.com/org/repo/blob/main/catalog-info.yaml";

    Map<String, String> a = annotationsAfterRun(component("petstore", "url:" + target));

    assertThat(a).containsEntry(LocationAnnotations.VIEW_URL, target)
        .containsEntry(LocationAnnotations.SOURCE_LOCATION, "url:https://git.example.com/org/repo/blob/main/")
        .doesNotContainKey(LocationAnnotations.EDIT_URL);
  }

  @Test
  void fileLocation_getsOnlyTheLocationAnnotations() {
    Map<String, String> a = annotationsAfterRun(component("petstore", "file:/repo/catalog-info.yaml"));

    assertThat(a).containsOnlyKeys(LocationAnnotations.MANAGED_BY_LOCATION,
        LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION);
  }
}
