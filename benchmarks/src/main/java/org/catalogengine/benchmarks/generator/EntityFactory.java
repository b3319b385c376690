package org.catalogengine.benchmarks.generator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.catalogengine.model.CanonicalJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds one entity body of each kind from a per-entity random source; shared by the base and delta paths. */
final class EntityFactory {

  static final String API_VERSION = "backstage.io/v1alpha1";
  static final String LOCATION = "backstage.io/managed-by-location";
  static final String ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";

  private static final String[] WORDS = {
    "alpha", "atlas", "beacon", "cobalt", "delta", "ember", "falcon", "garnet", "harbor", "iris", "juniper",
    "kestrel", "lumen", "maple", "nova", "orbit", "pixel", "quartz", "raven", "sierra", "tundra", "umbra",
    "vertex", "willow", "xenon", "yarrow", "zephyr", "checkout", "billing", "search", "payments", "inventory",
    "shipping", "catalog", "identity", "ledger", "metrics", "notify", "profile", "report"
  };
  private static final String[] FIRST = {
    "ada", "alan", "barbara", "claude", "dennis", "edsger", "frances", "grace", "hedy", "john", "ken", "leslie",
    "margaret", "niklaus", "radia", "shafi", "tim", "vint", "whitfield", "yukihiro"
  };
  private static final String[] LAST = {
    "lovelace", "turing", "liskov", "shannon", "ritchie", "dijkstra", "allen", "hopper", "lamarr", "backus",
    "thompson", "lamport", "hamilton", "wirth", "perlman", "goldwasser", "berners-lee", "cerf", "diffie",
    "matsumoto"
  };
  // Includes '+' and '#' on purpose: both are legal tag characters (E13) that naive validators reject.
  private static final String[] TAGS = {
    "java", "go", "python", "typescript", "kotlin", "rust", "c++", "c#", "grpc", "rest", "graphql", "kafka",
    "postgres", "internal", "public", "tier-1", "pci", "gdpr"
  };
  static final String[] LIFECYCLES = {"experimental", "production", "deprecated"};
  private static final String[] COMPONENT_TYPES = {"service", "website", "library"};
  private static final String[] API_TYPES = {"openapi", "asyncapi", "graphql", "grpc"};
  private static final String[] RESOURCE_TYPES = {"database", "s3-bucket", "cluster", "queue"};

  private EntityFactory() {}

  /** Source of ref targets: how many entities of a kind may be referenced and the name of the i-th. */
  interface RefPool {
    int count(GenKind kind);

    String name(GenKind kind, int index);

    /** A random target name of {@code kind}; the pool must not be empty for that kind. */
    default String pick(SplittableRandom rng, GenKind kind) {
      return name(kind, rng.nextInt(count(kind)));
    }

    /** Up to {@code max} distinct random target names, never {@code self}. */
    default List<String> pickDistinct(SplittableRandom rng, GenKind kind, int max, @Nullable String self) {
      int available = count(kind);
      Set<String> picked = new LinkedHashSet<>();
      for (int attempt = 0; picked.size() < max && attempt < max * 3 && available > 0; attempt++) {
        String name = name(kind, rng.nextInt(available));
        if (!name.equals(self)) {
          picked.add(name);
        }
      }
      return List.copyOf(picked);
    }
  }

