package org.catalogengine.model;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Builds entity JSON from YAML text blocks, so tests read like descriptor files. */
final class TestEntities {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private TestEntities() {}

  /** Parses one YAML document. */
  static ObjectNode yaml(String text) {
    return (ObjectNode) YAML.readTree(text);
  }

  /** Parses one YAML document into an entity (envelope checked only). */
  static Entity entity(String text) {
    return Entity.of(yaml(text));
  }

  /** A valid Component {@code name} in {@code namespace} owned by {@code owner}, for tweaking. */
  static ObjectNode component(String namespace, String name, String owner) {
    return yaml("""
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: %s
          namespace: %s
        spec:
          type: service
          lifecycle: production
          owner: %s
        """.formatted(name, namespace, owner));
  }

  /** The default validator's result for a YAML document. */
  static ValidationResult validate(String text) {
    return EntityValidator.defaults().validate(yaml(text));
  }

  /** Shorthand for a node at a JSON pointer. */
  static JsonNode at(Entity e, String pointer) {
    return e.toJson().at(pointer);
  }
}
