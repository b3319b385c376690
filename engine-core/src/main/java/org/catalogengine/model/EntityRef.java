package org.catalogengine.model;

import java.util.Locale;
import org.catalogengine.error.InputException;
import org.jspecify.annotations.Nullable;

/**
 * A canonical entity reference {@code kind:namespace/name} (spec E5–E7).
 *
 * <p>All three parts are stored lower-cased (locale independent), so two refs that differ only in case are
 * equal, and {@link #toString()} is the canonical string used for storage keys, relation endpoints and
 * {@code relations[].targetRef}.
 *
 * <pre>{@code
 * EntityRef ref = EntityRef.parse("Component:Default/Petstore");   // component:default/petstore
 * EntityRef owner = EntityRef.parse("team-a", "Group", "ops");     // group:ops/team-a
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind lower-cased kind, never empty
 * @param namespace lower-cased namespace, never empty
 * @param name lower-cased name, never empty
 * @since 0.1 (stable)
 */
public record EntityRef(String kind, String namespace, String name) implements Comparable<EntityRef> {

  /** The namespace used when neither the reference nor its context names one. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * Creates a reference, lower-casing every part.
   *
   * @throws InputException if a part is empty
   */
  public EntityRef {
    kind = requirePart(kind, "kind");
    namespace = requirePart(namespace, "namespace");
    name = requirePart(name, "name");
  }

  /** Creates a reference from its three parts (lower-cased). */
  public static EntityRef of(String kind, String namespace, String name) {
    return new EntityRef(kind, namespace, name);
  }

  /**
   * Parses a full reference; the kind must be present, the namespace defaults to {@code default}.
   *
   * @throws InputException if the string is malformed or names no kind
   */
  public static EntityRef parse(String ref) {
    return parse(ref, null, null);
  }

  /**
   * Parses {@code [kind:][namespace/]name} with context defaults (spec E5).
   *
   * @param ref the reference string
   * @param defaultKind kind to use when the string has none; {@code null} makes a missing kind an error
   * @param defaultNamespace namespace to use when the string has none; {@code null} means {@code default}
   * @return the canonical reference
   * @throws InputException if a part is empty, or the kind is missing and there is no default
   */
  public static EntityRef parse(String ref, @Nullable String defaultKind, @Nullable String defaultNamespace) {
    if (ref == null) {
      throw new InputException("Entity reference must be a string, got null");
    }
    int colon = ref.indexOf(':');
    int slash = ref.indexOf('/');
    if (slash != -1 && slash < colon) {
      colon = -1;
    }
    String kind = colon == -1 ? null : ref.substring(0, colon);
    String namespace = slash == -1 ? null : ref.substring(colon + 1, slash);
    String name = ref.substring(Math.max(colon + 1, slash + 1));
    if ("".equals(kind)) {
      throw new InputException("Entity reference '" + ref + "' has an empty kind");
    }
    if ("".equals(namespace)) {
      throw new InputException("Entity reference '" + ref + "' has an empty namespace");
    }
    if (name.isEmpty()) {
      throw new InputException("Entity reference '" + ref + "' has an empty name");
    }
    if (kind == null) {
      if (defaultKind == null || defaultKind.isEmpty()) {
        throw new InputException("Entity reference '" + ref + "' has no kind and no default kind applies");
      }
      kind = defaultKind;
    }
    if (namespace == null) {
      namespace = defaultNamespace == null || defaultNamespace.isEmpty() ? DEFAULT_NAMESPACE : defaultNamespace;
    }
    return new EntityRef(kind, namespace, name);
  }

  /** The canonical string {@code kind:namespace/name}, lower case. */
  @Override
  public String toString() {
    return kind + ':' + namespace + '/' + name;
  }

  /**
   * Orders by kind, then namespace, then name. That is not always the order of the canonical strings (a namespace
   * {@code a-b} sorts after {@code a} here but before it as {@code kind:a-b/…} against {@code kind:a/…}), so code
   * that needs the strings' order, such as the store's lock order, sorts the strings.
   */
  @Override
  public int compareTo(EntityRef o) {
    int c = kind.compareTo(o.kind);
    if (c != 0) {
      return c;
    }
    c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  private static String requirePart(@Nullable String value, String part) {
    if (value == null || value.isEmpty()) {
      throw new InputException("Entity reference " + part + " must not be empty");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
