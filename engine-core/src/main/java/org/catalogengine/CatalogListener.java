package org.catalogengine;

import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;

/**
 * Receives final-entity changes after they commit (DESIGN decision 11), in generation order per stitch batch,
 * so an embedding service can update a search index or a cache without polling. Generations are monotonic across
 * the whole store. Called on a stitch worker thread; keep it quick. An exception is logged and never stops
 * stitching.
 *
 * <pre>{@code
 * CatalogEngine.builder().listener(new CatalogListener() {
 *   public void upserted(Entity entity, long generation) { index.put(entity.ref(), entity); }
 *   public void removed(EntityRef ref, long generation) { index.remove(ref); }
 * });
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
public interface CatalogListener {

  /** A listener that ignores everything. */
  CatalogListener NONE = new CatalogListener() {};

  /** A final entity was created or changed. */
  default void upserted(Entity entity, long generation) {}

  /** An entity was removed (its final entity no longer exists). */
  default void removed(EntityRef ref, long generation) {}
}
