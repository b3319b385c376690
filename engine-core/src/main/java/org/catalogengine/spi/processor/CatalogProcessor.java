package org.catalogengine.spi.processor;

import org.catalogengine.model.Entity;

/**
 * A plug-in step of the processing pipeline (spec §5.2): it may transform an entity before and after
 * validation, vouch for entity kinds, read locations, and emit children, relations, errors and refresh keys.
 *
 * <p>Processors run in registration order, reordered by {@link #priority()} (lower first, ties keep
 * registration order). Every method has a no-op default, so a processor implements only what it needs.
 * Exceptions thrown from any method are caught by the engine, stored on the entity as an error naming the
 * processor, and fail that run; they never stop the processing loop.
 *
 * <pre>{@code
 * final class TeamTagger implements CatalogProcessor {
 *   public String name() { return "team-tagger"; }
 *
 *   public Entity postProcessEntity(Entity entity, LocationSpec location, Emitter emit, ProcessorCache cache) {
 *     return entity.with(json -> json.withObject("metadata").withArray("tags").add("team-a"));
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one instance serves several workers at once. Per-entity state
 * belongs in the {@link ProcessorCache}.
 *
 * @since 0.1 (experimental)
 */
public interface CatalogProcessor {

  /** The default {@link #priority()}. */
  int DEFAULT_PRIORITY = 20;

  /**
   * A stable, unique name; it keys the processor's cache and appears in error messages.
   *
   * @return the name, non-empty
   */
  String name();

  /**
   * Ordering among processors: lower runs earlier; equal priorities keep registration order.
   *
   * @return the priority; {@value #DEFAULT_PRIORITY} by default
   */
  default int priority() {
    return DEFAULT_PRIORITY;
  }

  /**
   * Transforms the entity before policies and validation (spec L7).
   *
   * @param entity the output of the previous processor
   * @param location the entity's own location ({@code managed-by-location})
   * @param emit receives results
   * @param originLocation the location the entity's tree was first read from ({@code managed-by-origin-location})
   * @param cache this processor's cache for the entity
   * @return the entity to pass on (the argument when unchanged); never null
   */
  default Entity preProcessEntity(
      Entity entity, LocationSpec location, Emitter emit, LocationSpec originLocation, ProcessorCache cache) {
    return entity;
  }

  /**
   * Whether this processor recognises the entity's kind (spec L9c, E20). At least one processor must return
   * true, else the run fails.
   *
   * @param entity the validated entity
   * @return true if the kind (and its shape) is known to this processor
   */
  default boolean validateEntityKind(Entity entity) {
    return false;
  }

  /**
   * Reads a location target of a Location entity (spec L10) and emits what it finds.
   *
   * @param location the resolved location (type, absolute target, presence)
   * @param optional whether a missing target is acceptable (then emit nothing)
   * @param emit receives results: entities, errors, refresh keys
   * @param parser parses descriptor files
   * @param cache this processor's cache view for this target
   * @return true if this processor handled the location type; false to offer it to the next processor
   */
  default boolean readLocation(
      LocationSpec location, boolean optional, Emitter emit, DescriptorParser parser, ProcessorCache cache) {
    return false;
  }

  /**
   * Transforms the entity after validation and location reading (spec L11); built-in relations are emitted here.
   *
   * @param entity the output of the previous processor
   * @param location the entity's own location
   * @param emit receives results
   * @param cache this processor's cache for the entity
   * @return the entity to pass on (the argument when unchanged); never null
   */
  default Entity postProcessEntity(Entity entity, LocationSpec location, Emitter emit, ProcessorCache cache) {
    return entity;
  }
}
