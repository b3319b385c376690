package org.catalogengine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.catalogengine.error.InputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The relations the built-in kinds imply (spec §1.4, E16–E19, B6): a pure function from an {@link Entity} to
 * the relation rows it originates.
 *
 * <p>For every entity reference in a relation field the entity originates <em>two</em> rows: {@code self –T→
 * target} and {@code target –inverse(T)→ self} (E16). Unqualified references take the field's default kind and
 * the namespace of the <em>referencing</em> entity; {@code dependsOn}/{@code dependencyOf} have no default kind
 * and must name one (E17). Targets need not exist (E18). Duplicates collapse and the rows come sorted
 * ({@link Relation#compareTo}), so the output does not depend on the order of values in the document.
 *
 * <pre>{@code
 * List<Relation> rows = BuiltinRelations.of(petstore);     // throws InputException on a bad reference
 * BuiltinRelations.Analysis a = BuiltinRelations.analyze(petstore);  // never throws; a.problems() lists them
 * }</pre>
 *
 * <p>Kinds are matched ignoring case; an entity of any other kind, or without {@code spec}, has no built-in
 * relations. Thread-safe; all methods are static.
 *
 * @since 0.1 (maintained)
 */
public final class BuiltinRelations {

  /** The rule id of reference problems (E17). */
  public static final String RULE = "E17";

  private static final Map<String, String> INVERSES = Map.ofEntries(
      Map.entry(Relation.OWNED_BY, Relation.OWNER_OF),
      Map.entry(Relation.OWNER_OF, Relation.OWNED_BY),
      Map.entry(Relation.PART_OF, Relation.HAS_PART),
      Map.entry(Relation.HAS_PART, Relation.PART_OF),
      Map.entry(Relation.DEPENDS_ON, Relation.DEPENDENCY_OF),
      Map.entry(Relation.DEPENDENCY_OF, Relation.DEPENDS_ON),
      Map.entry(Relation.PROVIDES_API, Relation.API_PROVIDED_BY),
      Map.entry(Relation.API_PROVIDED_BY, Relation.PROVIDES_API),
      Map.entry(Relation.CONSUMES_API, Relation.API_CONSUMED_BY),
      Map.entry(Relation.API_CONSUMED_BY, Relation.CONSUMES_API),
      Map.entry(Relation.MEMBER_OF, Relation.HAS_MEMBER),
      Map.entry(Relation.HAS_MEMBER, Relation.MEMBER_OF),
      Map.entry(Relation.CHILD_OF, Relation.PARENT_OF),
      Map.entry(Relation.PARENT_OF, Relation.CHILD_OF));

  /** One relation field of a kind: where it is, whether it is a list, its default kind and relation type. */
  private record Field(String name, boolean list, @Nullable String defaultKind, String type) {
    String path() {
      return "spec." + name;
    }
  }

  private static final Field OWNER = new Field("owner", false, "Group", Relation.OWNED_BY);
  private static final Field SYSTEM = new Field("system", false, "System", Relation.PART_OF);
  private static final Field DEPENDS_ON = new Field("dependsOn", true, null, Relation.DEPENDS_ON);
  private static final Field DEPENDENCY_OF = new Field("dependencyOf", true, null, Relation.DEPENDENCY_OF);

  /** Relation fields per lower-cased kind, in the order of the spec table. */
  private static final Map<String, List<Field>> FIELDS = Map.of(
      "component", List.of(
          OWNER,
          SYSTEM,
          new Field("subcomponentOf", false, "Component", Relation.PART_OF),
          new Field("providesApis", true, "API", Relation.PROVIDES_API),
          new Field("consumesApis", true, "API", Relation.CONSUMES_API),
          DEPENDS_ON,
          DEPENDENCY_OF),
      "api", List.of(OWNER, SYSTEM),
      "resource", List.of(OWNER, DEPENDS_ON, DEPENDENCY_OF, SYSTEM),
      "system", List.of(OWNER, new Field("domain", false, "Domain", Relation.PART_OF)),
      "domain", List.of(OWNER, new Field("subdomainOf", false, "Domain", Relation.PART_OF)),
      "group", List.of(
          new Field("parent", false, "Group", Relation.CHILD_OF),
          new Field("children", true, "Group", Relation.PARENT_OF),
          new Field("members", true, "User", Relation.HAS_MEMBER)),
      "user", List.of(new Field("memberOf", true, "Group", Relation.MEMBER_OF)),
      "template", List.of(OWNER));

  private static final Analysis EMPTY = new Analysis(List.of(), List.of());

  private BuiltinRelations() {}

  /**
   * The relation rows the entity originates, for processing.
   *
   * @param entity the (normalised) entity
   * @return the rows, deduplicated and sorted; empty for kinds without relation fields
   * @throws InputException naming the entity, every offending field and value, when a reference cannot be parsed
   *     or a relation field has the wrong type
   */
  public static List<Relation> of(Entity entity) {
    Analysis a = analyze(entity);
    if (!a.problems().isEmpty()) {
      StringBuilder msg = new StringBuilder("Entity ").append(entity.ref()).append(" has invalid relation references: ");
      for (int i = 0; i < a.problems().size(); i++) {
        if (i > 0) {
          msg.append("; ");
        }
        msg.append(a.problems().get(i).message());
      }
      throw new InputException(msg.toString());
    }
    return a.relations();
  }

  /**
   * The relation rows the entity originates and the problems found on the way; never throws.
   *
   * @param entity the (normalised) entity
   * @return the rows of every well-formed reference plus one {@link ValidationProblem} (rule {@value #RULE}) per
   *     bad value
   */
  public static Analysis analyze(Entity entity) {
    return analyze(entity, false);
  }

  /** As {@link #analyze(Entity)}; with {@code skipPlaceholders}, unresolved placeholders are passed over. */
  static Analysis analyze(Entity entity, boolean skipPlaceholders) {
    JsonNode spec = entity.json().get("spec");
    if (spec == null || !spec.isObject()) {
      return EMPTY;
    }
    EntityRef self = entity.ref();
    List<Field> fields = FIELDS.get(self.kind());
    if (fields == null) {
      return EMPTY;
    }
    TreeSet<Relation> rows = new TreeSet<>();
    List<ValidationProblem> problems = new ArrayList<>(0);
    for (Field f : fields) {
      JsonNode value = spec.get(f.name());
      if (value == null || value.isNull() || skipPlaceholders && Placeholders.isPlaceholder(value)) {
        continue;
      }
      if (!f.list()) {
        add(self, f, f.path(), value, rows, problems);
      } else if (!value.isArray()) {
        problems.add(new ValidationProblem(self, f.path(), RULE,
            f.path() + " must be an array of entity references, got " + Values.describe(value)));
      } else {
        for (int i = 0; i < value.size(); i++) {
          JsonNode element = value.get(i);
          if (!(skipPlaceholders && Placeholders.isPlaceholder(element))) {
            add(self, f, f.path() + '[' + i + ']', element, rows, problems);
          }
        }
      }
    }
    return new Analysis(List.copyOf(rows), problems);
  }

  private static void add(EntityRef self, Field f, String path, JsonNode value, TreeSet<Relation> rows,
      List<ValidationProblem> problems) {
    if (!value.isString()) {
      problems.add(new ValidationProblem(self, path, RULE,
          path + " must be an entity reference string, got " + Values.describe(value)));
      return;
    }
    String text = value.stringValue();
    EntityRef target;
    try {
      target = EntityRef.parse(text, f.defaultKind(), self.namespace());
    } catch (InputException e) {
      String why = f.defaultKind() == null && text.indexOf(':') == -1 && !text.isEmpty()
          ? f.name() + " has no default kind, so the reference must name one, such as resource:" + text
              + " or component:" + text
          : e.getMessage();
      problems.add(new ValidationProblem(self, path, RULE,
          "Invalid entity reference " + Values.quote(text) + " in " + path + ": " + why));
      return;
    }
    rows.add(new Relation(self, f.type(), target));
    rows.add(new Relation(target, INVERSES.get(f.type()), self));
  }

  /**
   * The inverse of a built-in relation type (E19), for example {@code ownerOf} for {@code ownedBy}.
   *
   * @return the inverse type, or empty for a type that is not one of the built-in pairs
   */
  public static Optional<String> inverseOf(String type) {
    return Optional.ofNullable(INVERSES.get(type));
  }

  /**
   * The outcome of {@link #analyze(Entity)}.
   *
   * @param relations the rows of every well-formed reference, deduplicated and sorted
   * @param problems one problem per bad value, in document order; empty when all references are fine
   */
  public record Analysis(List<Relation> relations, List<ValidationProblem> problems) {

    public Analysis {
      relations = List.copyOf(relations);
      problems = List.copyOf(problems);
    }

    /** True when every relation field was well-formed. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }
}
