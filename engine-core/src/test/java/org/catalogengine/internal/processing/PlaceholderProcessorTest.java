package org.catalogengine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.internal.processing.Fixtures.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PlaceholderProcessorTest {

  private static final String CATALOG = "https://git/org/repo/blob/main/catalog-info.yaml";

  private final FakeUrlReader urls = new FakeUrlReader("url");
  private final LocalFileReader files = new LocalFileReader();
  private final ProcessingPipeline pipeline = ProcessingPipeline.builder()
      .readers(List.of(urls, files))
      .rules(CatalogRules.allowAll())
      .build();

  private static ObjectNode api(String location, String definitionJson) {
    ObjectNode e = json("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"API","metadata":{"name":"petstore-api","annotations":{}},
         "spec":{"type":"openapi","lifecycle":"production","owner":"team-a","definition":%s}}"""
        .formatted(definitionJson));
    Fixtures.annotate(e, location, location);
    return e;
  }

  private PipelineOutput run(ObjectNode entity) {
    return pipeline.run(PipelineInput.of(entity));
  }

  private static JsonNode definition(PipelineOutput out) {
    assertThat(out.ok()).as(out.errors().toString()).isTrue();
    return out.completed().orElseThrow().at("/spec/definition").orElseThrow();
  }

  @Test
  void cs49_textPlaceholderIsResolvedRelativeToTheUrlLocation() {
    urls.serve("https://git/org/repo/blob/main/openapi.yaml", "openapi: 3.0.0\n");

    PipelineOutput out = run(api("url:" + CATALOG, "{\"$text\":\"./openapi.yaml\"}"));

    assertThat(definition(out).stringValue()).isEqualTo("openapi: 3.0.0\n");
    assertThat(out.refreshKeys()).contains("url:https://git/org/repo/blob/main/openapi.yaml");
  }

  @Test
  void jsonPlaceholder_isParsed() {
    urls.serve("https://git/org/repo/blob/main/x.json", "{\"openapi\":\"3.0.0\",\"paths\":{}}");

    ObjectNode entity = api("url:" + CATALOG, "\"inline\"");
    ((ObjectNode) entity.get("spec")).set("info", json("{\"$json\":\"./x.json\"}"));

    PipelineOutput out = run(entity);

    assertThat(out.ok()).as(out.errors().toString()).isTrue();
    assertThat(out.completed().orElseThrow().stringAt("/spec/info/openapi")).contains("3.0.0");
  }

  @Test
  void yamlPlaceholder_withOneDocumentIsParsed() {
    urls.serve("https://git/org/repo/blob/main/one.yaml", "openapi: 3.0.0\ninfo:\n  title: Pets\n");

    ObjectNode entity = api("url:" + CATALOG, "\"inline\"");
    ((ObjectNode) entity.get("spec")).set("info", json("{\"$yaml\":\"https://git/org/repo/blob/main/one.yaml\"}"));

    PipelineOutput out = run(entity);

    assertThat(out.ok()).as(out.errors().toString()).isTrue();
    assertThat(out.completed().orElseThrow().stringAt("/spec/info/info/title")).contains("Pets");
  }

  @Test
  void cs50_yamlPlaceholderWithTwoDocumentsFailsTheRun() {
    urls.serve("https://git/org/repo/blob/main/two-docs.yaml", "a: 1\n---\nb: 2\n");

    PipelineOutput out = run(api("url:" + CATALOG, "{\"$yaml\":\"./two-docs.yaml\"}"));

    assertThat(out.ok()).isFalse();
    assertThat(out.errors().toString()).contains("Processor placeholder threw an error while preprocessing")
        .contains("exactly one YAML document, found 2");
  }

  @Test
  void cs50_refObjectsAndObjectsWithOtherKeysAreLeftAlone() {
    ObjectNode entity = api("url:" + CATALOG, "\"inline\"");
    ObjectNode spec = (ObjectNode) entity.get("spec");
    spec.set("schema", json("{\"$ref\":\"#/defs/x\"}"));
    spec.set("extra", json("{\"$json\":\"./x.json\",\"other\":1}"));
    spec.set("notString", json("{\"$text\":42}"));

    PipelineOutput out = run(entity);

    assertThat(out.ok()).as(out.errors().toString()).isTrue();
    assertThat(out.completed().orElseThrow().at("/spec/schema")).contains(json("{\"$ref\":\"#/defs/x\"}"));
    assertThat(out.completed().orElseThrow().at("/spec/extra"))
        .contains(json("{\"$json\":\"./x.json\",\"other\":1}"));
    assertThat(out.completed().orElseThrow().at("/spec/notString")).contains(json("{\"$text\":42}"));
    assertThat(urls.requests).isEmpty();
  }

  @Test
  void placeholder_insideArraysIsResolved() {
    urls.serve("https://git/org/repo/blob/main/a.txt", "A");
    ObjectNode entity = api("url:" + CATALOG, "\"inline\"");
    ((ObjectNode) entity.get("spec")).set("docs", org.catalogengine.model.CanonicalJson.MAPPER.readTree("[{\"$text\":\"./a.txt\"},\"b\"]"));

    PipelineOutput out = run(entity);

    assertThat(out.completed().orElseThrow().at("/spec/docs")).contains(org.catalogengine.model.CanonicalJson.MAPPER.readTree("[\"A\",\"b\"]"));
  }

  @Test
  void placeholder_missingTargetFailsTheRun() {
    PipelineOutput out = run(api("url:" + CATALOG, "{\"$text\":\"./gone.yaml\"}"));

    assertThat(out.ok()).isFalse();
    assertThat(out.errors()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("NotFoundError");
      assertThat(e.message()).contains("https://git/org/repo/blob/main/gone.yaml");
    });
  }

  @Test
  void filePlaceholder_relativeToTheEntitysFileIsRead(@TempDir Path dir) throws IOException {
    Path svc = Files.createDirectories(dir.resolve("svc"));
    Files.createDirectories(svc.resolve("docs"));
    Files.writeString(svc.resolve("docs/api.yaml"), "openapi: 3.1.0\n");

    PipelineOutput out = run(api("file:" + svc.resolve("catalog-info.yaml"), "{\"$text\":\"./docs/api.yaml\"}"));

    assertThat(definition(out).stringValue()).isEqualTo("openapi: 3.1.0\n");
    assertThat(out.refreshKeys()).contains("file:" + svc.resolve("docs/api.yaml").toRealPath());
  }

  @Test
  void filePlaceholder_parentTraversalIsRejected(@TempDir Path dir) throws IOException {
    Path svc = Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("secret.txt"), "s3cr3t");

    PipelineOutput out = run(api("file:" + svc.resolve("catalog-info.yaml"), "{\"$text\":\"../../secret.txt\"}"));

    assertThat(out.ok()).isFalse();
    assertThat(out.errors().toString()).contains("outside the location's base directory " + svc)
        .doesNotContain("s3cr3t");
    assertThat(files.reads).isEmpty();
  }

  @Test
  void filePlaceholder_etcPasswdIsRejected(@TempDir Path dir) {
    PipelineOutput relative = run(api("file:" + dir.resolve("catalog-info.yaml"),
        "{\"$text\":\"../../../../../../../../etc/passwd\"}"));
    PipelineOutput absolute = run(api("file:" + dir.resolve("catalog-info.yaml"), "{\"$text\":\"/etc/passwd\"}"));
    PipelineOutput fileUrl = run(api("file:" + dir.resolve("catalog-info.yaml"),
        "{\"$text\":\"file:///etc/passwd\"}"));

    assertThat(relative.errors().toString()).contains("/etc/passwd, outside the location's base directory");
    assertThat(absolute.errors().toString()).contains("/etc/passwd, outside the location's base directory");
    assertThat(fileUrl.errors().toString()).contains("unsupported scheme 'file'");
    assertThat(files.reads).isEmpty();
  }

  @Test
  void filePlaceholder_symlinkEscapeIsRejected(@TempDir Path dir) throws IOException {
    Path svc = Files.createDirectories(dir.resolve("svc"));
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
    Files.createSymbolicLink(svc.resolve("link.txt"), secret);

    PipelineOutput out = run(api("file:" + svc.resolve("catalog-info.yaml"), "{\"$text\":\"./link.txt\"}"));

    assertThat(out.ok()).isFalse();
    assertThat(out.errors().toString()).contains("symbolic link").contains("outside the location's base directory")
        .doesNotContain("s3cr3t");
    assertThat(files.reads).isEmpty();
  }

  @Test
  void placeholder_relativeUnderAnUnsupportedLocationTypeIsRejected() {
    PipelineOutput out = run(api("github-discovery:org", "{\"$text\":\"./a.yaml\"}"));

    assertThat(out.ok()).isFalse();
    assertThat(out.errors().toString()).contains("only supported under url and file locations");
  }
}
