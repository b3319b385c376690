package org.catalogengine.jdbc.testing;

import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** Small entity factories for tests. */
public final class Entities {
  private Entities() {}

  /** An entity {@code kind:default/name} with {@code spec.version = version}. */
  public static Entity entity(String kind, String name, String version) {
    ObjectNode json = CanonicalJson.MAPPER.createObjectNode();
    json.put("apiVersion", "backstage.io/v1alpha1");
    json.put("kind", kind);
    json.putObject("metadata").put("name", name);
    json.putObject("spec").put("version", version);
    return Entity.of(json);
  }

  /** A Component at version 1. */
  public static Entity component(String name) {
    return entity("Component", name, "1");
  }

  /** A Component at a version. */
  public static Entity component(String name, String version) {
    return entity("Component", name, version);
  }

  /** A deferred Component at version 1 with a key. */
  public static DeferredEntity item(String name, @Nullable String key) {
    return DeferredEntity.of(component(name), key);
  }

  /** A deferred entity with a key. */
  public static DeferredEntity item(Entity entity, @Nullable String key) {
    return DeferredEntity.of(entity, key);
  }

  /** {@code component:default/name}. */
  public static EntityRef ref(String name) {
    return EntityRef.of("component", "default", name);
  }
}
