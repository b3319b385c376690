package org.catalogengine.benchmarks.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.catalogengine.model.EntityRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a full set into the next full set of a delta scenario.
 *
 * <p>Rules: {@code round(size * removed)} and {@code round(size * changed)} distinct base entities are picked at
 * random (seeded) and removed resp. changed; {@code round(size * added)} new entities are appended, apportioned over
 * kinds like {@link KindMix}. A change is one of: the description gets a revision suffix, a tag {@code rev-K} not
 * yet present is added, or (Component/API) the lifecycle moves to the next value; each always alters the content.
 * Added entities get names that occur in the base for no kind; their refs point only at surviving base entities in
 * the default namespace; added Groups have a parent but no children or members, added Users are members of 1–2
 * existing groups (whose {@code members} are left as they were, so the membership is one-sided). Added entities
 * go to new files numbered after the base's highest {@code entities-NNNN.yaml}. Refs in surviving entities to
 * removed ones are left dangling on purpose (soft references, E18): rewriting them would change more entities than
 * asked for.
 */
final class DeltaGenerator {

  private static final Pattern FILE_NUMBER = Pattern.compile("entities-(\\d+)\\.yaml$");
  private static final byte KEEP = 0;
  private static final byte REMOVE = 1;
  private static final byte CHANGE = 2;

  private DeltaGenerator() {}

  /** Replays the base set into a consumer; called twice. */
  interface Replay {
    void into(Consumer<ObjectNode> sink);
  }

  static DeltaRefs apply(
      Replay base, long seed, double changed, double removed, double added, Consumer<? super ObjectNode> sink) {
    checkFraction("changed", changed);
    checkFraction("removed", removed);
    checkFraction("added", added);
    if (changed + removed > 1.0) {
      throw new IllegalArgumentException(
          "changed + removed must be <= 1, got " + changed + " + " + removed);
    }
    Index index = new Index();
    base.into(index::add);
    int n = index.kinds.size();
    int removeCount = (int) Math.round(n * removed);
    int changeCount = (int) Math.round(n * changed);
    int addCount = (int) Math.round(n * added);

    byte[] action = new byte[n];
    SplittableRandom pickRng = new SplittableRandom(EntityFactory.mix(seed, 60, 0));
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < removeCount + changeCount; i++) {
      int j = i + pickRng.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
      action[perm[i]] = i < removeCount ? REMOVE : CHANGE;
    }

    List<EntityRef> changedRefs = new ArrayList<>(changeCount);
    List<EntityRef> removedRefs = new ArrayList<>(removeCount);
    int[] position = {0};
    base.into(entity -> {
      int p = position[0]++;
      switch (action[p]) {
        case REMOVE -> removedRefs.add(index.ref(p));
        case CHANGE -> {
          ObjectNode copy = entity.deepCopy();
          change(copy, new SplittableRandom(EntityFactory.mix(seed, 61, p)), seed);
          changedRefs.add(index.ref(p));
          sink.accept(copy);
        }
        default -> sink.accept(entity);
      }
    });
    if (position[0] != n) {
      throw new IllegalStateException("base replay was not repeatable: " + n + " then " + position[0] + " entities");
    }

