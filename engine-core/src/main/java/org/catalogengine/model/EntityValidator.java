package org.catalogengine.model;

import java.util.List;
import org.catalogengine.error.InputException;
import tools.jackson.databind.JsonNode;

/**
 * Validates unprocessed entities: envelope (E15), default policies (E1, E2), field formats (E8–E14), the JSON
 * schema of built-in kinds (§1.4) and the parsing of relation references (E17).
 *
 * <p>STUB: only the envelope is checked until the full validator lands.
 *
 * @since 0.1 (experimental)
 */
public final class EntityValidator {

  private EntityValidator() {}

  /** The default validator for the built-in kinds. */
  public static EntityValidator defaults() {
    return new EntityValidator();
  }

  /** Validates one entity document and reports every problem found. Never throws for bad input. */
  public ValidationResult validate(JsonNode json) {
    try {
      return new ValidationResult(Entity.of(json), List.of());
    } catch (InputException e) {
      return new ValidationResult(null, List.of(new ValidationProblem(null, "", "E15", e.getMessage())));
    }
  }
}
