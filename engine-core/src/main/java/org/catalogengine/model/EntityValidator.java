package org.catalogengine.model;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.catalogengine.error.InputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates unprocessed entities: envelope (E15), default policies (E1, E2, E11), field formats (E8–E14), kind
 * recognition (E20), the JSON Schema of the built-in kinds (§1.4) and the parsing of relation references (E17).
 *
 * <p>{@link #validate} never throws for bad input. It runs the stages in that order and reports every problem
 * it finds, as far as earlier stages allow: a broken envelope stops everything (there is no entity to speak
 * of); the kind schema runs only for a recognized built-in kind; a relation field the schema rejected is not
 * reported again as a bad reference. Each {@link ValidationProblem} names the field path ({@code metadata.tags[0]},
 * {@code metadata.annotations["backstage.io/techdocs-ref"]}), the rule ({@code E13}, {@code kind-schema}, …)
 * and the offending value (truncated when long).
 *
 * <p>The default policies shape the normalised entity returned in {@link ValidationResult#entity()}:
 * {@code metadata.namespace} is always written (E2), and an upper-case namespace that is valid once lower-cased,
 * such as {@code Payments}, is accepted and stored lower-cased (E11 <b>Improve</b>; Backstage rejects it).
 *
 * <pre>{@code
 * EntityValidator validator = EntityValidator.builder()
 *     .allowUnresolvedPlaceholders(true)     // the CLI's validate command: placeholders resolve at ingest
 *     .additionalKind("Widget")              // a kind some processor understands (E20)
 *     .build();
 * ValidationResult result = validator.validate(json);
 * if (!result.valid()) {
 *   result.problems().forEach(p -> System.err.println(p.field() + " [" + p.rule() + "] " + p.message()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. The built-in kind schemas are compiled once per JVM, on first use, and shared by
 * all validators.
 *
 * @since 0.1 (maintained)
 */
public final class EntityValidator {

  /** Rule id of problems reported from a kind's JSON Schema. */
  public static final String KIND_SCHEMA = "kind-schema";

  private static final Set<String> INPUT_ROOT_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final EntityValidator DEFAULTS = new Builder().build();

  private final boolean allowPlaceholders;
  /** Additional kinds by exact name; an empty set accepts any apiVersion. */
  private final Map<String, Set<String>> additionalKinds;
  private final List<Predicate<? super Entity>> recognizers;

  private EntityValidator(Builder b) {
    this.allowPlaceholders = b.allowPlaceholders;
    this.additionalKinds = Map.copyOf(b.additionalKinds);
    this.recognizers = List.copyOf(b.recognizers);
  }

  /** The default validator: the built-in kinds only, no unresolved placeholders. */
  public static EntityValidator defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates one entity document and reports every problem found. Never throws for bad input.
   *
   * @param json the unprocessed entity as parsed from a descriptor; not modified
   * @return the normalised entity (when the envelope allowed building one) and the problems, empty when valid
   */
  public ValidationResult validate(@Nullable JsonNode json) {
    try {
      Entity.checkEnvelope(json);
    } catch (InputException e) {
      return new ValidationResult(null, List.of(new ValidationProblem(null, envelopeField(json), "E15",
          e.getMessage())));
    }
    List<ValidationProblem> problems = new ArrayList<>();
    Entity entity = applyPolicies(json, problems);
    EntityRef ref = entity.ref();
    checkFieldFormats(entity.json(), ref, problems);

    Optional<KindSchemas.BuiltinKind> builtin = KindSchemas.lookup(entity.kind())
        .filter(k -> k.recognizes(entity.kind(), entity.apiVersion()));
    boolean recognized = builtin.isPresent() || recognizedByOthers(entity, ref, problems);
    if (!recognized) {
      problems.add(new ValidationProblem(ref, "kind", "E20",
          "No processor recognized the entity " + ref + " as valid" + recognitionHint(entity)));
      return new ValidationResult(entity, problems);
    }
    int before = problems.size();
    builtin.ifPresent(k -> checkSchema(k, entity, ref, problems));
    List<ValidationProblem> schemaProblems = List.copyOf(problems.subList(before, problems.size()));
    for (ValidationProblem p : BuiltinRelations.analyze(entity, allowPlaceholders).problems()) {
      // A field the schema already rejected (wrong type, empty) is reported once, by the schema.
      if (schemaProblems.stream().noneMatch(s -> within(p.field(), s.field()))) {
        problems.add(p);
      }
    }
    return new ValidationResult(entity, problems);
  }

  // ---- stage: policies (E1, E2, E11) -------------------------------------------------------------------

  private Entity applyPolicies(JsonNode json, List<ValidationProblem> problems) {
    ObjectNode copy = (ObjectNode) json.deepCopy();
    ObjectNode metadata = (ObjectNode) copy.get("metadata");
    JsonNode nsNode = metadata.get("namespace");
    String written = nsNode == null || nsNode.isNull() ? EntityRef.DEFAULT_NAMESPACE : nsNode.stringValue();
    String normalized = FieldFormats.normalizeNamespace(written);
    metadata.put("namespace", normalized != null ? normalized : written);
    Entity entity = Entity.adopt(copy);
    EntityRef ref = entity.ref();
    if (normalized == null) {
      problems.add(new ValidationProblem(ref, "metadata.namespace", "E11",
          "metadata.namespace " + Values.quote(written) + " is not a valid namespace: it must be 1-63 letters,"
              + " digits and single '-' between them (letters are lower-cased)"));
    }
    for (String key : copy.propertyNames()) {
      if (!INPUT_ROOT_KEYS.contains(key)) {
        problems.add(new ValidationProblem(ref, path("", key), "E1",
            "Unknown field " + key + "; an entity given to processing may only have apiVersion, kind, metadata"
                + " and spec"));
      }
    }
    return entity;
  }

  // ---- stage: field formats (E2, E8–E14) ---------------------------------------------------------------

  private void checkFieldFormats(ObjectNode json, EntityRef ref, List<ValidationProblem> problems) {
    String apiVersion = json.get("apiVersion").stringValue();
    if (!FieldFormats.isValidApiVersion(apiVersion)) {
      problems.add(new ValidationProblem(ref, "apiVersion", "E8", "apiVersion " + Values.quote(apiVersion)
          + " is not valid: expected 'version' or 'prefix/version' with a DNS subdomain prefix and an"
          + " alphanumeric version of 1-63 characters"));
    }
    String kind = json.get("kind").stringValue();
    if (!FieldFormats.isValidKind(kind)) {
      problems.add(new ValidationProblem(ref, "kind", "E9", "kind " + Values.quote(kind)
          + " is not valid: expected 1-63 letters and digits, starting with a letter"));
    }
    ObjectNode metadata = (ObjectNode) json.get("metadata");
    String name = metadata.get("name").stringValue();
    if (!FieldFormats.isValidObjectName(name)) {
      problems.add(new ValidationProblem(ref, "metadata.name", "E10", "metadata.name " + Values.quote(name)
          + " is not valid: " + OBJECT_NAME_RULE));
    }
    for (String field : List.of("title", "description", "uid", "etag")) {
      JsonNode v = metadata.get(field);
      if (v != null && !v.isString() && !placeholder(v)) {
        problems.add(new ValidationProblem(ref, "metadata." + field, "E2",
            "metadata." + field + " must be a string, got " + Values.describe(v)));
      }
    }
    JsonNode title = metadata.get("title");
    if (title != null && title.isString() && title.stringValue().isBlank()) {
      problems.add(new ValidationProblem(ref, "metadata.title", "E2", "metadata.title must not be blank"));
    }
    checkLabels(metadata.get("labels"), ref, problems);
    checkAnnotations(metadata.get("annotations"), ref, problems);
    checkTags(metadata.get("tags"), ref, problems);
    checkLinks(metadata.get("links"), ref, problems);
  }

  private static final String NAME_FORMAT = "1-63 characters [a-zA-Z0-9] separated by '-', '_' or '.',"
      + " starting and ending with a letter or digit";
  private static final String OBJECT_NAME_RULE = "expected " + NAME_FORMAT;

  private void checkLabels(@Nullable JsonNode labels, EntityRef ref, List<ValidationProblem> problems) {
    if (labels == null || placeholder(labels)) {
      return;
    }
    if (!labels.isObject()) {
      problems.add(new ValidationProblem(ref, "metadata.labels", "E12",
          "metadata.labels must be an object of strings, got " + Values.describe(labels)));
      return;
    }
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      String field = path("metadata.labels", e.getKey());
      checkKey(e.getKey(), field, "label", ref, problems);
      JsonNode v = e.getValue();
      if (placeholder(v)) {
        continue;
      }
      if (!v.isString()) {
        problems.add(new ValidationProblem(ref, field, "E12",
            field + " must be a string, got " + Values.describe(v)));
      } else if (!FieldFormats.isValidLabelValue(v.stringValue())) {
        problems.add(new ValidationProblem(ref, field, "E12", "Label value " + Values.quote(v.stringValue())
            + " of " + field + " is not valid: expected an empty string or " + NAME_FORMAT));
      }
    }
  }

  private void checkAnnotations(@Nullable JsonNode annotations, EntityRef ref,
      List<ValidationProblem> problems) {
    if (annotations == null || placeholder(annotations)) {
      return;
    }
    if (!annotations.isObject()) {
      problems.add(new ValidationProblem(ref, "metadata.annotations", "E12",
          "metadata.annotations must be an object of strings, got " + Values.describe(annotations)));
      return;
    }
    for (Map.Entry<String, JsonNode> e : annotations.properties()) {
      String field = path("metadata.annotations", e.getKey());
      checkKey(e.getKey(), field, "annotation", ref, problems);
      JsonNode v = e.getValue();
      if (!v.isString() && !placeholder(v)) {
        problems.add(new ValidationProblem(ref, field, "E12",
            field + " must be a string, got " + Values.describe(v)));
      }
    }
  }

  private static void checkKey(String key, String field, String what, EntityRef ref,
      List<ValidationProblem> problems) {
    if (!FieldFormats.isValidLabelOrAnnotationKey(key)) {
      problems.add(new ValidationProblem(ref, field, "E12", capitalized(what) + " key " + Values.quote(key)
          + " is not valid: expected 'name' or 'prefix/name' with a DNS subdomain prefix (at most 253"
          + " characters) and a name of " + NAME_FORMAT));
    }
  }

  private void checkTags(@Nullable JsonNode tags, EntityRef ref, List<ValidationProblem> problems) {
    if (tags == null || placeholder(tags)) {
      return;
    }
    if (!tags.isArray()) {
      problems.add(new ValidationProblem(ref, "metadata.tags", "E13",
          "metadata.tags must be an array of strings, got " + Values.describe(tags)));
      return;
    }
    for (int i = 0; i < tags.size(); i++) {
      JsonNode t = tags.get(i);
      String field = "metadata.tags[" + i + "]";
      if (placeholder(t)) {
        continue;
      }
      if (!t.isString()) {
        problems.add(new ValidationProblem(ref, field, "E13",
            field + " must be a string, got " + Values.describe(t)));
      } else if (!FieldFormats.isValidTag(t.stringValue())) {
        problems.add(new ValidationProblem(ref, field, "E13", "Tag " + Values.quote(t.stringValue()) + " of "
            + field + " is not valid: expected 1-63 lower-case characters [a-z0-9:+#] in runs separated by"
            + " single '-'"));
      }
    }
  }

  private void checkLinks(@Nullable JsonNode links, EntityRef ref, List<ValidationProblem> problems) {
    if (links == null || placeholder(links)) {
      return;
    }
    if (!links.isArray()) {
      problems.add(new ValidationProblem(ref, "metadata.links", "E14",
          "metadata.links must be an array of objects, got " + Values.describe(links)));
      return;
    }
    for (int i = 0; i < links.size(); i++) {
      JsonNode link = links.get(i);
      String field = "metadata.links[" + i + "]";
      if (placeholder(link)) {
        continue;
      }
      if (!link.isObject()) {
        problems.add(new ValidationProblem(ref, field, "E14",
            field + " must be an object with a url, got " + Values.describe(link)));
        continue;
      }
      JsonNode url = link.get("url");
      if (url == null || url.isNull()) {
        problems.add(new ValidationProblem(ref, field + ".url", "E14", field + ".url is required"));
      } else if (!placeholder(url)) {
        if (!url.isString()) {
          problems.add(new ValidationProblem(ref, field + ".url", "E14",
              field + ".url must be a string, got " + Values.describe(url)));
        } else if (!FieldFormats.isValidAbsoluteUrl(url.stringValue())) {
          problems.add(new ValidationProblem(ref, field + ".url", "E14", "Link url "
              + Values.quote(url.stringValue()) + " of " + field + " is not an absolute URL"));
        }
      }
      JsonNode title = link.get("title");
      if (title != null && !placeholder(title) && (!title.isString() || title.stringValue().isBlank())) {
        problems.add(new ValidationProblem(ref, field + ".title", "E14",
            field + ".title must be a non-blank string, got " + Values.describe(title)));
      }
      JsonNode icon = link.get("icon");
      if (icon != null && !placeholder(icon)) {
        if (!icon.isString()) {
          problems.add(new ValidationProblem(ref, field + ".icon", "E14",
              field + ".icon must be a string, got " + Values.describe(icon)));
        } else if (!FieldFormats.isValidObjectName(icon.stringValue())) {
          problems.add(new ValidationProblem(ref, field + ".icon", "E14", "Link icon "
              + Values.quote(icon.stringValue()) + " of " + field + " is not valid: " + OBJECT_NAME_RULE));
        }
      }
      JsonNode type = link.get("type");
      if (type != null && !placeholder(type) && !type.isString()) {
        problems.add(new ValidationProblem(ref, field + ".type", "E14",
            field + ".type must be a string, got " + Values.describe(type)));
      }
    }
  }

  // ---- stage: kind recognition (E20) -------------------------------------------------------------------

  private boolean recognizedByOthers(Entity entity, EntityRef ref, List<ValidationProblem> problems) {
    Set<String> versions = additionalKinds.get(entity.kind());
    if (versions != null && (versions.isEmpty() || versions.contains(entity.apiVersion()))) {
      return true;
    }
    for (Predicate<? super Entity> recognizer : recognizers) {
      try {
        if (recognizer.test(entity)) {
          return true;
        }
      } catch (RuntimeException e) {
        // A plug-in's recognizer must not stop validation; its failure is the entity's problem report.
        problems.add(new ValidationProblem(ref, "kind", "E20",
            "A kind recognizer failed for " + ref + ": " + e));
      }
    }
    return false;
  }

  private String recognitionHint(Entity entity) {
    String kind = entity.kind();
    Optional<KindSchemas.BuiltinKind> builtin = KindSchemas.lookup(kind);
    if (builtin.isPresent()) {
      KindSchemas.BuiltinKind k = builtin.get();
      if (!k.kind().equals(kind)) {
        return "; the built-in kind is spelled " + Values.quote(k.kind());
      }
      return "; apiVersion " + Values.quote(entity.apiVersion()) + " is not one of " + k.apiVersions()
          + " accepted for kind " + k.kind();
    }
    for (String other : additionalKinds.keySet()) {
      if (other.equalsIgnoreCase(kind)) {
        return other.equals(kind) ? "; apiVersion " + Values.quote(entity.apiVersion()) + " is not one of "
            + additionalKinds.get(other) + " accepted for kind " + other
            : "; the kind is spelled " + Values.quote(other);
      }
    }
    return "";
  }

  // ---- stage: kind schema (§1.4) -----------------------------------------------------------------------

  private void checkSchema(KindSchemas.BuiltinKind kind, Entity entity, EntityRef ref,
      List<ValidationProblem> problems) {
    ObjectNode json = entity.json();
    List<Error> errors;
    try {
      errors = kind.schema().validate(json);
    } catch (RuntimeException e) {
      problems.add(new ValidationProblem(ref, "", KIND_SCHEMA,
          "The " + kind.kind() + " schema could not be applied to " + ref + ": " + e));
      return;
    }
    Set<ValidationProblem> found = new LinkedHashSet<>();
    for (Error error : errors) {
      NodePath location = error.getInstanceLocation();
      if (allowPlaceholders && underPlaceholder(json, location)) {
        continue;
      }
      found.add(toProblem(kind, ref, error, location));
    }
    problems.addAll(found);
  }

  private static ValidationProblem toProblem(KindSchemas.BuiltinKind kind, EntityRef ref, Error error,
      NodePath location) {
    String at = dotted(location);
    JsonNode value = error.getInstanceNode();
    Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    return switch (keyword) {
      case "required" -> {
        String field = path(at, error.getProperty() != null ? error.getProperty() : String.valueOf(args[0]));
        yield new ValidationProblem(ref, field, KIND_SCHEMA,
            field + " is required for kind " + kind.kind());
      }
      case "type" -> new ValidationProblem(ref, at, KIND_SCHEMA, at + " must be of type "
          + (args.length > 1 ? args[1] : "?") + ", got " + Values.describe(value));
      case "minLength" -> new ValidationProblem(ref, at, KIND_SCHEMA,
          at + " must not be empty" + (args.length > 0 && !"1".equals(String.valueOf(args[0]))
              ? " (at least " + args[0] + " characters)" : ""));
      case "enum", "const" -> new ValidationProblem(ref, at, KIND_SCHEMA,
          at + " must be " + (keyword.equals("enum") ? "one of " : "") + (args.length > 0 ? args[0] : "?")
              + ", got " + Values.describe(value));
      default -> new ValidationProblem(ref, at, KIND_SCHEMA,
          (at.isEmpty() ? "entity" : at) + ": " + error.getMessage() + ", got " + Values.describe(value));
    };
  }

  /** True when {@code field} is {@code parent} or lies inside it ({@code spec.a[0]} is within {@code spec.a}). */
  private static boolean within(String field, String parent) {
    return field.equals(parent) || parent.isEmpty()
        || field.startsWith(parent) && (field.charAt(parent.length()) == '.' || field.charAt(parent.length()) == '[');
  }

  /** True when the instance location is, or lies inside, an unresolved placeholder. */
  private static boolean underPlaceholder(JsonNode root, NodePath location) {
    JsonNode node = root;
    for (int i = 0; i < location.getNameCount() && node != null; i++) {
      if (Placeholders.isPlaceholder(node)) {
        return true;
      }
      Object element = location.getElement(i);
      node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
    }
    return node != null && Placeholders.isPlaceholder(node);
  }

  /** Renders a schema instance location in our dotted form: {@code spec.providesApis[1]}. */
  private static String dotted(NodePath location) {
    String out = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      out = element instanceof Integer index ? out + "[" + index + "]" : path(out, String.valueOf(element));
    }
    return out;
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  /** Appends a key to a dotted path, bracket-quoting keys that are not plain identifiers. */
  static String path(String parent, String key) {
    if (SIMPLE_KEY.matcher(key).matches()) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  private boolean placeholder(JsonNode node) {
    return allowPlaceholders && Placeholders.isPlaceholder(node);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The envelope field that {@link Entity#checkEnvelope} rejects, in the same order it checks them. */
  private static String envelopeField(@Nullable JsonNode json) {
    if (json == null || !json.isObject()) {
      return "";
    }
    if (!nonEmptyString(json.get("apiVersion"))) {
      return "apiVersion";
    }
    if (!nonEmptyString(json.get("kind"))) {
      return "kind";
    }
    JsonNode md = json.get("metadata");
    if (md == null || !md.isObject()) {
      return "metadata";
    }
    if (!nonEmptyString(md.get("name"))) {
      return "metadata.name";
    }
    JsonNode ns = md.get("namespace");
    if (ns != null && !ns.isNull() && !nonEmptyString(ns)) {
      return "metadata.namespace";
    }
    return "spec";
  }

  private static boolean nonEmptyString(@Nullable JsonNode node) {
    return node != null && node.isString() && !node.stringValue().isEmpty();
  }

  /**
   * Configures an {@link EntityValidator}. Each option is checked when set; not thread-safe.
   *
   * @since 0.1 (maintained)
   */
  public static final class Builder {
    private boolean allowPlaceholders;
    private final Map<String, Set<String>> additionalKinds = new LinkedHashMap<>();
    private final List<Predicate<? super Entity>> recognizers = new ArrayList<>();

    private Builder() {}

    /**
     * Whether an unresolved placeholder — an object with exactly one key {@code $text}, {@code $json} or
     * {@code $yaml} holding a string (spec B4) — is accepted wherever a string or other value is expected.
     * Default {@code false}: by the time processing validates, placeholders are resolved. The CLI's
     * {@code validate} command sets it, since placeholders are resolved only at ingest.
     */
    public Builder allowUnresolvedPlaceholders(boolean allow) {
      this.allowPlaceholders = allow;
      return this;
    }

    /**
     * Accepts a kind that some processor understands (E20), with any apiVersion. The kind is matched exactly,
     * as Backstage does; no schema is applied to it.
     *
     * @throws InputException if the kind is not a valid kind name (E9)
     */
    public Builder additionalKind(String kind) {
      return additionalKind(kind, Set.of());
    }

    /**
     * Accepts a kind that some processor understands (E20) with the given apiVersions only.
     *
     * @param apiVersions the accepted apiVersions; empty accepts any
     * @throws InputException if the kind is not a valid kind name (E9) or an apiVersion is malformed (E8)
     */
    public Builder additionalKind(String kind, Set<String> apiVersions) {
      if (kind == null || !FieldFormats.isValidKind(kind)) {
        throw new InputException("additionalKind: " + (kind == null ? "null" : Values.quote(kind))
            + " is not a valid kind (E9)");
      }
      for (String v : apiVersions) {
        if (!FieldFormats.isValidApiVersion(v)) {
          throw new InputException("additionalKind " + kind + ": apiVersion " + Values.quote(v)
              + " is not valid (E8)");
        }
      }
      additionalKinds.merge(kind, Set.copyOf(apiVersions), (a, b) -> a.isEmpty() || b.isEmpty() ? Set.of()
          : union(a, b));
      return this;
    }

    /**
     * Adds a recognizer, such as a processor's {@code validateEntityKind}, consulted for entities that are not
     * of a built-in or additional kind (E20). It sees the normalised entity; an exception it throws is
     * reported as a problem of the entity, not propagated.
     */
    public Builder kindRecognizer(Predicate<? super Entity> recognizer) {
      recognizers.add(java.util.Objects.requireNonNull(recognizer, "recognizer"));
      return this;
    }

    /** The validator. */
    public EntityValidator build() {
      return new EntityValidator(this);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
      Set<String> u = new LinkedHashSet<>(a);
      u.addAll(b);
      return Set.copyOf(u);
    }
  }
}
