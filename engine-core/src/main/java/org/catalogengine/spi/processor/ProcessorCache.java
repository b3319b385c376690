package org.catalogengine.spi.processor;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A processor's small per-entity memory between runs, for example the etag and results of the last read
 * (spec L27, L28).
 *
 * <p>{@link #get} returns what the processor {@link #set} during the last <em>successful</em> run. If the
 * processor calls {@code set} at least once in a run, its stored map becomes exactly the keys set in that run;
 * if it never calls {@code set}, the previous map is kept. The cache survives up to five consecutive failed runs.
 *
 * <pre>{@code
 * Optional<JsonNode> previous = cache.get("v1");
 * cache.set("v1", CanonicalJson.MAPPER.createObjectNode().put("etag", etag));
 * }</pre>
 *
 * <p>Valid only during the call it was passed to. Not thread-safe.
 *
 * @since 0.1 (experimental)
 */
public interface ProcessorCache {

  /**
   * The value stored under {@code key} by the previous successful run.
   *
   * @param key the key
   * @return a copy of the value, or empty
   */
  Optional<JsonNode> get(String key);

  /**
   * Records a value for the next run (a copy is stored).
   *
   * @param key the key
   * @param value the JSON value
   */
  void set(String key, JsonNode value);

  /**
   * A separate view for one location target, used by the location step so that each target of a Location
   * entity keeps its own entries.
   *
   * @param target the target
   * @return the sub-view; the same view for the same target within one run
   */
  ProcessorCache forTarget(String target);
}