  /** A 64-bit mix of the seed, a salt and an index (SplitMix64 finalizer), for independent per-entity streams. */
  static long mix(long seed, long salt, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (salt + 1) + 0xBF58476D1CE4E5B9L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The generated name of the {@code index}-th entity of a kind; unique per kind because the index is in it. */
  static String name(long seed, GenKind kind, String indexPart) {
    long h = mix(seed, 100 + kind.ordinal(), indexPart.hashCode());
    int a = (int) ((h >>> 1) % 1_000_003);
    if (kind == GenKind.USER) {
      return FIRST[a % FIRST.length] + "." + LAST[(a / FIRST.length) % LAST.length] + "-" + indexPart;
    }
    return WORDS[a % WORDS.length] + "-" + kind.infix + "-" + indexPart;
  }

  static ObjectNode envelope(GenKind kind, String name, String description, String location, String origin) {
    ObjectNode e = CanonicalJson.MAPPER.createObjectNode();
    e.put("apiVersion", API_VERSION);
    e.put("kind", kind.kindName);
    ObjectNode md = e.putObject("metadata");
    md.put("name", name);
    md.put("description", description);
    ObjectNode annotations = md.putObject("annotations");
    annotations.put(LOCATION, location);
    annotations.put(ORIGIN_LOCATION, origin);
    e.putObject("spec");
    return e;
  }

  /** Builds an entity of a non-Group, non-User kind. */
  static ObjectNode build(GenKind kind, String name, SplittableRandom rng, RefPool pool, String loc, String origin) {
    ObjectNode e = envelope(kind, name, describe(kind, name), loc, origin);
    ObjectNode spec = (ObjectNode) e.get("spec");
    switch (kind) {
      case DOMAIN -> spec.put("owner", owner(rng, pool));
      case SYSTEM -> {
        spec.put("owner", owner(rng, pool));
        spec.put("domain", pool.pick(rng, GenKind.DOMAIN));
      }
      case API -> {
        tags(e, rng);
        String type = API_TYPES[rng.nextInt(API_TYPES.length)];
        spec.put("type", type);
        spec.put("lifecycle", LIFECYCLES[rng.nextInt(LIFECYCLES.length)]);
        spec.put("owner", owner(rng, pool));
        spec.put("system", pool.pick(rng, GenKind.SYSTEM));
        spec.put("definition", definition(type, name));
      }
      case RESOURCE -> {
        tags(e, rng);
        spec.put("type", RESOURCE_TYPES[rng.nextInt(RESOURCE_TYPES.length)]);
        spec.put("owner", owner(rng, pool));
        spec.put("system", pool.pick(rng, GenKind.SYSTEM));
        List<String> deps = pool.pickDistinct(rng, GenKind.RESOURCE, rng.nextInt(2), name);
        array(spec, "dependsOn", deps.stream().map(d -> "resource:" + d).toList());
      }
      case COMPONENT -> {
        tags(e, rng);
        spec.put("type", COMPONENT_TYPES[rng.nextInt(COMPONENT_TYPES.length)]);
        spec.put("lifecycle", LIFECYCLES[rng.nextInt(LIFECYCLES.length)]);
        spec.put("owner", owner(rng, pool));
        spec.put("system", pool.pick(rng, GenKind.SYSTEM));
        array(spec, "providesApis", pool.pickDistinct(rng, GenKind.API, rng.nextInt(3), null));
        array(spec, "consumesApis", pool.pickDistinct(rng, GenKind.API, rng.nextInt(4), null));
        // dependsOn has no default kind (E17), so every ref names its kind.
        List<String> components = pool.pickDistinct(rng, GenKind.COMPONENT, rng.nextInt(3), name);
        List<String> resources = pool.pickDistinct(rng, GenKind.RESOURCE, rng.nextInt(2), null);
        ArrayNode deps = spec.arrayNode();
        components.forEach(c -> deps.add("component:" + c));
        resources.forEach(r -> deps.add("resource:default/" + r));
        if (!deps.isEmpty()) {
          spec.set("dependsOn", deps);
        }
      }
      case GROUP, USER -> throw new IllegalArgumentException("use group()/user() for " + kind.kindName);
    }
    return e;
  }

  /** Builds a Group with the given tree position and members. */
  static ObjectNode group(
      String name, @Nullable String parent, List<String> children, List<String> members, String loc, String origin) {
    ObjectNode e = envelope(GenKind.GROUP, name, describe(GenKind.GROUP, name), loc, origin);
    ObjectNode spec = (ObjectNode) e.get("spec");
    spec.put("type", parent == null ? "business-unit" : "team");
    spec.putObject("profile").put("displayName", displayName(name));
    if (parent != null) {
      spec.put("parent", parent);
    }
    ArrayNode childArray = spec.putArray("children");
    children.forEach(childArray::add);
    ArrayNode memberArray = spec.putArray("members");
    members.forEach(memberArray::add);
    return e;
  }

  /** Builds a User that is a member of the given groups. */
  static ObjectNode user(String name, List<String> memberOf, String loc, String origin) {
    ObjectNode e = envelope(GenKind.USER, name, describe(GenKind.USER, name), loc, origin);
    ObjectNode spec = (ObjectNode) e.get("spec");
    ObjectNode profile = spec.putObject("profile");
    profile.put("displayName", displayName(name));
    profile.put("email", name + "@example.com");
    ArrayNode groups = spec.putArray("memberOf");
    memberOf.forEach(groups::add);
    return e;
  }

  private static String owner(SplittableRandom rng, RefPool pool) {
    String group = pool.pick(rng, GenKind.GROUP);
    // Mostly the short form, sometimes qualified, so ref parsing with defaults is exercised too.
    int style = rng.nextInt(10);
    return style < 8 ? group : style == 8 ? "group:" + group : "group:default/" + group;
  }

  private static void tags(ObjectNode entity, SplittableRandom rng) {
    int count = rng.nextInt(4);
    if (count == 0) {
      return;
    }
    Set<String> tags = new LinkedHashSet<>();
    while (tags.size() < count) {
      tags.add(TAGS[rng.nextInt(TAGS.length)]);
    }
    ArrayNode array = ((ObjectNode) entity.get("metadata")).putArray("tags");
    tags.forEach(array::add);
  }

  private static void array(ObjectNode spec, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = spec.putArray(field);
      values.forEach(array::add);
    }
  }

  private static String describe(GenKind kind, String name) {
    return "Synthetic " + kind.kindName + " " + name + ".";
  }

  private static String displayName(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c == '-' || c == '.') {
        sb.append(' ');
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  private static String definition(String type, String name) {
    return switch (type) {
      case "openapi" -> "openapi: 3.0.0\ninfo:\n  title: " + name + "\n  version: 1.0.0\npaths: {}\n";
      case "asyncapi" -> "asyncapi: 2.6.0\ninfo:\n  title: " + name + "\n  version: 1.0.0\nchannels: {}\n";
      case "graphql" -> "type Query {\n  ping: String\n}\n";
      default -> "syntax = \"proto3\";\nservice Ping {\n  rpc Ping (Empty) returns (Empty);\n}\n";
    };
  }
}
