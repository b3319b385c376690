package org.catalogengine.spi.storage;

/**
 * Receives conflicts the first time they are seen (spec K4; replaces Backstage's
 * {@code experimental.catalog.conflict} topic). Called after commit, on the writing thread; an exception
 * thrown here is logged and swallowed.
 *
 * <pre>{@code
 * JdbcCatalogStore.builder().jdbcUrl(url).conflictListener(e -> log.info("conflict on {}", e.ref())).build();
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
@FunctionalInterface
public interface ConflictListener {

  /** A listener that ignores every event. */
  ConflictListener NONE = event -> {};

  /** Called once per newly seen conflict. */
  void onConflict(ConflictEvent event);
}
