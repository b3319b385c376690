package org.catalogengine.spi.storage;

/**
 * Receives locationKey conflicts the first time they are seen (spec K4, CS31; replaces Backstage's
 * {@code experimental.catalog.conflict} topic): once per new conflict (or when its keys change), not on every run
 * that hits it again, and — as in K4 — only when the rejected write carried a key. Provider and child-emission
 * conflicts both arrive here; {@link ConflictEvent#source()} tells them apart. Called after the transaction that
 * recorded the conflict committed, on the writing thread; an exception thrown here is logged and swallowed.
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