    List<EntityRef> addedRefs = new ArrayList<>(addCount);
    if (addCount > 0) {
      Pool pool = new Pool(index, action);
      for (GenKind required : List.of(GenKind.GROUP, GenKind.SYSTEM, GenKind.DOMAIN)) {
        if (pool.count(required) == 0) {
          throw new IllegalArgumentException(
              "cannot add entities: the base has no surviving " + required.kindName + " in namespace default");
        }
      }
      KindMix mix = KindMix.of(addCount);
      String tag = Long.toString(seed & 0xFFFFFFL, 36);
      int k = 0;
      for (GenKind kind : GenKind.values()) {
        for (int j = 0; j < mix.count(kind); j++, k++) {
          String name = freshName(index, seed, kind, "a" + tag + "-" + j);
          String location = CatalogGenerator.defaultLocation(index.maxFile + 1 + k / CatalogGenerator.ENTITIES_PER_FILE);
          SplittableRandom rng = new SplittableRandom(EntityFactory.mix(seed, 62 + kind.ordinal(), j));
          ObjectNode entity = switch (kind) {
            case GROUP -> EntityFactory.group(
                name, pool.pick(rng, GenKind.GROUP), List.of(), List.of(), location, index.origin());
            case USER -> EntityFactory.user(
                name, pool.pickDistinct(rng, GenKind.GROUP, 1 + rng.nextInt(2), null), location, index.origin());
            default -> EntityFactory.build(kind, name, rng, pool, location, index.origin());
          };
          addedRefs.add(EntityRef.of(kind.kindName, EntityRef.DEFAULT_NAMESPACE, name));
          sink.accept(entity);
        }
      }
    }
    return new DeltaRefs(changedRefs, removedRefs, addedRefs);
  }

  private static void checkFraction(String what, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(what + " fraction must be in [0, 1], got " + value);
    }
  }

  private static String freshName(Index index, long seed, GenKind kind, String indexPart) {
    String name = EntityFactory.name(seed, kind, indexPart);
    for (int attempt = 1; index.names.contains(name.toLowerCase(Locale.ROOT)); attempt++) {
      name = EntityFactory.name(seed, kind, indexPart + "-" + attempt);
    }
    return name;
  }

  /** Applies one deterministic content change that always makes the entity differ from before. */
  private static void change(ObjectNode entity, SplittableRandom rng, long seed) {
    ObjectNode metadata = (ObjectNode) entity.get("metadata");
    JsonNode spec = entity.get("spec");
    boolean hasLifecycle = spec instanceof ObjectNode && spec.get("lifecycle") != null
        && spec.get("lifecycle").isString();
    switch (rng.nextInt(hasLifecycle ? 3 : 2)) {
      case 0 -> {
        JsonNode old = metadata.get("description");
        String prefix = old != null && old.isString() ? old.stringValue() + " " : "";
        metadata.put("description", prefix + "Revised r" + Long.toHexString(seed) + ".");
      }
      case 1 -> {
        JsonNode tags = metadata.get("tags");
        ArrayNode array = tags instanceof ArrayNode a ? a : metadata.putArray("tags");
        Set<String> present = new HashSet<>();
        array.forEach(t -> present.add(t.asString()));
        int k = 1;
        while (present.contains("rev-" + k)) {
          k++;
        }
        array.add("rev-" + k);
      }
      default -> {
        String current = spec.get("lifecycle").stringValue();
        String next = EntityFactory.LIFECYCLES[0];
        for (int i = 0; i < EntityFactory.LIFECYCLES.length; i++) {
          if (EntityFactory.LIFECYCLES[i].equals(current)) {
            next = EntityFactory.LIFECYCLES[(i + 1) % EntityFactory.LIFECYCLES.length];
          }
        }
        ((ObjectNode) spec).put("lifecycle", next);
      }
    }
  }

  /** What the first pass remembers per base position: kind, namespace, name; plus all names and the last file. */
  private static final class Index {
    final List<String> kinds = new ArrayList<>();
    final List<String> namespaces = new ArrayList<>();
    final List<String> names0 = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    int maxFile;
    String firstOrigin = CatalogGenerator.DEFAULT_ORIGIN;

    void add(ObjectNode entity) {
      String kind = entity.path("kind").asString();
      JsonNode metadata = entity.path("metadata");
      String name = metadata.path("name").asString();
      String namespace = metadata.path("namespace").isString()
          ? metadata.path("namespace").stringValue() : EntityRef.DEFAULT_NAMESPACE;
      kinds.add(kind);
      namespaces.add(namespace);
      names0.add(name);
      names.add(name.toLowerCase(Locale.ROOT));
      JsonNode annotations = metadata.path("annotations");
      Matcher m = FILE_NUMBER.matcher(annotations.path(EntityFactory.LOCATION).asString(""));
      if (m.find()) {
        maxFile = Math.max(maxFile, Integer.parseInt(m.group(1)));
      }
      if (kinds.size() == 1 && annotations.path(EntityFactory.ORIGIN_LOCATION).isString()) {
        firstOrigin = annotations.path(EntityFactory.ORIGIN_LOCATION).stringValue();
      }
    }

    EntityRef ref(int p) {
      return EntityRef.of(kinds.get(p), namespaces.get(p), names0.get(p));
    }

    String origin() {
      return firstOrigin;
    }
  }

  /** Surviving default-namespace base entities per kind, as ref targets for added entities. */
  private static final class Pool implements EntityFactory.RefPool {
    private final Map<GenKind, List<String>> byKind = new EnumMap<>(GenKind.class);

    Pool(Index index, byte[] action) {
      for (GenKind k : GenKind.values()) {
        byKind.put(k, new ArrayList<>());
      }
      for (int p = 0; p < action.length; p++) {
        if (action[p] != REMOVE && EntityRef.DEFAULT_NAMESPACE.equalsIgnoreCase(index.namespaces.get(p))) {
          int pos = p;
          GenKind.of(index.kinds.get(p)).ifPresent(k -> byKind.get(k).add(index.names0.get(pos)));
        }
      }
    }

    @Override
    public int count(GenKind kind) {
      return byKind.get(kind).size();
    }

    @Override
    public String name(GenKind kind, int index) {
      return byKind.get(kind).get(index);
    }
  }
}
