package org.catalogengine.internal.processing;

import java.util.List;
import java.util.Objects;
import org.catalogengine.model.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One error of a processing run as stored in {@code refresh_state.errors}: a name such as {@code InputError} and a message. */
public record ProcessingError(String name, String message) {

  public ProcessingError {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
  }

  /** {@code {"name":..,"message":..}}. */
  public ObjectNode toJson() {
    return CanonicalJson.MAPPER.createObjectNode().put("name", name).put("message", message);
  }

  /** The JSON array of a list of errors (what the loop stores). */
  public static ArrayNode toJson(List<ProcessingError> errors) {
    ArrayNode array = CanonicalJson.MAPPER.createArrayNode();
    for (ProcessingError e : errors) {
      array.add(e.toJson());
    }
    return array;
  }

  /** Reads an array written by {@link #toJson(List)}; non-object elements are skipped. */
  public static List<ProcessingError> fromJson(JsonNode array) {
    if (array == null || !array.isArray()) {
      return List.of();
    }
    return array.valueStream()
        .filter(JsonNode::isObject)
        .map(n -> new ProcessingError(n.path("name").asString("Error"), n.path("message").asString("")))
        .toList();
  }

  /** {@code name: message}, as shown in {@code status.items}. */
  @Override
  public String toString() {
    return name + ": " + message;
  }
}
