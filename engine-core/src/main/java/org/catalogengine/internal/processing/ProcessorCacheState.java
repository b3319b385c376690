package org.catalogengine.internal.processing;

import java.util.Objects;
import org.catalogengine.model.CanonicalJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored processor cache of one entity (spec L27, L28): processor name → that processor's JSON map, and
 * the number of failed runs it may still survive.
 */
public final class ProcessorCacheState {

  /** The ttl written after an ok run (spec L28). */
  public static final int FRESH_TTL = 5;

  /** No cache. */
  public static final ProcessorCacheState EMPTY = new ProcessorCacheState(CanonicalJson.MAPPER.createObjectNode(), 0);

  private final ObjectNode processors;
  private final int ttl;

  private ProcessorCacheState(ObjectNode processors, int ttl) {
    this.processors = processors;
    this.ttl = ttl;
  }

  /** A state from a processor map (copied) and a ttl. */
  public static ProcessorCacheState of(ObjectNode processors, int ttl) {
    if (ttl < 0) {
      throw new IllegalArgumentException("cache ttl must be >= 0, got " + ttl);
    }
    return new ProcessorCacheState(processors.deepCopy(), ttl);
  }

  /** Reads {@code {"ttl":n,"cache":{...}}}; anything else (null, empty, malformed) is {@link #EMPTY}. */
  public static ProcessorCacheState fromJson(JsonNode json) {
    if (json == null || !json.isObject() || !json.path("cache").isObject()) {
      return EMPTY;
    }
    return of((ObjectNode) json.get("cache"), Math.max(0, json.path("ttl").asInt(0)));
  }

  /** {@code {"ttl":n,"cache":{processor:{key:value}}}}. */
  public ObjectNode toJson() {
    ObjectNode out = CanonicalJson.MAPPER.createObjectNode();
    out.put("ttl", ttl);
    out.set("cache", processors.deepCopy());
    return out;
  }

  /** The stored map of one processor, if any (not copied: callers must not mutate it). */
  ObjectNode processorMap(String processorName) {
    JsonNode n = processors.get(processorName);
    return n != null && n.isObject() ? (ObjectNode) n : null;
  }

  /** A copy of all processor maps. */
  public ObjectNode processors() {
    return processors.deepCopy();
  }

  /** Failed runs this state may still survive. */
  public int ttl() {
    return ttl;
  }

  /** Whether no processor has anything stored. */
  public boolean isEmpty() {
    return processors.isEmpty();
  }

  /** The state to keep after a failed run: ttl − 1, or cleared once ttl reached 0 (spec L28, CS44). */
  ProcessorCacheState afterFailure() {
    return ttl > 0 ? new ProcessorCacheState(processors, ttl - 1) : EMPTY;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProcessorCacheState other && ttl == other.ttl && processors.equals(other.processors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(processors, ttl);
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
