package org.catalogengine.spi.provider;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An entity as raw JSON, for providers that read documents from elsewhere and want the engine to check them:
 * see {@link EntityProviderConnection#applyFullJson} and {@link EntityProviderConnection#applyDeltaJson}.
 *
 * @param json the entity document; checked (spec E15) when the mutation is applied
 * @param locationKey the key used for conflict resolution, or {@code null}
 * @since 0.1 (experimental)
 */
public record JsonEntity(JsonNode json, @Nullable String locationKey) {

  public JsonEntity {
    Objects.requireNonNull(json, "json");
  }
}
