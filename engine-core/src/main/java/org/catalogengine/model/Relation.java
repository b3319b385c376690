package org.catalogengine.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A directed relation {@code source –type→ target} between two entity references (spec E16–E19).
 *
 * <p>The type keeps its casing as emitted (search rows lower-case it); the refs are canonical. Immutable.
 *
 * @param source the entity the relation starts from
 * @param type the relation type, for example {@code ownedBy}
 * @param target the entity the relation points at (which need not exist, E18)
 * @since 0.1 (stable)
 */
public record Relation(EntityRef source, String type, EntityRef target) implements Comparable<Relation> {

  public static final String OWNED_BY = "ownedBy";
  public static final String OWNER_OF = "ownerOf";
  public static final String PART_OF = "partOf";
  public static final String HAS_PART = "hasPart";
  public static final String DEPENDS_ON = "dependsOn";
  public static final String DEPENDENCY_OF = "dependencyOf";
  public static final String PROVIDES_API = "providesApi";
  public static final String API_PROVIDED_BY = "apiProvidedBy";
  public static final String CONSUMES_API = "consumesApi";
  public static final String API_CONSUMED_BY = "apiConsumedBy";
  public static final String MEMBER_OF = "memberOf";
  public static final String HAS_MEMBER = "hasMember";
  public static final String CHILD_OF = "childOf";
  public static final String PARENT_OF = "parentOf";

  public Relation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new org.catalogengine.error.InputException("Relation type must not be blank");
    }
  }

  /** Orders by source, then type (case-insensitively), then target. */
  @Override
  public int compareTo(Relation o) {
    int c = source.compareTo(o.source);
    if (c != 0) {
      return c;
    }
    c = type.toLowerCase(Locale.ROOT).compareTo(o.type.toLowerCase(Locale.ROOT));
    return c != 0 ? c : target.compareTo(o.target);
  }

  @Override
  public String toString() {
    return source + " -" + type + "-> " + target;
  }
}
