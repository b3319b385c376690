package org.catalogengine.benchmarks.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.EntityRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;

class WritersTest {

  @TempDir Path tmp;

  @Test
  void yamlTree_readsBackAsTheSameEntitiesAndRootListsEveryFile() throws IOException {
    List<ObjectNode> entities = CatalogGenerator.generate(2_500, 5L);
    try (YamlTreeWriter writer = YamlTreeWriter.open(tmp)) {
      entities.forEach(writer::write);
      assertThat(writer.files()).containsExactly("entities-0001.yaml", "entities-0002.yaml", "entities-0003.yaml");
    }

    JsonNode root = YamlTreeWriter.YAML.readTree(tmp.resolve("all.yaml").toFile());
    assertThat(root.get("kind").stringValue()).isEqualTo("Location");
    List<String> targets = new ArrayList<>();
    root.get("spec").get("targets").forEach(t -> targets.add(t.stringValue()));
    assertThat(targets).containsExactly("./entities-0001.yaml", "./entities-0002.yaml", "./entities-0003.yaml");

    List<JsonNode> reread = new ArrayList<>();
    for (String target : targets) {
      Path file = tmp.resolve(target).normalize();
      try (MappingIterator<JsonNode> docs = YamlTreeWriter.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
        docs.forEachRemaining(doc -> {
          JsonNode annotations = doc.get("metadata").get("annotations");
          assertThat(annotations.get(CatalogGenerator.LOCATION_ANNOTATION).stringValue()).isEqualTo("file:" + file);
          assertThat(annotations.get(CatalogGenerator.ORIGIN_LOCATION_ANNOTATION).stringValue())
              .isEqualTo("file:" + tmp.toAbsolutePath().normalize().resolve("all.yaml"));
          reread.add(doc);
        });
      }
    }
    assertThat(reread).hasSize(2_500);
    for (int i = 0; i < entities.size(); i++) {
      ObjectNode expected = entities.get(i).deepCopy();
      ObjectNode annotations = (ObjectNode) expected.get("metadata").get("annotations");
      annotations.set(CatalogGenerator.LOCATION_ANNOTATION,
          reread.get(i).get("metadata").get("annotations").get(CatalogGenerator.LOCATION_ANNOTATION));
      annotations.put(CatalogGenerator.ORIGIN_LOCATION_ANNOTATION,
          "file:" + tmp.toAbsolutePath().normalize().resolve("all.yaml"));
      assertThat(CanonicalJson.toJson(reread.get(i))).isEqualTo(CanonicalJson.toJson(expected));
    }
    assertThat(Files.readString(tmp.resolve("entities-0001.yaml"), StandardCharsets.UTF_8)).startsWith("---");
  }

  @Test
  void yamlTree_deltaKeepsSurvivingEntitiesInTheirBaseFile() {
    List<ObjectNode> base = CatalogGenerator.generate(2_500, 5L);
    DeltaScenario delta = CatalogGenerator.next(base, 3L, 0.01, 0.01, 0.01);
    Path baseDir = tmp.resolve("base");
    Path nextDir = tmp.resolve("next");
    Map<EntityRef, String> baseFiles = filesByRef(base, baseDir);
    Map<EntityRef, String> nextFiles = filesByRef(delta.entities(), nextDir);

    for (EntityRef added : delta.refs().added()) {
      assertThat(nextFiles.get(added)).isEqualTo("entities-0004.yaml");
    }
    nextFiles.forEach((ref, file) -> {
      if (baseFiles.containsKey(ref)) {
        assertThat(file).as("%s", ref).isEqualTo(baseFiles.get(ref));
      }
    });
  }

  @Test
  void yamlTree_rejectsEntitiesOfOneFileThatAreNotConsecutive() {
    List<ObjectNode> entities = CatalogGenerator.generate(2_000, 5L);
    try (YamlTreeWriter writer = YamlTreeWriter.open(tmp)) {
      writer.write(entities.get(0));
      writer.write(entities.get(1_500));
      assertThatThrownBy(() -> writer.write(entities.get(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("entities-0001.yaml");
    }
  }

  @Test
  void yamlTree_entitiesWithoutGeneratedLocationFillFilesOfAThousand() {
    try (YamlTreeWriter writer = YamlTreeWriter.open(tmp)) {
      CatalogGenerator.generate(2_100, 5L, e -> {
        ((ObjectNode) e.get("metadata")).remove("annotations");
        writer.write(e);
      });
      assertThat(writer.files()).containsExactly("entities-0001.yaml", "entities-0002.yaml", "entities-0003.yaml");
      assertThat(writer.count()).isEqualTo(2_100);
    }
  }

  @Test
  void jsonLines_writesOneCanonicalEntityPerLine() throws IOException {
    List<ObjectNode> entities = CatalogGenerator.generate(1_000, 5L);
    Path file = tmp.resolve("out/entities.jsonl");
    try (JsonLinesWriter writer = JsonLinesWriter.open(file)) {
      entities.forEach(writer::write);
      assertThat(writer.count()).isEqualTo(1_000);
    }

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1_000);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).isEqualTo(CanonicalJson.toJson(entities.get(i)));
      assertThat(CanonicalJson.MAPPER.readTree(lines.get(i))).isEqualTo(entities.get(i));
    }
  }

  @Test
  void generateMain_writesBaseNextAndDeltaSummary() throws IOException {
    DeltaRefs refs = GenerateMain.run(1_000, 42L, tmp, "yaml", true, 43L);

    assertThat(tmp.resolve("base/all.yaml")).exists();
    assertThat(tmp.resolve("next/all.yaml")).exists();
    JsonNode summary = CanonicalJson.MAPPER.readTree(Files.readString(tmp.resolve("delta.json")));
    assertThat(summary.get("changed").size()).isEqualTo(10);
    assertThat(summary.get("removed").size()).isEqualTo(10);
    assertThat(summary.get("added").size()).isEqualTo(10);
    assertThat(summary.get("added").get(0).stringValue()).isEqualTo(refs.added().get(0).toString());
  }

  private static Map<EntityRef, String> filesByRef(List<ObjectNode> entities, Path dir) {
    try (YamlTreeWriter writer = YamlTreeWriter.open(dir)) {
      entities.forEach(writer::write);
    }
    Map<EntityRef, String> files = new HashMap<>();
    try (var list = Files.list(dir)) {
      for (Path file : list.filter(p -> p.getFileName().toString().startsWith("entities-")).toList()) {
        try (MappingIterator<JsonNode> docs = YamlTreeWriter.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          docs.forEachRemaining(doc -> files.put(CatalogChecks.refOf(doc), file.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return files;
  }
}
