package org.catalogengine.jdbc.loop;

import java.util.List;
import org.catalogengine.CatalogListener;
import java.util.concurrent.atomic.AtomicReference;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.Emitter;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessingResult;
import org.catalogengine.spi.processor.ProcessorCache;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.provider.EntityProviderConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid entities (with location annotations), a test provider and a child-emitting processor. */
final class LoopEntities {
  static final String LOCATION = "url:https://git/org/repo/catalog-info.yaml";

  private LoopEntities() {}

  static ObjectNode base(String kind, String name) {
    ObjectNode json = CanonicalJson.MAPPER.createObjectNode();
    json.put("apiVersion", "backstage.io/v1alpha1");
    json.put("kind", kind);
    ObjectNode metadata = json.putObject("metadata");
    metadata.put("name", name);
    metadata.putObject("annotations")
        .put("backstage.io/managed-by-location", LOCATION)
        .put("backstage.io/managed-by-origin-location", LOCATION);
    return json;
  }

  /** A service owned by a group. */
  static Entity component(String name, String owner) {
    ObjectNode json = base("Component", name);
    json.putObject("spec").put("type", "service").put("lifecycle", "production").put("owner", owner);
    return Entity.of(json);
  }

  /** A service that emits the named children (see {@link ChildEmitter}). */
  static Entity parent(String name, String... children) {
    ObjectNode json = base("Component", name);
    ObjectNode spec = json.putObject("spec").put("type", "service").put("lifecycle", "production")
        .put("owner", "team-a");
    var array = spec.putArray("emits");
    for (String c : children) {
      array.add(c);
    }
    return Entity.of(json);
  }

  static Entity group(String name) {
    ObjectNode json = base("Group", name);
    json.putObject("spec").put("type", "team").putArray("children");
    return Entity.of(json);
  }

  static EntityRef eref(String ref) {
    return EntityRef.parse(ref);
  }

  /** A provider whose mutations the test sends. */
  static final class TestProvider implements EntityProvider {
    final AtomicReference<EntityProviderConnection> connection = new AtomicReference<>();

    @Override
    public String name() {
      return "test-provider";
    }

    @Override
    public void connect(EntityProviderConnection c) {
      connection.set(c);
    }

    void full(Entity... entities) {
      connection.get().applyMutation(EntityMutation.full(
          List.of(entities).stream().map(e -> DeferredEntity.of(e, LOCATION)).toList()));
    }
  }

  /** Emits a Component child for every name in {@code spec.emits}; {@code "a>b"} emits a, which emits b. */
  static final class ChildEmitter implements CatalogProcessor {
    @Override
    public String name() {
      return "child-emitter";
    }

    @Override
    public Entity postProcessEntity(Entity entity, LocationSpec location, Emitter emit, ProcessorCache cache) {
      JsonNode emits = entity.toJson().path("spec").path("emits");
      for (JsonNode n : emits) {
        String[] chain = n.asString().split(">", 2);
        Entity child = chain.length == 1 ? component(chain[0], "team-a") : parent(chain[0], chain[1]);
        emit.accept(ProcessingResult.entity(location, child));
      }
      return entity;
    }
  }

  /** Fails every entity named {@code broken} (and those listed in {@link #failing}). */
  static final class Breaker implements CatalogProcessor {
    static final java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
      return "breaker";
    }

    @Override
    public Entity preProcessEntity(Entity entity, LocationSpec location, Emitter emit, LocationSpec origin,
        ProcessorCache cache) {
      if (entity.name().equals("broken") || failing.contains(entity.name())) {
        throw new IllegalStateException("broken on purpose");
      }
      return entity;
    }
  }

  /** Records every change event as {@code "upserted <ref> <generation>"} or {@code "removed <ref> <generation>"}. */
  static CatalogListener recording(List<String> events) {
    return new CatalogListener() {
      @Override
      public void upserted(Entity entity, long generation) {
        events.add("upserted " + entity.ref() + " " + generation);
      }

      @Override
      public void removed(EntityRef ref, long generation) {
        events.add("removed " + ref + " " + generation);
      }
    };
  }
}
