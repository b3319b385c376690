package org.catalogengine.internal.stitching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.catalogengine.spi.storage.ConflictRecord;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Seeded generator of stitch inputs for the property tests: every seed always yields the same input. */
final class RandomEntities {

  private static final String[] KINDS = {"Component", "API", "Group", "System", "Resource"};
  private static final String[] RELATION_TYPES = {"ownedBy", "dependsOn", "partOf", "hasPart", "providesApi"};
  // upper case, non-ASCII (İ lower-cases to two chars), JSON escapes, tab/newline and a surrogate pair
  private static final String[] PIECES = {
    "a", "b", "c", "x", "y", "z", "0", "7", "-", "_", ".", "/", ":", " ", "A", "Q", "Z", "é", "İ", "ß", "\t",
    "\n", "\"", "\\", "ü", "日", "😀"
  };

  private RandomEntities() {}

  static String text(Random r, int maxLength) {
    int target = r.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder(target + 2);
    while (sb.length() < target) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  /** A key made of lower-case letters most of the time, so that T11 collisions stay rare but possible. */
  static String key(Random r) {
    int len = 1 + r.nextInt(8);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      char c = (char) ('a' + r.nextInt(6));
      sb.append(r.nextInt(40) == 0 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  static Entity entity(Random r) {
    ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
    root.put("apiVersion", "backstage.io/v1alpha1");
    root.put("kind", KINDS[r.nextInt(KINDS.length)]);
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("name", "n" + key(r));
    if (r.nextBoolean()) {
      metadata.put("namespace", "ns" + r.nextInt(3));
    }
    if (r.nextInt(4) == 0) {
      metadata.put("etag", "source-" + r.nextInt(100));
    }
    if (r.nextBoolean()) {
      metadata.put("description", text(r, 40));
    }
    ObjectNode annotations = metadata.putObject("annotations");
    for (int i = r.nextInt(5); i > 0; i--) {
      annotations.put("example.com/" + key(r), text(r, 260));
    }
    if (r.nextInt(3) == 0) {
      annotations.put("backstage.io/view-url", r.nextBoolean() ? " java\tscript:alert(1)" : "https://x/" + key(r));
    }
    ArrayNode tags = metadata.putArray("tags");
    for (int i = r.nextInt(4); i > 0; i--) {
      tags.add(text(r, 12));
    }
    root.set("spec", value(r, 3, true));
    if (r.nextInt(4) == 0) {
      root.putObject("status").putArray("items").addObject().put("type", "t").put("level", "info")
          .put("message", text(r, 20));
    }
    return Entity.of(root);
  }

  private static JsonNode value(Random r, int depth, boolean forceObject) {
    int pick = forceObject ? 0 : r.nextInt(depth > 0 ? 8 : 5);
    return switch (pick) {
      case 0, 5 -> {
        ObjectNode o = CanonicalJson.MAPPER.createObjectNode();
        for (int i = r.nextInt(5); i > 0; i--) {
          o.set(key(r), value(r, depth - 1, false));
        }
        yield o;
      }
      case 1 -> CanonicalJson.MAPPER.getNodeFactory().stringNode(text(r, 230));
      case 2 -> r.nextBoolean()
          ? CanonicalJson.MAPPER.getNodeFactory().numberNode(r.nextInt(1000) - 500)
          : CanonicalJson.MAPPER.getNodeFactory().numberNode(r.nextInt(1000) / 8.0);
      case 3 -> CanonicalJson.MAPPER.getNodeFactory().booleanNode(r.nextBoolean());
      case 4 -> CanonicalJson.MAPPER.getNodeFactory().nullNode();
      default -> {
        ArrayNode a = CanonicalJson.MAPPER.createArrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(r.nextBoolean() ? CanonicalJson.MAPPER.getNodeFactory().stringNode(text(r, 10))
              : value(r, depth - 1, false));
        }
        yield a;
      }
    };
  }

  static StitchInput input(long seed) {
    Random r = new Random(seed);
    Entity e = entity(r);
    EntityRef self = e.ref();
    List<Relation> relations = new ArrayList<>();
    for (int i = r.nextInt(7); i > 0; i--) {
      relations.add(new Relation(self, RELATION_TYPES[r.nextInt(RELATION_TYPES.length)],
          EntityRef.of("group", "default", "team-" + r.nextInt(4))));
    }
    List<ProcessingError> errors = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      errors.add(r.nextBoolean() ? ProcessingError.of("InputError", text(r, 30))
          : new ProcessingError("NotFoundError", "missing", "{\"name\":\"NotFoundError\",\"stack\":\"s\"}"));
    }
    List<ConflictRecord> conflicts = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      Instant first = Instant.ofEpochSecond(1_700_000_000L + r.nextInt(1000));
      conflicts.add(new ConflictRecord(self, "provider:provider-" + r.nextInt(3), "url:a",
          r.nextBoolean() ? null : "url:" + key(r), first, first.plusSeconds(r.nextInt(100)), 1 + r.nextInt(5)));
    }
    return new StitchInput("uid-" + seed, e, relations, errors, r.nextBoolean(), conflicts, null);
  }

  /** The same input with object keys inserted in another order and relations and conflicts permuted. */
  static StitchInput reordered(StitchInput in, long seed) {
    Random r = new Random(seed);
    Entity e = Entity.of(reorder(in.processed().toJson(), r));
    List<Relation> relations = new ArrayList<>(in.relations());
    Collections.shuffle(relations, r);
    if (!relations.isEmpty()) {
      relations.add(relations.get(0));
    }
    List<ConflictRecord> conflicts = new ArrayList<>(in.conflicts());
    Collections.shuffle(conflicts, r);
    return new StitchInput(in.entityId(), e, relations, in.errors(), in.orphan(), conflicts, in.previousHash());
  }

  private static JsonNode reorder(JsonNode node, Random r) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
      Collections.shuffle(entries, r);
      ObjectNode o = CanonicalJson.MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> e : entries) {
        o.set(e.getKey(), reorder(e.getValue(), r));
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = CanonicalJson.MAPPER.createArrayNode();
      for (JsonNode item : node) {
        a.add(reorder(item, r));
      }
      return a;
    }
    return node;
  }

  /** A changed copy of an entity: some spec values replaced, a tag added or the description dropped. */
  static Entity mutate(Entity e, long seed) {
    Random r = new Random(seed);
    return e.with(json -> {
      ObjectNode metadata = (ObjectNode) json.get("metadata");
      switch (r.nextInt(4)) {
        case 0 -> metadata.remove("description");
        case 1 -> metadata.withArray("tags").add(text(r, 10));
        case 2 -> json.set("spec", value(r, 2, true));
        default -> metadata.put("title", text(r, 30));
      }
      if (r.nextBoolean()) {
        ((ObjectNode) json.get("spec")).put(key(r), text(r, 20));
      }
    });
  }
}
