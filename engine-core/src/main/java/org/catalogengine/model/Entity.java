package org.catalogengine.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.catalogengine.error.InputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable catalog entity: a JSON object with the envelope {@code apiVersion}, {@code kind},
 * {@code metadata} and optional {@code spec}, {@code relations}, {@code status} (spec E1–E3).
 *
 * <p>Construction checks only the envelope (spec E15): the value is an object, {@code apiVersion} and
 * {@code kind} are non-empty strings, {@code metadata} is an object whose {@code name} is a non-empty string,
 * and {@code metadata.namespace}, when present, is a non-empty string. Field formats and kind schemas are the
 * job of {@link EntityValidator}.
 *
 * <pre>{@code
 * Entity e = Entity.of(CanonicalJson.MAPPER.readTree("""
 *     {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"petstore"}}"""));
 * e.ref();                        // component:default/petstore
 * Entity titled = e.with(json -> json.withObject("metadata").put("title", "Pet Store"));
 * }</pre>
 *
 * <p>The JSON tree is copied on the way in and on the way out ({@link #toJson()}), so an {@code Entity} can be
 * shared freely between threads.
 *
 * @since 0.1 (stable)
 */
public final class Entity {

  private final ObjectNode json;
  /** {@link #toString()}, once made; racy but benign, like {@code String.hash}. */
  private volatile @Nullable String text;
  private final EntityRef ref;
  private @Nullable String hash;

  private Entity(ObjectNode json, EntityRef ref) {
    this.json = json;
    this.ref = ref;
  }

  /**
   * Wraps a copy of a JSON tree after checking its envelope.
   *
   * @param json the entity; must be an object
   * @return the entity
   * @throws InputException naming the first envelope field that is missing or of the wrong type
   */
  public static Entity of(JsonNode json) {
    Objects.requireNonNull(json, "json");
    return adopt(json.deepCopy());
  }

  /**
   * Parses JSON text into an entity.
   *
   * @throws InputException if the text is not JSON or the envelope is malformed
   */
  public static Entity parse(String jsonText) {
    JsonNode node;
    try {
      node = CanonicalJson.MAPPER.readTree(jsonText);
    } catch (RuntimeException e) {
      throw new InputException("Entity is not valid JSON: " + e.getMessage(), e);
    }
    return adopt(node);
  }

  /** Wraps a tree the caller hands over (no copy); the caller must not modify it afterwards. */
  static Entity adopt(JsonNode node) {
    return new Entity((ObjectNode) checkEnvelope(node), refOf(node));
  }

  /**
   * Checks the envelope of a JSON value without copying it (spec E15).
   *
   * @return the same node, when it is a well-formed envelope
   * @throws InputException naming what is wrong
   */
  public static JsonNode checkEnvelope(@Nullable JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InputException("Entity must be a JSON object, got " + describe(node));
    }
    requireString(node, "apiVersion", node.get("apiVersion"));
    requireString(node, "kind", node.get("kind"));
    JsonNode metadata = node.get("metadata");
    if (metadata == null || !metadata.isObject()) {
      throw new InputException("Entity field 'metadata' must be an object, got " + describe(metadata));
    }
    requireString(node, "metadata.name", metadata.get("name"));
    JsonNode namespace = metadata.get("namespace");
    if (namespace != null && !namespace.isNull()) {
      requireString(node, "metadata.namespace", namespace);
    }
    JsonNode spec = node.get("spec");
    if (spec != null && !spec.isObject()) {
      throw new InputException("Entity field 'spec' must be an object, got " + describe(spec));
    }
    return node;
  }

  private static void requireString(JsonNode entity, String path, @Nullable JsonNode value) {
    if (value == null || !value.isString() || value.stringValue().isEmpty()) {
      throw new InputException(
          "Entity field '" + path + "' must be a non-empty string, got " + describe(value) + hint(entity));
    }
  }

  private static String hint(JsonNode entity) {
    JsonNode md = entity.get("metadata");
    JsonNode name = md == null ? null : md.get("name");
    JsonNode kind = entity.get("kind");
    if (name != null && name.isString()) {
      return " (entity '" + (kind != null && kind.isString() ? kind.stringValue() + ":" : "") + name.stringValue()
          + "')";
    }
    return "";
  }

  private static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing (missing)";
    }
    if (node.isString()) {
      return node.stringValue().isEmpty() ? "an empty string" : "a string";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static EntityRef refOf(JsonNode node) {
    JsonNode md = node.get("metadata");
    JsonNode ns = md.get("namespace");
    String namespace = ns == null || ns.isNull() ? EntityRef.DEFAULT_NAMESPACE : ns.stringValue();
    return new EntityRef(node.get("kind").stringValue(), namespace, md.get("name").stringValue());
  }

  /** The canonical reference {@code kind:namespace/name} (namespace {@code default} when absent). */
  public EntityRef ref() {
    return ref;
  }

  /** {@code apiVersion} as written. */
  public String apiVersion() {
    return json.get("apiVersion").stringValue();
  }

  /** {@code kind} as written (display casing). */
  public String kind() {
    return json.get("kind").stringValue();
  }

  /** {@code metadata.name} as written. */
  public String name() {
    return metadata().get("name").stringValue();
  }

  /** {@code metadata.namespace} as written, or {@code default} when absent. */
  public String namespace() {
    JsonNode ns = metadata().get("namespace");
    return ns == null || ns.isNull() ? EntityRef.DEFAULT_NAMESPACE : ns.stringValue();
  }

  /** {@code metadata.uid}, if set. */
  public Optional<String> uid() {
    return metadataString("uid");
  }

  /** {@code metadata.etag}, if set. */
  public Optional<String> etag() {
    return metadataString("etag");
  }

  /** {@code metadata.title}, if set. */
  public Optional<String> title() {
    return metadataString("title");
  }

  /** {@code metadata.description}, if set. */
  public Optional<String> description() {
    return metadataString("description");
  }

  /** The string-valued annotations, in document order; non-string values are skipped. */
  public Map<String, String> annotations() {
    return stringMap("annotations");
  }

  /** One annotation's value, if set to a string. */
  public Optional<String> annotation(String key) {
    JsonNode a = metadata().get("annotations");
    JsonNode v = a == null ? null : a.get(key);
    return v != null && v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
  }

  /** The string-valued labels, in document order. */
  public Map<String, String> labels() {
    return stringMap("labels");
  }

  /** The string tags, in document order. */
  public List<String> tags() {
    JsonNode tags = metadata().get("tags");
    if (tags == null || !tags.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(tags.size());
    for (JsonNode t : tags) {
      if (t.isString()) {
        out.add(t.stringValue());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A copy of the value at a JSON pointer such as {@code /spec/owner}, if present. */
  public Optional<JsonNode> at(String jsonPointer) {
    JsonNode n = json.at(jsonPointer);
    return n.isMissingNode() ? Optional.empty() : Optional.of(n.deepCopy());
  }

  /** The string at a JSON pointer, if present and a string. */
  public Optional<String> stringAt(String jsonPointer) {
    JsonNode n = json.at(jsonPointer);
    return n.isString() ? Optional.of(n.stringValue()) : Optional.empty();
  }

  /** A deep copy of the entity's JSON. */
  public ObjectNode toJson() {
    return json.deepCopy();
  }

  /**
   * A new entity made by editing a copy of this one's JSON.
   *
   * @throws InputException if the edit breaks the envelope
   */
  public Entity with(Consumer<ObjectNode> edit) {
    ObjectNode copy = json.deepCopy();
    edit.accept(copy);
    return adopt(copy);
  }

  /** The key-sorted canonical JSON text. */
  public String canonicalJson() {
    return CanonicalJson.toJson(json);
  }

  /**
   * The canonical JSON text, hashed on the way: its SHA-1 becomes {@link #contentHash()} if that was not computed
   * yet. For a caller that both compares the hash and stores the body (a provider's full mutation), one
   * serialisation instead of two.
   */
  public String canonicalJsonHashed() {
    byte[] bytes = CanonicalJson.toBytes(json);
    if (hash == null) {
      hash = CanonicalJson.sha1(bytes);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The hex SHA-1 of the canonical JSON (spec S1 {@code unprocessed_hash}); computed once. */
  public String contentHash() {
    String h = hash;
    if (h == null) {
      h = CanonicalJson.sha1(json);
      hash = h;
    }
    return h;
  }

  /** Writes the canonical JSON into a running hash, without copying the tree. */
  public void hashInto(CanonicalJson.Sha1 sha) {
    sha.update(json);
  }

  /** Equal when the JSON trees are equal (key order does not matter, array order does). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Entity other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /**
   * The compact JSON text, in document key order; made once (the entity is immutable), so that a worker can make
   * it before handing the entity to a store that writes it under a lock.
   */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = json.toString();
      text = t;
    }
    return t;
  }

  /** The internal tree, without a copy, for read-only use inside this package (hot paths). */
  ObjectNode json() {
    return json;
  }

  private ObjectNode metadata() {
    return (ObjectNode) json.get("metadata");
  }

  private Optional<String> metadataString(String field) {
    JsonNode v = metadata().get(field);
    return v != null && v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
  }

  private Map<String, String> stringMap(String field) {
    JsonNode m = metadata().get(field);
    if (m == null || !m.isObject()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      if (e.getValue().isString()) {
        out.put(e.getKey(), e.getValue().stringValue());
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
