package org.catalogengine.spi.provider;

import java.util.Collection;

/**
 * A provider's handle on the engine (spec P2, P8). Thread-safe.
 *
 * @since 0.1 (maintained)
 */
public interface EntityProviderConnection {

  /**
   * Applies a mutation to this provider's bucket in one transaction.
   *
   * @throws org.catalogengine.error.InputException if any entity is not a well-formed envelope; nothing of the
   *     mutation is stored, the message names the provider and the offending item
   * @throws org.catalogengine.error.StorageException if the database fails after bounded retries
   */
  void applyMutation(EntityMutation mutation);

  /**
   * Makes every entity that registered one of the refresh keys due for processing now (spec P8). Never blocks
   * on processing.
   */
  void refresh(Collection<String> keys);
}
