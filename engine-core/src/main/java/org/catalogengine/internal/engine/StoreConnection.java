package org.catalogengine.internal.engine;

import java.util.Collection;
import java.util.Objects;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.EntityProviderConnection;
import org.catalogengine.spi.storage.CatalogStore;
import org.catalogengine.spi.storage.MutationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A provider's connection: its mutations go to its own bucket in the store (P2). */
final class StoreConnection implements EntityProviderConnection {
  private static final Logger LOG = LoggerFactory.getLogger(StoreConnection.class);

  private final String name;
  private final CatalogStore store;

  StoreConnection(String name, CatalogStore store) {
    this.name = name;
    this.store = store;
  }

  @Override
  public void applyMutation(EntityMutation mutation) {
    Objects.requireNonNull(mutation, "mutation");
    MutationResult r = store.applyMutation(name, mutation);
    LOG.debug("Provider '{}' mutation applied: {}", name, r);
  }

  @Override
  public void refresh(Collection<String> keys) {
    store.refresh(keys);
  }
}
