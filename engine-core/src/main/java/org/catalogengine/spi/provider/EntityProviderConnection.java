package org.catalogengine.spi.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.catalogengine.error.InputException;
import org.catalogengine.model.Entity;

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

  /** The name of the provider this connection belongs to (its bucket's source key). */
  String providerName();

  /**
   * Applies a full mutation whose entities are raw JSON documents. Every document is checked first; nothing is
   * stored when one is malformed.
   *
   * @throws InputException naming this provider, the item's position and what is wrong with it, when a
   *     document is not an object or lacks {@code apiVersion}, {@code kind} or {@code metadata.name}
   */
  default void applyFullJson(List<JsonEntity> entities) {
    applyMutation(EntityMutation.full(toDeferred(entities, "full")));
  }

  /**
   * Applies a delta mutation whose added entities are raw JSON documents, checked as in {@link #applyFullJson}.
   *
   * @throws InputException naming this provider and the offending item; nothing is stored
   */
  default void applyDeltaJson(List<JsonEntity> added, List<RemovedEntity> removed) {
    applyMutation(EntityMutation.delta(toDeferred(added, "delta"), removed));
  }

  private List<DeferredEntity> toDeferred(List<JsonEntity> items, String mutationType) {
    List<DeferredEntity> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonEntity item = items.get(i);
      try {
        out.add(DeferredEntity.of(Entity.of(item.json()), item.locationKey()));
      } catch (InputException e) {
        throw new InputException("Provider '" + providerName() + "' sent an invalid entity as item " + i + " of a "
            + mutationType + " mutation" + (item.locationKey() == null ? "" : " (location key " + item.locationKey()
            + ")") + ": " + e.getMessage() + "; nothing of this mutation was stored", e);
      }
    }
    return out;
  }
}
