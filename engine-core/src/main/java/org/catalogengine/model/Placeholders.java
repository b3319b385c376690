package org.catalogengine.model;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Recognises unresolved placeholders ({@code {"$text": "..."}} and friends, spec B4) in raw descriptors. */
final class Placeholders {

  private Placeholders() {}

  /** True for an object with exactly one key {@code $text}, {@code $json} or {@code $yaml} holding a string. */
  static boolean isPlaceholder(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return false;
    }
    Map.Entry<String, JsonNode> only = node.properties().iterator().next();
    String key = only.getKey();
    return (key.equals("$text") || key.equals("$json") || key.equals("$yaml")) && only.getValue().isString();
  }
}
