package org.catalogengine.internal.engine;

import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.catalogengine.CatalogEngine;
import org.catalogengine.LocationService;
import org.catalogengine.OrphanProviderStrategy;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.storage.CatalogStore;
import org.catalogengine.spi.storage.MutationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: orphaned-provider cleanup and provider connections. Seam for issue 4: the processing loop and the
 * stitcher start here, after the providers are connected.
 */
public final class DefaultCatalogEngine implements CatalogEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCatalogEngine.class);

  private final CatalogStore store;
  private final List<EntityProvider> providers;
  private final LocationStoreProvider locations;
  private final OrphanProviderStrategy orphanProviderStrategy;
  @SuppressWarnings("unused") // used by the processing loop (issue 4)
  private final InstantSource clock;
  private boolean started;

  public DefaultCatalogEngine(CatalogStore store, List<EntityProvider> providers, LocationStoreProvider locations,
      OrphanProviderStrategy orphanProviderStrategy, InstantSource clock) {
    this.store = store;
    this.providers = List.copyOf(providers);
    this.locations = locations;
    this.orphanProviderStrategy = orphanProviderStrategy;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (started) {
      return;
    }
    Set<String> configured = new TreeSet<>();
    providers.forEach(p -> configured.add(p.name()));
    for (String source : store.sourceKeys()) {
      if (configured.contains(source)) {
        continue;
      }
      if (orphanProviderStrategy == OrphanProviderStrategy.DELETE) {
        MutationResult r = store.deleteBucket(source);
        LOG.info("Removed the bucket of provider '{}', which is no longer configured: {} entities deleted (P9)",
            source, r.deleted());
      } else {
        LOG.info("Keeping the bucket of provider '{}', which is no longer configured (orphanProviderStrategy KEEP)",
            source);
      }
    }
    for (EntityProvider p : providers) {
      try {
        p.connect(new StoreConnection(p.name(), store));
      } catch (RuntimeException e) {
        LOG.error("Provider '{}' ({}) failed to connect; the other providers are unaffected", p.name(),
            p.getClass().getName(), e);
      }
    }
    started = true;
  }

  @Override
  public synchronized void stop() {
    started = false;
  }

  @Override
  public LocationService locations() {
    return locations;
  }

  @Override
  public CatalogStore store() {
    return store;
  }
}
