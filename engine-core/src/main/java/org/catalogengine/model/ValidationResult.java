package org.catalogengine.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link EntityValidator#validate}: the normalised entity (after the default policies, such as
 * writing {@code metadata.namespace}) when the envelope allowed building one, and every problem found.
 *
 * @param entity the normalised entity, or {@code null} when the envelope is broken
 * @param problems every problem found, in a stable order; empty when valid
 * @since 0.1 (maintained)
 */
public record ValidationResult(@Nullable Entity entity, List<ValidationProblem> problems) {

  public ValidationResult {
    problems = List.copyOf(problems);
  }

  /** True when there are no problems. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** The normalised entity, if the envelope allowed building one. */
  public Optional<Entity> normalized() {
    return Optional.ofNullable(entity);
  }
}
