package org.catalogengine.internal.processing;

import java.util.List;
import java.util.Optional;
import org.catalogengine.model.Entity;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.provider.DeferredEntity;
import org.jspecify.annotations.Nullable;

/**
 * Everything the loop writes after one run (spec §5.4–5.8). When {@code ok} is false only {@code errors},
 * {@code resultHash} and {@code cache} are meaningful: the loop keeps the previous processed entity, children,
 * relations and refresh keys (L23), and the lists here are empty.
 *
 * @param ok whether the run succeeded (L13)
 * @param completedEntity the processed entity when ok (uid not yet set), else {@code null}
 * @param children deferred children with their location keys (K6), when ok
 * @param relations de-duplicated relations, when ok
 * @param errors the run's errors, in emission order
 * @param refreshKeys de-duplicated refresh keys, when ok
 * @param cache the processor cache state to store (L27, L28)
 * @param cacheChanged whether {@code cache} differs from the input state
 * @param resultHash the L25 hash
 * @param warnings non-fatal notes (ignored self-emission, late emits), already logged
 */
public record PipelineOutput(
    boolean ok,
    @Nullable Entity completedEntity,
    List<DeferredEntity> children,
    List<Relation> relations,
    List<ProcessingError> errors,
    List<String> refreshKeys,
    ProcessorCacheState cache,
    boolean cacheChanged,
    String resultHash,
    List<String> warnings) {

  public PipelineOutput {
    children = List.copyOf(children);
    relations = List.copyOf(relations);
    errors = List.copyOf(errors);
    refreshKeys = List.copyOf(refreshKeys);
    warnings = List.copyOf(warnings);
  }

  /** The completed entity, present iff ok. */
  public Optional<Entity> completed() {
    return Optional.ofNullable(completedEntity);
  }
}
