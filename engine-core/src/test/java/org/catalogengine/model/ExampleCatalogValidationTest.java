package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.catalogengine.TestCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates Backstage's own example catalog (from the shared corpus, never copied into the repository): every
 * entity of a built-in kind is valid except the one the examples mark as intentionally invalid.
 */
class ExampleCatalogValidationTest {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** One document of the corpus with where it came from. */
  private record Doc(String file, JsonNode json) {}

  @Test
  void validate_backstageExampleCatalog() throws IOException {
    Path root = corpus().resolve("backstage-examples");
    // The CLI setting: the examples use $text placeholders that are resolved only at ingest.
    EntityValidator validator = EntityValidator.builder().allowUnresolvedPlaceholders(true).build();
    List<Doc> docs = documents(root);
    assertThat(docs).hasSizeGreaterThan(50);

    List<String> unexpected = new ArrayList<>();
    int builtin = 0;
    for (Doc doc : docs) {
      JsonNode kind = doc.json().get("kind");
      if (!doc.json().has("apiVersion") || kind == null) {
        continue; // API definition files (OpenAPI, AsyncAPI) that $text placeholders point at
      }
      ValidationResult result = validator.validate(doc.json());
      boolean isBuiltin = KindSchemas.lookup(kind.asString()).isPresent();
      if (doc.file().endsWith("components/invalid-component.yaml")) {
        assertThat(result.problems()).extracting(ValidationProblem::rule).contains("E10");
      } else if (isBuiltin) {
        builtin++;
        if (!result.valid()) {
          unexpected.add(doc.file() + ": " + result.problems());
        }
      } else {
        // Newer upstream kinds (Environment, AiResource) need their own processor (E20).
        assertThat(result.problems()).as(doc.file()).extracting(ValidationProblem::rule).containsExactly("E20");
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(builtin).isGreaterThan(40);
  }

  private static List<Doc> documents(Path root) throws IOException {
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (it.hasNext()) {
            JsonNode node = it.next();
            if (node != null && node.isObject()) {
              docs.add(new Doc(name, node));
            }
          }
        }
      }
    }
    return docs;
  }

  private static Path corpus() {
    return TestCorpus.root();
  }
}
