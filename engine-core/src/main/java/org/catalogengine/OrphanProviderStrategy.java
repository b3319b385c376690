package org.catalogengine;

/**
 * What {@link CatalogEngine#start()} does with the bucket of a provider that is no longer configured (spec P9).
 *
 * @since 0.1 (experimental)
 */
public enum OrphanProviderStrategy {
  /** Keep the entities of unconfigured providers (Backstage's behaviour before 1.41). */
  KEEP,
  /** Remove them with their exclusive descendants, as an empty full mutation would (the default). */
  DELETE
}
