package org.catalogengine.internal.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the generated Location entity for a {@code type:target} (spec P10, L15), in Backstage's exact shape
 * ({@code locationSpecToLocationEntity}): name {@code generated-} + hex SHA-1 of {@code type:target}, no
 * {@code metadata.namespace} (so the ref's namespace is {@code default} and the body, hence its hash, equals
 * Backstage's), both location annotations, and spec {@code {type, target, presence?}}.
 */
public final class GeneratedLocations {

  /** The annotation naming the location an entity was read from. */
  public static final String LOCATION_ANNOTATION = "backstage.io/managed-by-location";

  /** The annotation naming the root location an entity was discovered through. */
  public static final String ORIGIN_LOCATION_ANNOTATION = "backstage.io/managed-by-origin-location";

  /** Whether the target must exist; {@code null} presence is left out of the spec. */
  public enum Presence {
    REQUIRED,
    OPTIONAL;

    /** The spec value, {@code required} or {@code optional}. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private GeneratedLocations() {}

  /** {@code generated-} + hex SHA-1 of the UTF-8 bytes of {@code type:target}. */
  public static String metadataName(LocationRef location) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest(location.toString().getBytes(StandardCharsets.UTF_8));
      return "generated-" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the Java platform", e);
    }
  }

  /** The ref {@code location:default/generated-<sha1>} of the generated entity. */
  public static EntityRef ref(LocationRef location) {
    return EntityRef.of("location", EntityRef.DEFAULT_NAMESPACE, metadataName(location));
  }

  /** A root Location (config or location store): both annotations are the location itself. */
  public static Entity entity(LocationRef location, @Nullable Presence presence) {
    String self = location.toString();
    return build(location, presence, self, self);
  }

  /**
   * A Location emitted by a processor (L15): its own location annotation is the parent's location and its
   * origin is the parent's origin.
   */
  public static Entity childEntity(
      LocationRef location, @Nullable Presence presence, String parentLocation, String parentOriginLocation) {
    return build(location, presence, parentLocation, parentOriginLocation);
  }

  /** A root Location with locationKey {@code type:target}, ready for a provider mutation (P10). */
  public static DeferredEntity deferred(LocationRef location, @Nullable Presence presence) {
    return DeferredEntity.of(entity(location, presence), location.toString());
  }

  /** A root Location without presence, with locationKey {@code type:target}. */
  /** The generated Location entity for {@code type:target}, keyed by {@code type:target}. */
  public static DeferredEntity of(String type, String target) {
    return deferred(LocationRef.of(type, target));
  }

  public static DeferredEntity deferred(LocationRef location) {
    return deferred(location, null);
  }

  private static Entity build(
      LocationRef location, @Nullable Presence presence, String ownLocation, String originLocation) {
    ObjectNode json = CanonicalJson.MAPPER.createObjectNode();
    json.put("apiVersion", "backstage.io/v1alpha1");
    json.put("kind", "Location");
    ObjectNode metadata = json.putObject("metadata");
    metadata.put("name", metadataName(location));
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put(LOCATION_ANNOTATION, ownLocation);
    annotations.put(ORIGIN_LOCATION_ANNOTATION, originLocation);
    ObjectNode spec = json.putObject("spec");
    spec.put("type", location.type());
    spec.put("target", location.target());
    if (presence != null) {
      spec.put("presence", presence.value());
    }
    return Entity.of(json);
  }
}
