package org.catalogengine.spi.storage;

import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * An internal parent→child link (spec S3): from a provider ({@code sourceKey}) or from an entity
 * ({@code sourceRef}) — exactly one of the two is set. Not a relation.
 *
 * @param sourceKey the provider name, for a provider root edge
 * @param sourceRef the parent entity, for an emitted child
 * @param target the child entity
 * @since 0.1 (experimental)
 */
public record ReferenceEdge(@Nullable String sourceKey, @Nullable EntityRef sourceRef, EntityRef target) {

  public ReferenceEdge {
    if ((sourceKey == null) == (sourceRef == null)) {
      throw new IllegalArgumentException("exactly one of sourceKey and sourceRef must be set (edge to " + target + ")");
    }
  }

  /** An edge from a provider. */
  public static ReferenceEdge fromProvider(String sourceKey, EntityRef target) {
    return new ReferenceEdge(sourceKey, null, target);
  }

  /** An edge from a parent entity. */
  public static ReferenceEdge fromEntity(EntityRef parent, EntityRef target) {
    return new ReferenceEdge(null, parent, target);
  }
}
