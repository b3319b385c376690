package org.catalogengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.catalogengine.model.BuiltinRelations;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityValidator;
import org.catalogengine.model.Relation;
import org.catalogengine.model.ValidationResult;
import org.catalogengine.spi.processor.DescriptorParser;
import org.catalogengine.spi.processor.ParsedDocument;
import org.junit.jupiter.api.Test;

/** The README's embedding example, kept here so it cannot rot: the README shows the body of {@link #check}. */
class ReadmeExampleTest {

  /** Parses a descriptor, validates each entity, and lists problems and relations. */
  static List<String> check(String source, byte[] yaml) {
    // --- README: validate ---
    DescriptorParser parser = DescriptorParser.defaults();          // 10 MiB, depth and alias limits
    EntityValidator validator = EntityValidator.defaults();         // envelope, field formats, kind schemas
    List<String> report = new ArrayList<>();
    for (ParsedDocument doc : parser.parse(source, yaml)) {
      if (doc instanceof ParsedDocument.Failed failed) {
        report.add(failed.source() + ":" + failed.line() + ": " + failed.message());
      } else if (doc instanceof ParsedDocument.Parsed parsed) {
        ValidationResult result = validator.validate(parsed.json());
        result.problems().forEach(p -> report.add(source + ":" + parsed.line() + ": " + p + " [" + p.rule() + "]"));
        if (result.valid()) {
          Entity entity = result.entity();                           // normalised: namespace written
          for (Relation r : BuiltinRelations.of(entity)) {
            report.add(r.toString());                                // component:default/petstore -ownedBy-> ...
          }
        }
      }
    }
    // --- README: end ---
    return report;
  }

  @Test
  void readmeExample_reportsRelationsOfAValidEntityAndProblemsOfAnInvalidOne() {
    String yaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: team-a}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore-ui, tags: [Web]}
        spec: {type: website, lifecycle: production, owner: team-a}
        """;

    List<String> report = check("catalog-info.yaml", yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(report).containsExactly(
        "component:default/petstore -ownedBy-> group:default/team-a",
        "group:default/team-a -ownerOf-> component:default/petstore",
        "catalog-info.yaml:6: component:default/petstore-ui: Tag 'Web' of metadata.tags[0] is not valid: expected "
            + "1-63 lower-case characters [a-z0-9:+#] in runs separated by single '-' [E13]");
  }
}
