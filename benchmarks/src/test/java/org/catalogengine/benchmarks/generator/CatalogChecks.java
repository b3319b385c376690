package org.catalogengine.benchmarks.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared assertions over generated catalogs. */
final class CatalogChecks {

  static final Pattern E10_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  static final Pattern E13_TAG = Pattern.compile("^[a-z0-9+#]+(-[a-z0-9+#]+)*$");

  /** A ref-valued spec field: its default kind (null: none, E17) and the kinds its targets may have. */
  record RefField(String field, @Nullable String defaultKind, Set<String> allowedKinds) {}

  static final List<RefField> REF_FIELDS = List.of(
      new RefField("owner", "Group", Set.of("group")),
      new RefField("system", "System", Set.of("system")),
      new RefField("domain", "Domain", Set.of("domain")),
      new RefField("providesApis", "API", Set.of("api")),
      new RefField("consumesApis", "API", Set.of("api")),
      new RefField("dependsOn", null, Set.of("component", "resource")),
      new RefField("memberOf", "Group", Set.of("group")),
      new RefField("parent", "Group", Set.of("group")),
      new RefField("children", "Group", Set.of("group")),
      new RefField("members", "User", Set.of("user")));

  private CatalogChecks() {}

  static EntityRef refOf(JsonNode entity) {
    JsonNode md = entity.get("metadata");
    String ns = md.path("namespace").asString(EntityRef.DEFAULT_NAMESPACE);
    return EntityRef.of(entity.get("kind").stringValue(), ns, md.get("name").stringValue());
  }

  static Map<EntityRef, ObjectNode> byRef(List<ObjectNode> entities) {
    Map<EntityRef, ObjectNode> map = new HashMap<>();
    for (ObjectNode e : entities) {
      assertThat(map.put(refOf(e), e)).as("duplicate %s", refOf(e)).isNull();
    }
    return map;
  }

  /** Every ref-valued field of an entity, parsed with its default kind, as (field, target) pairs. */
  static List<Map.Entry<RefField, EntityRef>> refs(JsonNode entity) {
    List<Map.Entry<RefField, EntityRef>> out = new ArrayList<>();
    JsonNode spec = entity.path("spec");
    for (RefField f : REF_FIELDS) {
      JsonNode value = spec.get(f.field());
      if (value == null) {
        continue;
      }
      List<JsonNode> values = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(values::add);
      } else {
        values.add(value);
      }
      for (JsonNode v : values) {
        out.add(Map.entry(f, EntityRef.parse(v.stringValue(), f.defaultKind(), EntityRef.DEFAULT_NAMESPACE)));
      }
    }
    return out;
  }

  /** Asserts every ref in {@code entities} points at an entity of an allowed kind in {@code existing}. */
  static void assertRefsResolve(List<ObjectNode> entities, Set<EntityRef> existing) {
    for (ObjectNode e : entities) {
      for (Map.Entry<RefField, EntityRef> r : refs(e)) {
        assertThat(r.getKey().allowedKinds()).as("%s %s kind", refOf(e), r.getKey().field())
            .contains(r.getValue().kind());
        assertThat(existing).as("%s %s target", refOf(e), r.getKey().field()).contains(r.getValue());
      }
    }
  }

  /** The SHA-1 over the canonical JSON of all entities in order. */
  static String hash(List<? extends JsonNode> entities) {
    CanonicalJson.Sha1 sha = new CanonicalJson.Sha1();
    entities.forEach(sha::update);
    return sha.hex();
  }

  static Set<EntityRef> refSet(List<ObjectNode> entities) {
    Set<EntityRef> set = new HashSet<>();
    entities.forEach(e -> set.add(refOf(e)));
    return set;
  }
}
