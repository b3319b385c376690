package org.catalogengine;

/**
 * What happens to entities that no provider or parent claims any more (spec O4, O5).
 *
 * @since 0.1 (experimental)
 */
public enum OrphanStrategy {
  /** Orphans stay, marked with {@code backstage.io/orphan: "true"}, until reclaimed or deleted. */
  KEEP,
  /** Orphans are deleted (transitively), and entities with relations to them are reprocessed (default). */
  DELETE
}
