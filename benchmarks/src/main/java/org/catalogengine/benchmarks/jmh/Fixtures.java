package org.catalogengine.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.benchmarks.generator.CatalogGenerator;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic benchmark inputs built from the {@link CatalogGenerator} (seed {@value #SEED}): a typical Component
 * with about {@value #TYPICAL_RELATIONS} relations and a Group with {@value #GROUP_MEMBERS} members.
 */
public final class Fixtures {

  /** The seed of every generated input. */
  public static final long SEED = 42L;
  /** The member count of the large Group. */
  public static final int GROUP_MEMBERS = 10_000;
  /** How many relations the typical Component gets (derived from its spec, padded with {@code dependencyOf}). */
  public static final int TYPICAL_RELATIONS = 8;
  /** {@code @Param} value of the typical Component. */
  public static final String COMPONENT = "component";
  /** {@code @Param} value of the Group with {@value #GROUP_MEMBERS} members. */
  public static final String GROUP_10K = "group10k";
  /** The entity id (final {@code metadata.uid}) used for stitching. */
  public static final String ENTITY_ID = "0b6d2a4e-7c1f-4d3a-9e58-2f1c6b9a8d70";

  private static final int CATALOG_SIZE = 1_000;

  private Fixtures() {}

  /** The entity JSON of a shape ({@value #COMPONENT} or {@value #GROUP_10K}); a fresh tree per call. */
  public static ObjectNode entity(String shape) {
    return switch (shape) {
      case COMPONENT -> typicalComponent();
      case GROUP_10K -> largeGroup(GROUP_MEMBERS);
      default -> throw new IllegalArgumentException(
          "unknown benchmark shape '" + shape + "', expected " + COMPONENT + " or " + GROUP_10K);
    };
  }

  /** The relations whose source is the entity of a shape: spec-derived for the Component, hasMember for the Group. */
  public static List<Relation> relations(String shape, Entity entity) {
    return switch (shape) {
      case COMPONENT -> componentRelations(entity);
      case GROUP_10K -> memberRelations(entity);
      default -> throw new IllegalArgumentException("unknown benchmark shape '" + shape + "'");
    };
  }

  /**
   * The first generated Component that provides and consumes APIs and depends on something (so every relation
   * type of a Component shows up); the first Component if none does.
   */
  public static ObjectNode typicalComponent() {
    List<ObjectNode> catalog = CatalogGenerator.generate(CATALOG_SIZE, SEED);
    ObjectNode first = null;
    for (ObjectNode e : catalog) {
      if (!"Component".equals(e.path("kind").asString())) {
        continue;
      }
      if (first == null) {
        first = e;
      }
      JsonNode spec = e.path("spec");
      if (spec.has("providesApis") && spec.has("consumesApis") && spec.has("dependsOn")) {
        return e;
      }
    }
    if (first == null) {
      throw new IllegalStateException("generated catalog of " + CATALOG_SIZE + " entities has no Component");
    }
    return first;
  }

  /** The first generated Group with {@code spec.members} replaced by {@code members} synthetic user names. */
  public static ObjectNode largeGroup(int members) {
    for (ObjectNode e : CatalogGenerator.generate(CATALOG_SIZE, SEED)) {
      if ("Group".equals(e.path("kind").asString())) {
        ArrayNode array = ((ObjectNode) e.get("spec")).putArray("members");
        for (int i = 0; i < members; i++) {
          array.add(memberName(i));
        }
        return e;
      }
    }
    throw new IllegalStateException("generated catalog of " + CATALOG_SIZE + " entities has no Group");
  }

  /** The synthetic user name of the {@code i}-th large-group member. */
  public static String memberName(int i) {
    return String.format("bench.user-%05d", i);
  }

  /** ownedBy, partOf, providesApi, consumesApi, dependsOn from the spec, padded with incoming dependencyOf rows. */
  static List<Relation> componentRelations(Entity component) {
    EntityRef self = component.ref();
    JsonNode spec = component.toJson().path("spec");
    List<Relation> out = new ArrayList<>();
    add(out, self, Relation.OWNED_BY, spec.path("owner"), "group");
    add(out, self, Relation.PART_OF, spec.path("system"), "system");
    spec.path("providesApis").forEach(r -> add(out, self, Relation.PROVIDES_API, r, "api"));
    spec.path("consumesApis").forEach(r -> add(out, self, Relation.CONSUMES_API, r, "api"));
    spec.path("dependsOn").forEach(r -> add(out, self, Relation.DEPENDS_ON, r, "component"));
    for (int i = 0; out.size() < TYPICAL_RELATIONS; i++) {
      out.add(new Relation(self, Relation.DEPENDENCY_OF, EntityRef.of("component", "default", "dependent-" + i)));
    }
    return List.copyOf(out);
  }

  /** One hasMember relation per {@code spec.members} entry. */
  static List<Relation> memberRelations(Entity group) {
    EntityRef self = group.ref();
    List<Relation> out = new ArrayList<>();
    group.toJson().path("spec").path("members")
        .forEach(m -> out.add(new Relation(self, Relation.HAS_MEMBER, EntityRef.parse(m.asString(), "user", null))));
    return List.copyOf(out);
  }

  private static void add(List<Relation> out, EntityRef self, String type, JsonNode ref, String defaultKind) {
    if (ref.isString()) {
      out.add(new Relation(self, type, EntityRef.parse(ref.stringValue(), defaultKind, null)));
    }
  }
}
