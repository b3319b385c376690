package org.catalogengine.internal.processing;

import org.catalogengine.model.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Entity JSON builders for pipeline tests. */
final class Fixtures {

  private Fixtures() {}

  static ObjectNode json(String text) {
    return (ObjectNode) CanonicalJson.MAPPER.readTree(text);
  }

  /** A valid Component with both location annotations set to {@code location}. */
  static ObjectNode component(String name, String location) {
    return component(name, location, location);
  }

  static ObjectNode component(String name, String location, String origin) {
    ObjectNode e = json("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component",
         "metadata":{"name":"%s","annotations":{}},
         "spec":{"type":"service","lifecycle":"production","owner":"team-a"}}""".formatted(name));
    annotate(e, location, origin);
    return e;
  }

  /** A Location entity with the given spec fields (JSON object text) and annotations. */
  static ObjectNode location(String name, String specJson, String location) {
    ObjectNode e = json("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Location",
         "metadata":{"name":"%s","annotations":{}},"spec":%s}""".formatted(name, specJson));
    annotate(e, location, location);
    return e;
  }

  static void annotate(ObjectNode e, String location, String origin) {
    ObjectNode ann = (ObjectNode) e.get("metadata").get("annotations");
    ann.put(LocationAnnotations.MANAGED_BY_LOCATION, location);
    ann.put(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION, origin);
  }

  static String text(JsonNode n) {
    return n.isString() ? n.stringValue() : n.toString();
  }
}
