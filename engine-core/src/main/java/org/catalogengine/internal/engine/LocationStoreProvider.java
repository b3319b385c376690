package org.catalogengine.internal.engine;

import java.util.List;
import java.util.Optional;
import org.catalogengine.LocationService;
import org.catalogengine.error.NotFoundException;
import org.catalogengine.spi.provider.GeneratedLocations;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.provider.EntityProviderConnection;
import org.catalogengine.spi.provider.RemovedEntity;
import org.catalogengine.spi.storage.CatalogStore;
import org.catalogengine.spi.storage.StoredLocation;

/**
 * P10 b and R10: registered locations. At connect a full mutation of every registered location's generated
 * entity; register adds a row and applies a delta add; unregister deletes the row and applies a delta remove
 * (eager pruning). Works before {@code start()} too, since it writes through its own store connection.
 */
public final class LocationStoreProvider implements EntityProvider, LocationService {
  /** The reserved provider name. */
  public static final String NAME = "location-store";

  private final CatalogStore store;
  private final StoreConnection connection;

  private volatile Runnable onChange = () -> {};
  private volatile java.util.function.Consumer<List<org.catalogengine.spi.storage.StitchCommit>> announce = c -> {};

  public LocationStoreProvider(CatalogStore store) {
    this.store = store;
    this.connection = new StoreConnection(NAME, store, () -> onChange.run(), c -> announce.accept(c));
  }

  /**
   * {@code onChange} runs after a location is registered or removed, so that idle workers look for the new work
   * at once; {@code announce} gets the removals of the entities an unregistered location leaves behind.
   */
  void connectTo(Runnable onChange, java.util.function.Consumer<List<org.catalogengine.spi.storage.StitchCommit>>
      announce) {
    this.onChange = onChange;
    this.announce = announce;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void connect(EntityProviderConnection ignored) {
    List<DeferredEntity> entities =
        store.locations().stream().map(l -> GeneratedLocations.of(l.type(), l.target())).toList();
    connection.applyMutation(EntityMutation.full(entities));
  }

  @Override
  public StoredLocation register(String type, String target) {
    StoredLocation location = store.insertLocation(type, target);
    try {
      connection.applyMutation(EntityMutation.delta(List.of(GeneratedLocations.of(type, target)), List.of()));
    } catch (RuntimeException e) {
      // keep the row and the catalog consistent: a location whose entity could not be written is not registered
      store.deleteLocation(location.id());
      throw e;
    }
    return location;
  }

  @Override
  public void unregister(String id) {
    StoredLocation location = store.deleteLocation(id)
        .orElseThrow(() -> new NotFoundException("No registered location has id '" + id + "'"));
    connection.applyMutation(EntityMutation.delta(List.of(), List.of(RemovedEntity.of(location.entityRef()))));
  }

  @Override
  public List<StoredLocation> list() {
    return store.locations();
  }

  @Override
  public Optional<StoredLocation> get(String id) {
    return store.location(id);
  }
}
