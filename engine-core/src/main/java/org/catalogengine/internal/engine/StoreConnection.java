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
  private final Runnable onChange;
  private final java.util.function.Consumer<java.util.List<org.catalogengine.spi.storage.StitchCommit>> announce;

  /**
   * {@code onChange} runs after each mutation or refresh, so that idle workers look for the new work at once;
   * {@code announce} gets the removals of pruned entities for the change listeners.
   */
  StoreConnection(String name, CatalogStore store, Runnable onChange,
      java.util.function.Consumer<java.util.List<org.catalogengine.spi.storage.StitchCommit>> announce) {
    this.name = name;
    this.store = store;
    this.onChange = onChange;
    this.announce = announce;
  }

  @Override
  public void applyMutation(EntityMutation mutation) {
    Objects.requireNonNull(mutation, "mutation");
    MutationResult r = store.applyMutation(name, mutation);
    LOG.debug("Provider '{}' mutation applied: {}", name, r);
    if (!r.removals().isEmpty()) {
      announce.accept(r.removals());
    }
    onChange.run();
  }

  @Override
  public String providerName() {
    return name;
  }

  @Override
  public void refresh(Collection<String> keys) {
    store.refresh(keys);
    onChange.run();
  }
}
