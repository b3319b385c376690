package org.catalogengine;

import java.util.List;
import java.util.Optional;
import org.catalogengine.spi.storage.StoredLocation;

/**
 * Registered locations (spec P10 b, R10): registering stores the location and adds its generated Location
 * entity to the catalog; unregistering removes it and eagerly prunes what it alone brought in.
 *
 * <pre>{@code
 * StoredLocation l = engine.locations().register("url", "https://git/org/repo/blob/main/catalog-info.yaml");
 * engine.locations().unregister(l.id());
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
public interface LocationService {

  /**
   * Registers a location.
   *
   * @throws org.catalogengine.error.ConflictException if {@code type:target} is already registered
   * @throws org.catalogengine.error.InputException if type or target is blank
   */
  StoredLocation register(String type, String target);

  /**
   * Unregisters a location and removes its generated entity with its exclusive descendants.
   *
   * @throws org.catalogengine.error.NotFoundException if no location has that id
   */
  void unregister(String id);

  /** All registered locations, by type then target. */
  List<StoredLocation> list();

  /** A registered location by id. */
  Optional<StoredLocation> get(String id);
}
