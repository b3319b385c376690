package org.catalogengine.benchmarks.jmh;

import org.catalogengine.benchmarks.generator.CatalogGenerator;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.EntityValidator;
import org.catalogengine.model.ValidationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation of one unprocessed entity with {@link EntityValidator#defaults()} (envelope, policies, field formats,
 * kind schema, relation references). The built-in relations of an entity are {@link BuiltinRelationsBenchmark}'s.
 *
 * <p>Workload: {@link #validate} takes one valid entity of each built-in kind ({@code kind}): the first entity of
 * that kind in the generated catalog (seed {@value Fixtures#SEED}) for Component, API, Resource, System, Domain,
 * Group and User; a small Location with two targets and a scaffolder Template with one parameter and two steps,
 * written here, for the kinds the generator does not produce. Entities are built in setup.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ValidationBenchmark
 * java -jar benchmarks/target/benchmarks.jar ValidationBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class ValidationBenchmark extends JmhDefaults {

  /** One entity of a built-in kind and the default validator. */
  @State(Scope.Benchmark)
  public static class KindState {

    /** The built-in kind of the validated entity. */
    @Param({"Component", "API", "Resource", "System", "Domain", "Group", "User", "Location", "Template"})
    public String kind = "Component";

    final EntityValidator validator = EntityValidator.defaults();
    JsonNode entity = CanonicalJson.MAPPER.nullNode();

    /** Picks or builds the entity of {@link #kind}. */
    @Setup
    public void setup() {
      entity = entityOf(kind);
    }
  }

  /** Validates one entity. */
  @Benchmark
  public ValidationResult validate(KindState state) {
    return state.validator.validate(state.entity);
  }

  /** A valid entity of a built-in kind. */
  static JsonNode entityOf(String kind) {
    return switch (kind) {
      case "Location" -> CanonicalJson.MAPPER.readTree("""
          {"apiVersion":"backstage.io/v1alpha1","kind":"Location",
           "metadata":{"name":"bench-location","description":"Two catalog files of the benchmark catalog."},
           "spec":{"type":"url","targets":["https://example.com/catalog/entities-0001.yaml",
                                           "https://example.com/catalog/entities-0002.yaml"]}}""");
      case "Template" -> CanonicalJson.MAPPER.readTree("""
          {"apiVersion":"scaffolder.backstage.io/v1beta3","kind":"Template",
           "metadata":{"name":"bench-service-template","title":"Benchmark service","tags":["java"]},
           "spec":{"owner":"group:default/platform","type":"service",
                   "parameters":[{"title":"Name","required":["name"],
                                  "properties":{"name":{"type":"string","description":"Service name"}}}],
                   "steps":[{"id":"fetch","name":"Fetch","action":"fetch:template",
                             "input":{"url":"./skeleton","values":{"name":"${{ parameters.name }}"}}},
                            {"id":"register","name":"Register","action":"catalog:register",
                             "input":{"catalogInfoPath":"/catalog-info.yaml"}}]}}""");
      default -> firstGenerated(kind);
    };
  }

  private static ObjectNode firstGenerated(String kind) {
    for (ObjectNode e : CatalogGenerator.generate(1_000, Fixtures.SEED)) {
      if (kind.equals(e.path("kind").asString())) {
        return e;
      }
    }
    throw new IllegalArgumentException("the generated catalog has no entity of kind '" + kind + "'");
  }
}
