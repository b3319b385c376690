package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.catalogengine.TestCorpus;
import org.catalogengine.spi.processor.DescriptorParser;
import org.catalogengine.spi.processor.ParsedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the verdict of every file of Backstage's example catalog (in the shared corpus) as {@code catalog
 * validate} gives it: {@code valid}, or the rule and the start of the first problem's message. And runs every
 * file of the whole corpus, odd and broken ones included, through the parser and the validator.
 */
class CorpusVerdictTest {

  private static final EntityValidator VALIDATOR =
      EntityValidator.builder().allowUnresolvedPlaceholders(true).build();

  /** The verdict table; a file added to or removed from the corpus makes {@link #table_coversEveryFile} fail. */
  private static final String TABLE = """
      acme-corp.yaml | valid
      acme/backstage-group.yaml | valid
      acme/boxoffice-group.yaml | valid
      acme/infrastructure-group.yaml | valid
      acme/org.yaml | valid
      acme/team-a-group.yaml | valid
      acme/team-b-group.yaml | valid
      acme/team-c-group.yaml | valid
      acme/team-d-group.yaml | valid
      acme/team-e-big-name-group.yaml | valid
      ai-resources/code-review-plugin.yaml | E20 No processor recognized the entity airesource:default/code-review-plugin as valid
      ai-resources/company-ai-marketplace.yaml | E20 No processor recognized the entity airesource:default/company-ai-tools as valid
      ai-resources/frontend-design-skill.yaml | E20 No processor recognized the entity airesource:default/frontend-design as valid
      ai-resources/use-internal-apis-rule.yaml | E20 No processor recognized the entity airesource:default/use-internal-apis as valid
      all-ai-resources.yaml | valid
      all-apis.yaml | valid
      all-components.yaml | valid
      all-domains.yaml | valid
      all-environments.yaml | valid
      all-resources.yaml | valid
      all-systems.yaml | valid
      all.yaml | valid
      apis/backstage-mcp-server-api.yaml | valid
      apis/config-schema-api.yaml | valid
      apis/hello-world-api.yaml | valid
      apis/hello-world-trpc-api.yaml | valid
      apis/local-ai-model-server-api.yaml | valid
      apis/petstore-31-api.yaml | valid
      apis/petstore-api.yaml | valid
      apis/petstore-webhook-api.yaml | valid
      apis/petstore-webhook.oas.yaml | E15 Entity field 'apiVersion' must be a non-empty string
      apis/petstore.oas.yaml | E15 Entity field 'apiVersion' must be a non-empty string
      apis/spotify-api.yaml | valid
      apis/streetlights-api.yaml | valid
      apis/swapi-graphql.yaml | valid
      apis/wayback-archive-api.yaml | valid
      apis/wayback-search-api.yaml | valid
      components/artist-lookup-component.yaml | valid
      components/different-namespace.yaml | valid
      components/invalid-component.yaml | E10 metadata.name 'invalid component' is not valid
      components/petstore-component.yaml | valid
      components/playback-lib-component.yaml | valid
      components/playback-order-component.yaml | valid
      components/podcast-api-component.yaml | valid
      components/queue-proxy-component.yaml | valid
      components/searcher-component.yaml | valid
      components/shuffle-api-component.yaml | valid
      components/wayback-archive-component.yaml | valid
      components/wayback-archive-ingestion-component.yaml | valid
      components/wayback-archive-storage-component.yaml | valid
      components/wayback-search-component.yaml | valid
      components/www-artist-component.yaml | valid
      domains/artists-domain.yaml | valid
      domains/audio-domain.yaml | valid
      domains/playback-domain.yaml | valid
      environments/dev.yaml | E20 No processor recognized the entity environment:default/dev as valid
      environments/prod.yaml | E20 No processor recognized the entity environment:default/prod as valid
      resources/artists-db-resource.yaml | valid
      systems/artist-engagement-portal-system.yaml | valid
      systems/audio-playback-system.yaml | valid
      systems/podcast-system.yaml | valid
      """;

  private static Map<String, String> table() {
    Map<String, String> rows = new TreeMap<>();
    TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
      int bar = line.indexOf(" | ");
      rows.put(line.substring(0, bar), line.substring(bar + 3));
    });
    return rows;
  }

  /** "valid", or "RULE message" of the first problem (parse failures count as rule B2). */
  private static String verdict(Path file) {
    for (ParsedDocument doc : DescriptorParser.defaults().parse(file)) {
      if (doc instanceof ParsedDocument.Failed failed) {
        return "B2 " + failed.message();
      }
      ValidationResult result = VALIDATOR.validate(((ParsedDocument.Parsed) doc).json());
      if (!result.valid()) {
        ValidationProblem first = result.problems().get(0);
        return first.rule() + " " + first.message();
      }
    }
    return "valid";
  }

  @Test
  void table_coversEveryFile() {
    Path examples = TestCorpus.root().resolve("backstage-examples");
    List<String> files = TestCorpus.descriptorFiles(examples).stream()
        .map(p -> examples.relativize(p).toString().replace('\\', '/'))
        .sorted()
        .toList();
    assertThat(files).containsExactlyElementsOf(table().keySet());
  }

  @Test
  void backstageExamples_eachFileHasItsPinnedVerdict() {
    Path examples = TestCorpus.root().resolve("backstage-examples");
    Map<String, String> mismatches = new LinkedHashMap<>();
    table().forEach((file, expected) -> {
      String actual = verdict(examples.resolve(file));
      boolean ok = expected.equals("valid") ? actual.equals("valid") : actual.startsWith(expected);
      if (!ok) {
        mismatches.put(file, "expected <" + expected + "> but was <" + actual + ">");
      }
    });
    assertThat(mismatches).as("files whose verdict changed").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      components/invalid-component.yaml | metadata.name
      apis/petstore.oas.yaml            | apiVersion
      """)
  void invalidExamples_nameTheOffendingField(String file, String field) {
    assertThat(verdict(TestCorpus.root().resolve("backstage-examples").resolve(file))).contains(field);
  }

  @Test
  void wholeCorpus_everyFileParsesAndValidatesWithoutAnUnexpectedException() {
    Path root = TestCorpus.root();
    List<Path> files = TestCorpus.descriptorFiles(root);
    int valid = 0;
    int invalid = 0;
    int unreadable = 0;
    List<String> emptyMessages = new ArrayList<>();
    for (Path file : files) {
      for (ParsedDocument doc : DescriptorParser.defaults().parse(file)) {
        if (doc instanceof ParsedDocument.Failed failed) {
          unreadable++;
          if (failed.message().isBlank()) {
            emptyMessages.add(file + ":" + failed.line());
          }
          continue;
        }
        ValidationResult result = VALIDATOR.validate(((ParsedDocument.Parsed) doc).json());
        if (result.valid()) {
          valid++;
        } else {
          invalid++;
          result.problems().stream().filter(p -> p.message().isBlank())
              .forEach(p -> emptyMessages.add(file + ": " + p.rule()));
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(100);
    assertThat(emptyMessages).as("problems without a message").isEmpty();
    // Most real descriptors are valid; the broken ones are the corpus's deliberate oddities.
    assertThat(valid).isGreaterThan(3 * (invalid + unreadable));
  }
}
