package org.catalogengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.model.TestEntities.validate;
import static org.catalogengine.model.TestEntities.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schemas of the built-in kinds (§1.4): one valid and one invalid document per kind. */
class KindSchemasTest {

  /** Per kind: a valid document, and the same document with one required spec field removed. */
  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("Component", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: petstore}
            spec: {type: service, lifecycle: production, owner: team-a, system: pets,
                   providesApis: [petstore-api], consumesApis: [], dependsOn: [resource:db],
                   dependencyOf: [component:web], subcomponentOf: shop}
            """, "lifecycle"),
        Arguments.of("API", """
            apiVersion: backstage.io/v1beta1
            kind: API
            metadata: {name: petstore-api}
            spec: {type: openapi, lifecycle: production, owner: team-a, definition: 'openapi: 3.0.0'}
            """, "definition"),
        Arguments.of("Resource", """
            apiVersion: backstage.io/v1alpha1
            kind: Resource
            metadata: {name: db}
            spec: {type: database, owner: team-a, dependsOn: [resource:disk], system: pets}
            """, "owner"),
        Arguments.of("System", """
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata: {name: pets}
            spec: {owner: team-a, domain: commerce}
            """, "owner"),
        Arguments.of("Domain", """
            apiVersion: backstage.io/v1alpha1
            kind: Domain
            metadata: {name: commerce}
            spec: {owner: team-a, subdomainOf: business, type: product}
            """, "owner"),
        Arguments.of("Group", """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a}
            spec: {type: team, profile: {displayName: Team A, email: a@example.com}, parent: org,
                   children: [], members: [jdoe]}
            """, "children"),
        Arguments.of("User", """
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: jdoe}
            spec: {profile: {displayName: Jenny Doe}, memberOf: []}
            """, "memberOf"),
        Arguments.of("Location", """
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: {name: root}
            spec: {type: url, target: 'https://example.com/catalog-info.yaml', presence: optional}
            """, null),
        Arguments.of("Template", """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: react-app}
            spec:
              type: website
              owner: team-a
              parameters: [{title: Basics, properties: {name: {type: string}}}]
              steps: [{id: fetch, name: Fetch, action: 'fetch:template', input: {url: ./skeleton}}]
              output: {links: [{title: Repo, url: 'https://example.com'}]}
            """, "steps"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void schema_acceptsAValidDocument(String kind, String doc, String required) {
    assertThat(validate(doc).problems()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void schema_namesTheMissingRequiredField(String kind, String doc, String required) {
    ObjectNode json = yaml(doc);
    String field = required == null ? "spec" : "spec." + required;
    if (required == null) {
      json.remove("spec");
    } else {
      ((ObjectNode) json.get("spec")).remove(required);
    }
    ValidationResult result = EntityValidator.defaults().validate(json);
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("kind-schema");
      assertThat(p.field()).isEqualTo(field);
      assertThat(p.message()).isEqualTo(field + " is required for kind " + kind);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Component: item type   | Component | {type: service, lifecycle: production, owner: a, providesApis: [x, 1]} | spec.providesApis[1]
      Component: empty owner | Component | {type: service, lifecycle: production, owner: ''}                    | spec.owner
      API: definition object | API       | {type: openapi, lifecycle: production, owner: a, definition: {a: 1}} | spec.definition
      Group: children map    | Group     | {type: team, children: {a: b}}                                       | spec.children
      Group: profile string  | Group     | {type: team, children: [], profile: Team A}                          | spec.profile
      Location: presence     | Location  | {type: url, presence: maybe}                                         | spec.presence
      Location: targets      | Location  | {targets: ./a.yaml}                                                  | spec.targets
      Template: step action  | Template  | {type: service, steps: [{id: x}]}                                    | spec.steps[0].action
      User: memberOf string  | User      | {memberOf: team-a}                                                   | spec.memberOf
      """)
  void schema_namesTheOffendingField(String what, String kind, String spec, String field) {
    String apiVersion = kind.equals("Template") ? "scaffolder.backstage.io/v1beta3" : "backstage.io/v1alpha1";
    ValidationResult result = validate("""
        apiVersion: %s
        kind: %s
        metadata: {name: x}
        spec: %s
        """.formatted(apiVersion, kind, spec));
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo("kind-schema");
      assertThat(p.field()).isEqualTo(field);
      assertThat(p.message()).startsWith(field);
    });
  }

  @ParameterizedTest(name = "Template {0}")
  @CsvSource({"scaffolder.backstage.io/v1beta3", "backstage.io/v1beta2", "backstage.io/v1beta3"})
  void schema_templateAcceptsCurrentAndOlderApiVersions(String apiVersion) {
    assertThat(validate("""
        apiVersion: %s
        kind: Template
        metadata: {name: t}
        spec: {type: service, steps: []}
        """.formatted(apiVersion)).problems()).isEmpty();
  }

  @Test
  void schema_templateWithCatalogApiVersionIsNotRecognized() {
    assertThat(validate("""
        apiVersion: backstage.io/v1alpha1
        kind: Template
        metadata: {name: t}
        spec: {type: service, steps: []}
        """).problems()).singleElement().extracting(ValidationProblem::rule).isEqualTo("E20");
  }

  /** Newer upstream: MCP and AI model servers are described by remotes, not by a definition. */
  @Test
  void schema_apiServersDescribedByRemotesNeedNoDefinition() {
    String api = """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: tools}
        spec: {type: %s, lifecycle: experimental, owner: team-a, remotes: [{type: streamable-http, url: %s}]}
        """;
    assertThat(validate(api.formatted("mcp-server", "'http://localhost:7007/api/mcp/v1'")).problems()).isEmpty();
    assertThat(validate(api.formatted("ai-model-server", "'http://localhost:8080/v1'")).problems()).isEmpty();
    assertThat(validate(api.formatted("mcp-server", "7")).problems()).singleElement()
        .extracting(ValidationProblem::field).isEqualTo("spec.remotes[0].url");
    assertThat(validate(api.formatted("openapi", "'http://x'")).problems()).singleElement()
        .extracting(ValidationProblem::field).isEqualTo("spec.definition");
  }

  @Test
  void schema_allowsAdditionalSpecFields() {
    assertThat(validate("""
        apiVersion: backstage.io/v1alpha1
        kind: System
        metadata: {name: pets}
        spec: {owner: team-a, lifecycle: production, custom: {nested: [1, 2]}}
        """).problems()).isEmpty();
  }

  @Test
  void schema_locationSpecMayBeEmptyButMustExist() {
    String location = """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: root}
        """;
    assertThat(validate(location + "spec: {}\n").problems()).isEmpty();
    assertThat(validate(location).problems()).singleElement().extracting(ValidationProblem::field)
        .isEqualTo("spec");
  }

  /** Every kind's schema is compiled once per JVM, however many entities are validated. */
  @Test
  void schemas_areCompiledOnceNotPerEntity() {
    List<ObjectNode> docs = new ArrayList<>();
    kinds().forEach(a -> docs.add(yaml((String) a.get()[1])));
    EntityValidator validator = EntityValidator.defaults();
    for (ObjectNode doc : docs) {
      assertThat(validator.validate(doc).valid()).isTrue();
    }
    int compiled = KindSchemas.COMPILATIONS.get();
    assertThat(compiled).isEqualTo(KindSchemas.all().size());

    EntityValidator another = EntityValidator.builder().allowUnresolvedPlaceholders(true).build();
    int valid = 0;
    for (int i = 0; i < 10_000; i++) {
      ObjectNode doc = docs.get(i % docs.size()).deepCopy();
      ((ObjectNode) doc.get("metadata")).put("name", "entity-" + i);
      valid += (i % 2 == 0 ? validator : another).validate(doc).valid() ? 1 : 0;
    }
    assertThat(valid).isEqualTo(10_000);
    assertThat(KindSchemas.COMPILATIONS.get()).isEqualTo(compiled);
  }
}
