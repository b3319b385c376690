package org.catalogengine.benchmarks.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic generator of synthetic Backstage catalogs: the same {@code n} and {@code seed} always give the
 * same entities, in the same order, with the same content.
 *
 * <p>A catalog of {@code n} entities has the mix of {@link KindMix#of(int)} (2% Domain, 5% System, 40% Component,
 * 15% API, 8% Resource, 5% Group, rest User), all {@code apiVersion: backstage.io/v1alpha1} in the default
 * namespace (no {@code metadata.namespace} field), streamed in kind blocks: Domain, Group, User, System, API,
 * Resource, Component. Names match E10 and are unique per kind (the per-kind index is part of the name); tags
 * match E13. Contents per kind:
 * <ul>
 *   <li>Domain: {@code spec.owner} (a Group).
 *   <li>System: {@code spec.owner}, {@code spec.domain}.
 *   <li>Component: 0–3 tags, {@code type}, {@code lifecycle}, {@code owner}, {@code system}, 0–2
 *       {@code providesApis}, 0–3 {@code consumesApis}, 0–2 {@code dependsOn} components ({@code component:name})
 *       plus 0–1 resources ({@code resource:default/name}); empty arrays are omitted.
 *   <li>API: 0–3 tags, {@code type}, {@code lifecycle}, {@code owner}, {@code system}, {@code definition} (a short
 *       string).
 *   <li>Resource: 0–3 tags, {@code type}, {@code owner}, {@code system}, 0–1 {@code dependsOn} resource.
 *   <li>Group: {@code type} ({@code business-unit} for roots, {@code team} otherwise), {@code profile}, {@code parent}
 *       (non-roots), {@code children} and {@code members} (always present, possibly empty). Groups form a forest
 *       with {@code max(1, groups/20)} roots; {@code parent} and {@code children} agree.
 *   <li>User: {@code profile.displayName}, {@code profile.email}, {@code memberOf} 1–2 groups; every group's
 *       {@code members} lists exactly the users whose {@code memberOf} names it.
 * </ul>
 * Owners are written as {@code name} (80%), {@code group:name} (10%) or {@code group:default/name} (10%), so
 * consumers must parse refs with the per-field default kind and the default namespace.
 *
 * <p><b>Dangling refs:</b> none. Every ref in a generated set points at an entity of the right kind in the same set,
 * so relation counts are a pure function of {@code (n, seed)}. Only a {@linkplain #next delta} can leave dangling
 * refs (to the entities it removed), which Backstage treats as soft references (E18).
 *
 * <p><b>Locations:</b> every entity carries {@code backstage.io/managed-by-location} =
 * {@code url:https://example.com/catalog/entities-NNNN.yaml}, where {@code NNNN} (1-based, at least 4 digits) is
 * its stream position / 1,000 + 1, and {@code backstage.io/managed-by-origin-location} =
 * {@code url:https://example.com/catalog/all.yaml}. {@link YamlTreeWriter} keeps that file grouping and rewrites both
 * to {@code file:} paths of the files it writes.
 *
 * <p><b>Memory:</b> the streaming form holds only a compact plan (a few {@code int}s per Group and User) and one
 * entity at a time, so 1,000,000 entities stream in bounded memory.
 *
 * <p>Stateless and thread-safe (all methods are static).
 *
 * <pre>{@code
 * try (JsonLinesWriter out = JsonLinesWriter.open(Path.of("catalog.jsonl"))) {
 *   CatalogGenerator.generate(100_000, 42L, out::write);
 * }
 * List<ObjectNode> base = CatalogGenerator.generate(10_000, 42L);
 * DeltaScenario delta = CatalogGenerator.next(base, 7L, 0.01, 0.01, 0.01);
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
public final class CatalogGenerator {

  /** The smallest supported catalog: enough for at least one entity of every kind. */
  public static final int MIN_ENTITIES = 50;

  /** The {@code apiVersion} of every generated entity. */
  public static final String API_VERSION = EntityFactory.API_VERSION;

  /** The location annotation key. */
  public static final String LOCATION_ANNOTATION = EntityFactory.LOCATION;

  /** The origin location annotation key. */
  public static final String ORIGIN_LOCATION_ANNOTATION = EntityFactory.ORIGIN_LOCATION;

  /** The URL prefix of the default location annotations. */
  public static final String LOCATION_BASE = "https://example.com/catalog/";

  /** The default origin location annotation value. */
  public static final String DEFAULT_ORIGIN = "url:" + LOCATION_BASE + "all.yaml";

  /** How many entities share one generated file (location). */
  public static final int ENTITIES_PER_FILE = 1_000;

  private CatalogGenerator() {}

  /**
   * Generates a catalog into a list. Prefer {@link #generate(int, long, Consumer)} for large {@code n}.
   *
   * @param n number of entities, at least {@link #MIN_ENTITIES}
   * @param seed the seed; the same {@code (n, seed)} gives identical output
   * @return the entities in stream order (fresh, mutable nodes owned by the caller)
   * @throws IllegalArgumentException if {@code n < MIN_ENTITIES}
   */
  public static List<ObjectNode> generate(int n, long seed) {
    List<ObjectNode> out = new ArrayList<>(n);
    generate(n, seed, out::add);
    return out;
  }

  /**
   * Streams a catalog into {@code sink}, one entity at a time, in stream order.
   *
   * @param n number of entities, at least {@link #MIN_ENTITIES}
   * @param seed the seed; the same {@code (n, seed)} gives identical output
   * @param sink receives each entity (a fresh node the sink may keep or mutate)
   * @throws IllegalArgumentException if {@code n < MIN_ENTITIES}
   */
  public static void generate(int n, long seed, Consumer<? super ObjectNode> sink) {
    if (n < MIN_ENTITIES) {
      throw new IllegalArgumentException("entity count must be >= " + MIN_ENTITIES + ", got " + n);
    }
    Plan plan = new Plan(n, seed);
    int position = 0;
    for (GenKind kind : GenKind.values()) {
      int count = plan.mix.count(kind);
      for (int i = 0; i < count; i++, position++) {
        sink.accept(plan.entity(kind, i, defaultLocation(position / ENTITIES_PER_FILE + 1)));
      }
    }
  }

  /**
   * The ref ({@code kind:default/name}, lower-case) of the {@code index}-th entity of a kind in the catalog
   * {@code (n, seed)}, without generating it; useful for drivers that probe entities.
   *
   * @param seed the catalog's seed
   * @param kind one of Domain, System, Component, API, Resource, Group, User (case-insensitive)
   * @param index 0-based index within the kind, below that kind's {@link KindMix} count
   * @return the canonical entity ref string
   * @throws IllegalArgumentException for an unknown kind or a negative index
   */
  public static String refOf(long seed, String kind, int index) {
    GenKind k = GenKind.of(kind).orElseThrow(() -> new IllegalArgumentException("not a generated kind: " + kind));
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    return (k.refKind() + ":default/" + EntityFactory.name(seed, k, Integer.toString(index))).toLowerCase();
  }

  /**
   * Produces the next full set of a delta scenario from {@code base}; see {@link DeltaGenerator} for the rules.
   *
   * @param base the current full set (not modified; unchanged entities are shared, not copied)
   * @param seed the delta's seed; the same base and arguments give identical output
   * @param changed fraction of base entities to change, in [0, 1]
   * @param removed fraction of base entities to remove, in [0, 1], with {@code changed + removed <= 1}
   * @param added fraction (of the base size) of new entities to add, at least 0
   * @return the next set and the changed, removed and added refs
   * @throws IllegalArgumentException for fractions out of range or a base without Group, System, Domain, API,
   *     Component or Resource entities to point new entities at
   */
  public static DeltaScenario next(List<ObjectNode> base, long seed, double changed, double removed, double added) {
    List<ObjectNode> out = new ArrayList<>(base.size());
    DeltaRefs refs = DeltaGenerator.apply(base::forEach, seed, changed, removed, added, out::add);
    return new DeltaScenario(out, refs);
  }

  /**
   * Streams the next full set of a delta over the generated catalog {@code (n, baseSeed)} without holding it
   * (the catalog is generated twice: once to index names, once to emit). Same output as
   * {@code next(generate(n, baseSeed), deltaSeed, ...)}.
   *
   * @param n base entity count, at least {@link #MIN_ENTITIES}
   * @param baseSeed the base catalog's seed
   * @param deltaSeed the delta's seed
   * @param changed fraction to change
   * @param removed fraction to remove
   * @param added fraction to add
   * @param sink receives the next set in order
   * @return the changed, removed and added refs
   * @throws IllegalArgumentException as {@link #next(List, long, double, double, double)} and
   *     {@link #generate(int, long, Consumer)}
   */
  public static DeltaRefs next(
      int n, long baseSeed, long deltaSeed, double changed, double removed, double added,
      Consumer<? super ObjectNode> sink) {
    return DeltaGenerator.apply(c -> generate(n, baseSeed, c), deltaSeed, changed, removed, added, sink);
  }

  /** The default location annotation value for a 1-based file number. */
  static String defaultLocation(int fileNumber) {
    return "url:" + LOCATION_BASE + fileName(fileNumber);
  }

  /** The generated file name for a 1-based file number. */
  static String fileName(int fileNumber) {
    return String.format("entities-%04d.yaml", fileNumber);
  }

  /** The compact, pre-computed structure of a base catalog: group tree and memberships. */
  private static final class Plan implements EntityFactory.RefPool {
    private static final int SALT_ENTITY = 0;
    private static final int SALT_PARENT = 20;
    private static final int SALT_MEMBERSHIP = 40;

    final long seed;
    final KindMix mix;
    final int roots;
    final int[] parent;
    final int[] childStart;
    final int[] children;
    final int[] primary;
    final int[] secondary;
    final int[] memberStart;
    final int[] members;

    Plan(int n, long seed) {
      this.seed = seed;
      this.mix = KindMix.of(n);
      int groups = mix.groups();
      int users = mix.users();
      roots = Math.max(1, groups / 20);
      parent = new int[groups];
      for (int g = 0; g < groups; g++) {
        parent[g] = g < roots ? -1 : new SplittableRandom(EntityFactory.mix(seed, SALT_PARENT, g)).nextInt(g);
      }
      childStart = new int[groups + 1];
      children = new int[groups - roots];
      invert(parent, childStart, children, null);
      primary = new int[users];
      secondary = new int[users];
      for (int u = 0; u < users; u++) {
        SplittableRandom rng = new SplittableRandom(EntityFactory.mix(seed, SALT_MEMBERSHIP, u));
        primary[u] = rng.nextInt(groups);
        // About 30% of users are in a second group.
        secondary[u] = groups > 1 && rng.nextInt(10) < 3 ? (primary[u] + 1 + rng.nextInt(groups - 1)) % groups : -1;
      }
      memberStart = new int[groups + 1];
      int memberships = users + (int) Arrays.stream(secondary).filter(s -> s >= 0).count();
      members = new int[memberships];
      invert(primary, memberStart, members, secondary);
    }

    /** Builds a CSR inverse (target -> sources in ascending source order) of one or two source->target arrays. */
    private static void invert(int[] first, int[] start, int[] flat, int @org.jspecify.annotations.Nullable [] second) {
      for (int s = 0; s < first.length; s++) {
        if (first[s] >= 0) {
          start[first[s] + 1]++;
        }
        if (second != null && second[s] >= 0) {
          start[second[s] + 1]++;
        }
      }
      for (int t = 1; t < start.length; t++) {
        start[t] += start[t - 1];
      }
      int[] fill = Arrays.copyOf(start, start.length - 1);
      for (int s = 0; s < first.length; s++) {
        if (first[s] >= 0) {
          flat[fill[first[s]]++] = s;
        }
        if (second != null && second[s] >= 0) {
          flat[fill[second[s]]++] = s;
        }
      }
    }

    @Override
    public int count(GenKind kind) {
      return mix.count(kind);
    }

    @Override
    public String name(GenKind kind, int index) {
      return EntityFactory.name(seed, kind, Integer.toString(index));
    }

    ObjectNode entity(GenKind kind, int i, String location) {
      String name = name(kind, i);
      return switch (kind) {
        case GROUP -> EntityFactory.group(
            name,
            parent[i] < 0 ? null : name(GenKind.GROUP, parent[i]),
            names(GenKind.GROUP, children, childStart[i], childStart[i + 1]),
            names(GenKind.USER, members, memberStart[i], memberStart[i + 1]),
            location,
            DEFAULT_ORIGIN);
        case USER -> EntityFactory.user(
            name,
            secondary[i] < 0
                ? List.of(name(GenKind.GROUP, primary[i]))
                : List.of(name(GenKind.GROUP, primary[i]), name(GenKind.GROUP, secondary[i])),
            location,
            DEFAULT_ORIGIN);
        default -> EntityFactory.build(
            kind, name, new SplittableRandom(EntityFactory.mix(seed, SALT_ENTITY + kind.ordinal(), i)), this,
            location, DEFAULT_ORIGIN);
      };
    }

    private List<String> names(GenKind kind, int[] flat, int from, int to) {
      List<String> out = new ArrayList<>(to - from);
      for (int j = from; j < to; j++) {
        out.add(name(kind, flat[j]));
      }
      return out;
    }
  }
}
