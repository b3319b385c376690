package org.catalogengine.internal.processing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.spi.processor.ProcessorCache;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One processor's cache for one run: reads the stored map, records sets, and collects the next map (L27). */
final class CacheView implements ProcessorCache {

  private final @Nullable ObjectNode existing;
  private @Nullable ObjectNode written;
  private final Map<String, CacheView> subViews = new LinkedHashMap<>();

  CacheView(@Nullable ObjectNode existing) {
    this.existing = existing;
  }

  @Override
  public Optional<JsonNode> get(String key) {
    Objects.requireNonNull(key, "key");
    JsonNode v = existing == null ? null : existing.get(key);
    return v == null ? Optional.empty() : Optional.of(v.deepCopy());
  }

  @Override
  public void set(String key, JsonNode value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (written == null) {
      written = CanonicalJson.MAPPER.createObjectNode();
    }
    written.set(key, value.deepCopy());
  }

  @Override
  public ProcessorCache forTarget(String target) {
    Objects.requireNonNull(target, "target");
    return subViews.computeIfAbsent(target, t -> {
      JsonNode sub = existing == null ? null : existing.get(t);
      return new CacheView(sub != null && sub.isObject() ? (ObjectNode) sub : null);
    });
  }

  /** The map to store: what was set this run (else the previous map), with each target's sub-map merged in. */
  @Nullable ObjectNode collect() {
    ObjectNode base = written != null ? written : existing;
    ObjectNode out = base == null ? null : base.deepCopy();
    for (Map.Entry<String, CacheView> e : subViews.entrySet()) {
      ObjectNode sub = e.getValue().collect();
      if (sub != null) {
        if (out == null) {
          out = CanonicalJson.MAPPER.createObjectNode();
        }
        out.set(e.getKey(), sub);
      }
    }
    return out;
  }
}
