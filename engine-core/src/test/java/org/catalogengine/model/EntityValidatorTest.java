package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.model.TestEntities.validate;
import static org.catalogengine.model.TestEntities.yaml;

import java.util.Set;
import org.catalogengine.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** The validation stages, their ordering and the shape of the problems they report. */
class EntityValidatorTest {

  private static final String API_WITH_PLACEHOLDER = """
      apiVersion: backstage.io/v1alpha1
      kind: API
      metadata:
        name: petstore-api
        description: {$text: ./README.md}
      spec:
        type: openapi
        lifecycle: production
        owner: team-a
        definition: {$text: ./openapi.yaml}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      no metadata            | {apiVersion: v1, kind: Component}                                   | metadata
      numeric name           | {apiVersion: v1, kind: Component, metadata: {name: 42}}             | metadata.name
      missing kind           | {apiVersion: v1, metadata: {name: x}}                               | kind
      empty apiVersion       | {apiVersion: '', kind: Component, metadata: {name: x}}              | apiVersion
      empty namespace        | {apiVersion: v1, kind: Component, metadata: {name: x, namespace: ''}} | metadata.namespace
      spec not an object     | {apiVersion: v1, kind: Component, metadata: {name: x}, spec: [1]}   | spec
      not an object          | [1, 2]                                                              | ""
      """)
  void validate_brokenEnvelopeIsOneE15ProblemAndNoEntity(String what, String json, String field) {
    ValidationResult result = EntityValidator.defaults().validate(yaml0(json));
    assertThat(result.entity()).isNull();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E15");
      assertThat(p.field()).isEqualTo(field);
      assertThat(p.ref()).isNull();
    });
  }

  @Test
  void validate_nullIsAnE15ProblemNotAnException() {
    assertThat(EntityValidator.defaults().validate(null).problems())
        .singleElement().extracting(ValidationProblem::rule).isEqualTo("E15");
  }

  @Test
  void validate_writesTheDefaultNamespaceAndLeavesTheInputAlone() {
    ObjectNode input = yaml("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: team-a}
        """);
    ObjectNode before = input.deepCopy();
    ValidationResult result = EntityValidator.defaults().validate(input);
    assertThat(result.valid()).isTrue();
    assertThat(result.entity().toJson().at("/metadata/namespace").stringValue()).isEqualTo("default");
    assertThat(input).isEqualTo(before);
  }

  @Test
  void validate_reportsProblemsOfAllStagesTogether() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
          labels: {tier: -front}
          annotations: {"bad key!": x}
          tags: [ok, Bad]
        spec: {type: service, lifecycle: production}
        status: {}
        """);
    assertThat(result.problems()).extracting(ValidationProblem::rule, ValidationProblem::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("E1", "status"),
        org.assertj.core.groups.Tuple.tuple("E12", "metadata.labels.tier"),
        org.assertj.core.groups.Tuple.tuple("E12", "metadata.annotations[\"bad key!\"]"),
        org.assertj.core.groups.Tuple.tuple("E13", "metadata.tags[1]"),
        org.assertj.core.groups.Tuple.tuple("kind-schema", "spec.owner"));
    assertThat(result.entity()).isNotNull();
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.ref())
        .isEqualTo(EntityRef.of("component", "default", "petstore")));
  }

  @Test
  void validate_annotationKeysWithDotsAndSlashesAreBracketQuotedInPaths() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
          annotations: {backstage.io/techdocs-ref: 42}
        spec: {type: service, lifecycle: production, owner: team-a}
        """);
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("metadata.annotations[\"backstage.io/techdocs-ref\"]");
      assertThat(p.message()).contains("must be a string").contains("42");
    });
  }

  @Test
  void validate_truncatesLongOffendingValues() {
    String longTag = "X".repeat(5000);
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore, tags: [%s]}
        spec: {type: service, lifecycle: production, owner: team-a}
        """.formatted(longTag));
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("(5000 chars)");
      assertThat(p.message().length()).isLessThan(300);
    });
  }

  @Test
  void validate_schemaProblemsSuppressReferenceParsing() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: 42}
        """);
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("kind-schema");
      assertThat(p.field()).isEqualTo("spec.owner");
      assertThat(p.message()).contains("string").contains("42");
    });
  }

  @Test
  void validate_badReferencesAreReportedAlongsideOtherSchemaProblems() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore}
        spec: {type: service, owner: team-a, dependsOn: [db, 5]}
        """);
    assertThat(result.problems()).extracting(ValidationProblem::rule, ValidationProblem::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("kind-schema", "spec.dependsOn[1]"),
            org.assertj.core.groups.Tuple.tuple("kind-schema", "spec.lifecycle"),
            org.assertj.core.groups.Tuple.tuple("E17", "spec.dependsOn[0]"));
  }

  @Test
  void validate_unresolvedPlaceholdersAreRejectedByDefault() {
    ValidationResult result = validate(API_WITH_PLACEHOLDER);
    assertThat(result.problems()).extracting(ValidationProblem::rule, ValidationProblem::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("E2", "metadata.description"),
        org.assertj.core.groups.Tuple.tuple("kind-schema", "spec.definition"));
  }

  @Test
  void validate_unresolvedPlaceholdersAreAcceptedWhenAllowed() {
    EntityValidator cli = EntityValidator.builder().allowUnresolvedPlaceholders(true).build();
    assertThat(cli.validate(yaml(API_WITH_PLACEHOLDER)).problems()).isEmpty();
    // Also where a list is expected, and inside lists.
    assertThat(cli.validate(yaml("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore, tags: {$json: ./tags.json}, links: [{url: {$text: ./url.txt}}]}
        spec: {type: service, lifecycle: production, owner: team-a, providesApis: {$yaml: ./apis.yaml},
               consumesApis: [{$text: ./api.txt}]}
        """)).problems()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      two keys          | {$text: ./a, $json: ./b}
      unknown resolver  | {$ref: ./a}
      non-string value  | {$text: 42}
      """)
  void validate_objectsThatAreNotPlaceholdersStayInvalid(String what, String value) {
    EntityValidator cli = EntityValidator.builder().allowUnresolvedPlaceholders(true).build();
    ValidationResult result = cli.validate(yaml(API_WITH_PLACEHOLDER.replace("{$text: ./openapi.yaml}", value)));
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("kind-schema");
      assertThat(p.field()).isEqualTo("spec.definition");
    });
  }

  @Test
  void validate_builtinKindWithForeignApiVersionIsNotRecognized() {
    ValidationResult result = validate("""
        apiVersion: example.com/v1
        kind: Component
        metadata: {name: petstore}
        spec: {}
        """);
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E20");
      assertThat(p.message())
          .startsWith("No processor recognized the entity component:default/petstore as valid")
          .contains("'example.com/v1'").contains("backstage.io/v1alpha1");
    });
  }

  @Test
  void validate_kindIsRecognizedCaseSensitivelyAsUpstream() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: component
        metadata: {name: petstore}
        spec: {type: service, lifecycle: production, owner: team-a}
        """);
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("E20");
      assertThat(p.message()).contains("spelled 'Component'");
    });
  }

  @Test
  void validate_additionalKindIsAcceptedWithoutSchema() {
    EntityValidator validator = EntityValidator.builder().additionalKind("Widget").build();
    ValidationResult result = validator.validate(yaml("""
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gizmo, namespace: Tools}
        spec: {anything: [1, 2]}
        """));
    assertThat(result.problems()).isEmpty();
    assertThat(result.entity().ref().toString()).isEqualTo("widget:tools/gizmo");
  }

  @Test
  void validate_additionalKindRestrictedToApiVersions() {
    EntityValidator validator = EntityValidator.builder()
        .additionalKind("Widget", Set.of("example.com/v2")).build();
    String doc = """
        apiVersion: example.com/%s
        kind: Widget
        metadata: {name: gizmo}
        """;
    assertThat(validator.validate(yaml(doc.formatted("v2"))).problems()).isEmpty();
    assertThat(validator.validate(yaml(doc.formatted("v1"))).problems())
        .singleElement().extracting(ValidationProblem::rule).isEqualTo("E20");
  }

  @Test
  void validate_kindRecognizerSeesTheNormalisedEntity() {
    EntityValidator validator = EntityValidator.builder()
        .kindRecognizer(e -> e.kind().equals("Widget") && e.namespace().equals("tools")).build();
    assertThat(validator.validate(yaml("""
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gizmo, namespace: TOOLS}
        """)).problems()).isEmpty();
  }

  @Test
  void validate_failingKindRecognizerIsReportedNotThrown() {
    EntityValidator validator = EntityValidator.builder()
        .kindRecognizer(e -> {
          throw new IllegalStateException("boom");
        }).build();
    ValidationResult result = validator.validate(yaml("""
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: gizmo}
        """));
    assertThat(result.problems()).extracting(ValidationProblem::message)
        .anySatisfy(m -> assertThat(m).contains("boom"))
        .anySatisfy(m -> assertThat(m).startsWith("No processor recognized"));
  }

  @Test
  void builder_rejectsAnInvalidAdditionalKind() {
    assertThatThrownBy(() -> EntityValidator.builder().additionalKind("my-kind"))
        .isInstanceOf(InputException.class).hasMessageContaining("'my-kind'").hasMessageContaining("E9");
  }

  @Test
  void validate_linkFieldsAreCheckedOneByOne() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: petstore
          links:
            - {url: 'https://example.com', title: ' ', icon: -bad, type: 7}
            - not-an-object
        spec: {type: service, lifecycle: production, owner: team-a}
        """);
    assertThat(result.problems()).extracting(ValidationProblem::field).containsExactly(
        "metadata.links[0].title", "metadata.links[0].icon", "metadata.links[0].type", "metadata.links[1]");
    assertThat(result.problems()).extracting(ValidationProblem::rule).containsOnly("E14");
  }

  @Test
  void validate_metadataFieldTypesAreChecked() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore, title: [x], labels: [a], tags: java, links: {url: x}}
        spec: {type: service, lifecycle: production, owner: team-a}
        """);
    assertThat(result.problems()).extracting(ValidationProblem::rule, ValidationProblem::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("E2", "metadata.title"),
        org.assertj.core.groups.Tuple.tuple("E12", "metadata.labels"),
        org.assertj.core.groups.Tuple.tuple("E13", "metadata.tags"),
        org.assertj.core.groups.Tuple.tuple("E14", "metadata.links"));
  }

  @Test
  void validate_formatRulesOfEnvelopeFields() {
    ValidationResult result = validate("""
        apiVersion: Backstage.io/v1alpha1
        kind: My-Kind
        metadata: {name: petstore}
        """);
    assertThat(result.problems()).extracting(ValidationProblem::rule)
        .containsExactly("E8", "E9", "E20");
  }

  @Test
  void validate_extraMetadataKeysAreCarriedThrough() {
    ValidationResult result = validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: petstore, owner-note: keep me}
        spec: {type: service, lifecycle: production, owner: team-a}
        """);
    assertThat(result.problems()).isEmpty();
    assertThat(result.entity().toJson().at("/metadata/owner-note").stringValue()).isEqualTo("keep me");
  }

  /** YAML flow text that may be a bare array. */
  private static tools.jackson.databind.JsonNode yaml0(String text) {
    return tools.jackson.dataformat.yaml.YAMLMapper.builder().build().readTree(text);
  }
}
