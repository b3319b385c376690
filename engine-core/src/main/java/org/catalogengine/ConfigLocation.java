package org.catalogengine;

import org.catalogengine.error.InputException;

/**
 * A location from the embedding service's configuration, read at every start (spec P10 a).
 *
 * @param type the location type, e.g. {@code url} or {@code file}
 * @param target the target, e.g. {@code https://git/org/repo/blob/main/catalog-info.yaml}
 * @since 0.1 (experimental)
 */
public record ConfigLocation(String type, String target) {
  public ConfigLocation {
    if (type == null || type.isBlank() || target == null || target.isBlank()) {
      throw new InputException("A config location needs a non-blank type and target, got '" + type + "' and '"
          + target + "'");
    }
  }
}
