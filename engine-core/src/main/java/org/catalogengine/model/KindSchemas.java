package org.catalogengine.model;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The built-in kinds of spec §1.4 with their accepted apiVersions and JSON Schemas, each compiled once. */
final class KindSchemas {

  /** Counts schema compilations; package-private so tests can prove schemas are compiled only once. */
  static final AtomicInteger COMPILATIONS = new AtomicInteger();

  private static final List<String> BACKSTAGE = List.of("backstage.io/v1alpha1", "backstage.io/v1beta1");

  /** Built-in kinds by lower-cased kind name, in the order of spec §1.4. */
  private static final Map<String, BuiltinKind> KINDS = new LinkedHashMap<>();

  static {
    for (BuiltinKind k : List.of(
        new BuiltinKind("Component", BACKSTAGE),
        new BuiltinKind("API", BACKSTAGE),
        new BuiltinKind("Resource", BACKSTAGE),
        new BuiltinKind("System", BACKSTAGE),
        new BuiltinKind("Domain", BACKSTAGE),
        new BuiltinKind("Group", BACKSTAGE),
        new BuiltinKind("User", BACKSTAGE),
        new BuiltinKind("Location", BACKSTAGE),
        // Validated by the scaffolder's catalog module upstream; older releases used backstage.io/v1beta2|3.
        new BuiltinKind("Template",
            List.of("scaffolder.backstage.io/v1beta3", "backstage.io/v1beta2", "backstage.io/v1beta3")))) {
      KINDS.put(k.kind().toLowerCase(Locale.ROOT), k);
    }
  }

  private KindSchemas() {}

  /** The built-in kind whose name equals {@code kind} ignoring case, if any. */
  static Optional<BuiltinKind> lookup(String kind) {
    return Optional.ofNullable(KINDS.get(kind.toLowerCase(Locale.ROOT)));
  }

  /** All built-in kinds in spec order. */
  static List<BuiltinKind> all() {
    return List.copyOf(KINDS.values());
  }

  /** One built-in kind: its exact name, accepted apiVersions and lazily compiled schema. */
  static final class BuiltinKind {
    private final String kind;
    private final List<String> apiVersions;
    private volatile @Nullable Schema schema;

    BuiltinKind(String kind, List<String> apiVersions) {
      this.kind = kind;
      this.apiVersions = List.copyOf(apiVersions);
    }

    /** The kind as Backstage spells it (recognition is case-sensitive, as upstream). */
    String kind() {
      return kind;
    }

    /** The apiVersions this kind is recognized with. */
    List<String> apiVersions() {
      return apiVersions;
    }

    /** True when this kind, spelled exactly, with this apiVersion is a built-in kind. */
    boolean recognizes(String kindValue, String apiVersion) {
      return kind.equals(kindValue) && apiVersions.contains(apiVersion);
    }

    /** The compiled schema; compiled on first use, exactly once, safe for concurrent callers. */
    Schema schema() {
      Schema s = schema;
      if (s == null) {
        synchronized (this) {
          s = schema;
          if (s == null) {
            s = compile(kind);
            schema = s;
          }
        }
      }
      return s;
    }
  }

  private static Schema compile(String kind) {
    String resource = "schema/" + kind + ".schema.json";
    JsonNode node;
    try (InputStream in = KindSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing built-in schema resource " + resource);
      }
      node = CanonicalJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read built-in schema resource " + resource, e);
    }
    Schema schema = Registry.INSTANCE.getSchema(node);
    // Build every keyword validator now, so concurrent validations never initialise lazily.
    schema.initializeValidators();
    COMPILATIONS.incrementAndGet();
    return schema;
  }

  /** Holder for the schema registry, created on first compilation. */
  private static final class Registry {
    static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  }
}
