package org.catalogengine.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reason an entity is invalid: which entity, which field, which rule, and a message for a person.
 *
 * @param ref the entity's reference, or {@code null} when the envelope is too broken to form one
 * @param field the dotted path of the offending field, for example {@code metadata.tags[0]}; empty for the
 *     entity as a whole
 * @param rule the spec rule or schema that was broken, for example {@code E13} or {@code kind-schema}
 * @param message what is wrong, naming the offending value where that helps
 * @since 0.1 (maintained)
 */
public record ValidationProblem(@Nullable EntityRef ref, String field, String rule, String message) {

  public ValidationProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** {@code kind:namespace/name: message}, or just the message when there is no ref. */
  @Override
  public String toString() {
    return (ref == null ? "" : ref + ": ") + message;
  }
}
