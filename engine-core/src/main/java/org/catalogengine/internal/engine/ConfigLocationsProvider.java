package org.catalogengine.internal.engine;

import java.util.List;
import org.catalogengine.ConfigLocation;
import org.catalogengine.internal.provider.GeneratedLocations;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.provider.EntityProviderConnection;

/** P10 a: at start, a full mutation of one generated Location entity per configured location. */
public final class ConfigLocationsProvider implements EntityProvider {
  /** The reserved provider name. */
  public static final String NAME = "config-locations";

  private final List<ConfigLocation> locations;

  public ConfigLocationsProvider(List<ConfigLocation> locations) {
    this.locations = List.copyOf(locations);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void connect(EntityProviderConnection connection) {
    List<DeferredEntity> entities = locations.stream().map(l -> GeneratedLocations.of(l.type(), l.target())).toList();
    connection.applyMutation(EntityMutation.full(entities));
  }
}
