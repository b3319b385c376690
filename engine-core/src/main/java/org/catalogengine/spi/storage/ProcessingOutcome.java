package org.catalogengine.spi.storage;

import java.util.List;
import java.util.Objects;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.provider.DeferredEntity;
import org.jspecify.annotations.Nullable;

/**
 * The result of one processing run, as the store writes it (spec §5.4–§5.6, L28). A {@code cacheJson} of null
 * means the processor cache is unchanged.
 *
 * @since 0.1 (experimental)
 */
public sealed interface ProcessingOutcome {

  /** The processed entity's id. */
  String entityId();

  /** The processed entity's ref. */
  EntityRef ref();

  /** The new processor cache state, or null when it is unchanged. */
  @Nullable String cacheJson();

  /**
   * The result hash equals the stored one (L25, CS38): only the cache (if changed) and the schedule are
   * written; nothing is stitched.
   *
   * @param ok whether the run succeeded (a failed run backs off, a successful one resets the failure count)
   */
  record Unchanged(String entityId, EntityRef ref, boolean ok, @Nullable String cacheJson)
      implements ProcessingOutcome {
    public Unchanged {
      Objects.requireNonNull(entityId, "entityId");
      Objects.requireNonNull(ref, "ref");
    }
  }

  /**
   * A successful run with a new result (L19–L22).
   *
   * @param claimedLocationKey the location key the entity was claimed with (K5 guard)
   * @param processed the processed entity, {@code metadata.uid} set to the entity id
   * @param children the emitted children with their location keys
   * @param relations the emitted relations, de-duplicated
   * @param refreshKeys the registered refresh keys
   * @param resultHash the new result hash
   */
  record Succeeded(
      String entityId,
      EntityRef ref,
      @Nullable String claimedLocationKey,
      Entity processed,
      List<DeferredEntity> children,
      List<Relation> relations,
      List<String> refreshKeys,
      String resultHash,
      @Nullable String cacheJson) implements ProcessingOutcome {
    public Succeeded {
      Objects.requireNonNull(entityId, "entityId");
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(processed, "processed");
      Objects.requireNonNull(resultHash, "resultHash");
      children = List.copyOf(children);
      relations = List.copyOf(relations);
      refreshKeys = List.copyOf(refreshKeys);
    }
  }

  /**
   * A failed run with a new result hash (L23): only the errors, the hash and the cache are written; the last
   * good processed entity, children, edges, relations and refresh keys are kept.
   *
   * @param errorsJson the serialized errors, a JSON array of {@code {name, message, ...}} objects
   */
  record Failed(String entityId, EntityRef ref, String errorsJson, String resultHash, @Nullable String cacheJson)
      implements ProcessingOutcome {
    public Failed {
      Objects.requireNonNull(entityId, "entityId");
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(errorsJson, "errorsJson");
      Objects.requireNonNull(resultHash, "resultHash");
    }
  }
}
