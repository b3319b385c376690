package org.catalogengine.internal.processing;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What the processing loop hands the pipeline for one claimed entity.
 *
 * @param unprocessed the unprocessed entity JSON as stored (envelope checked by the pipeline, L5)
 * @param cache the stored processor cache
 * @param parents the parent lookup for the result hash (L25)
 */
public record PipelineInput(JsonNode unprocessed, ProcessorCacheState cache, ParentLookup parents) {

  public PipelineInput {
    Objects.requireNonNull(unprocessed, "unprocessed");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(parents, "parents");
  }

  /** An input without cache and parents. */
  public static PipelineInput of(JsonNode unprocessed) {
    return new PipelineInput(unprocessed, ProcessorCacheState.EMPTY, ParentLookup.NONE);
  }
}
