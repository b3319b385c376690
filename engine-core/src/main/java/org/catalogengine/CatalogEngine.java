package org.catalogengine;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.catalogengine.error.InputException;
import org.catalogengine.internal.engine.ConfigLocationsProvider;
import org.catalogengine.internal.engine.DefaultCatalogEngine;
import org.catalogengine.internal.engine.LocationStoreProvider;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.storage.CatalogStore;
import org.jspecify.annotations.Nullable;

/**
 * The catalog engine: connects providers to a store. The processing loop and stitching arrive in a later
 * release; this version ingests provider mutations and registered locations.
 *
 * <pre>{@code
 * CatalogEngine engine = CatalogEngine.builder()
 *     .store(JdbcCatalogStore.builder().jdbcUrl("jdbc:sqlite:catalog.db").build())
 *     .provider(new TeamsProvider())
 *     .configLocation("url", "https://git/org/repo/blob/main/catalog-info.yaml")
 *     .build();
 * engine.start();
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1 (experimental)
 */
public interface CatalogEngine extends AutoCloseable {

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Applies the orphaned-provider strategy (spec P9) and connects every provider, built-ins first. A provider
   * whose {@code connect} throws is logged with its name; the others are still connected. Idempotent.
   */
  void start();

  /** Stops the engine; providers may keep calling their connections, which still write to the store. */
  void stop();

  /** Registered locations (spec R10). */
  LocationService locations();

  /** The store this engine writes to. */
  CatalogStore store();

  /** Same as {@link #stop()}; the store is the caller's to close. */
  @Override
  default void close() {
    stop();
  }

  /** Configures a {@link CatalogEngine}; cross-option checks run in {@link #build()}. */
  final class Builder {
    private @Nullable CatalogStore store;
    private final List<EntityProvider> providers = new ArrayList<>();
    private final List<ConfigLocation> configLocations = new ArrayList<>();
    private OrphanProviderStrategy orphanProviderStrategy = OrphanProviderStrategy.DELETE;
    private InstantSource clock = InstantSource.system();

    private Builder() {}

    /** The store (required). */
    public Builder store(CatalogStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Adds a provider; names must be unique, checked by {@link #build()}. */
    public Builder provider(EntityProvider provider) {
      providers.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /** Adds providers. */
    public Builder providers(Collection<? extends EntityProvider> providers) {
      providers.forEach(this::provider);
      return this;
    }

    /** Adds a configured location (spec P10 a). */
    public Builder configLocation(String type, String target) {
      configLocations.add(new ConfigLocation(type, target));
      return this;
    }

    /** Adds configured locations. */
    public Builder configLocations(Collection<ConfigLocation> locations) {
      locations.forEach(l -> configLocations.add(Objects.requireNonNull(l, "location")));
      return this;
    }

    /** What to do at start with buckets of providers no longer configured (default DELETE). */
    public Builder orphanProviderStrategy(OrphanProviderStrategy strategy) {
      this.orphanProviderStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** The clock (default the system clock). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws InputException if no store is set, a provider has a blank name, or two providers (including the
     *     built-in {@code config-locations} and {@code location-store}) share a name — the message names both
     */
    public CatalogEngine build() {
      if (store == null) {
        throw new InputException("CatalogEngine.builder() needs a store(...)");
      }
      LocationStoreProvider locationStore = new LocationStoreProvider(store);
      List<EntityProvider> all = new ArrayList<>();
      all.add(new ConfigLocationsProvider(configLocations));
      all.add(locationStore);
      all.addAll(providers);
      Map<String, EntityProvider> byName = new LinkedHashMap<>();
      for (EntityProvider p : all) {
        String name = p.name();
        if (name == null || name.isBlank()) {
          throw new InputException("Provider " + p.getClass().getName() + " has a blank name; provider names"
              + " must be non-blank and unique (P1)");
        }
        EntityProvider previous = byName.putIfAbsent(name, p);
        if (previous != null) {
          throw new InputException("Providers " + previous.getClass().getName() + " and " + p.getClass().getName()
              + " are both named '" + name + "'; provider names must be unique (P1)");
        }
      }
      return new DefaultCatalogEngine(store, List.copyOf(byName.values()), locationStore, orphanProviderStrategy,
          clock);
    }
  }
}
