package org.catalogengine.internal.processing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.Emitter;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessorCache;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Built-in location annotations (spec B5, CS51): merges defaults <em>under</em> the entity's own annotations
 * (existing values win): the location and origin, and for {@code url} locations the view URL, the SCM edit URL
 * and the source location (the containing directory).
 */
final class AnnotateLocationProcessor implements CatalogProcessor {

  // a 40-hex commit sha as a path segment pins a revision, which cannot be edited
  private static final Pattern COMMIT_SHA = Pattern.compile("(^|/)[0-9a-fA-F]{40,}(/|$)");

  private final Set<String> githubHosts;

  AnnotateLocationProcessor(Set<String> githubHosts) {
    this.githubHosts = githubHosts.stream().map(h -> h.toLowerCase(Locale.ROOT))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public String name() {
    return "annotate-location";
  }

  @Override
  public Entity preProcessEntity(
      Entity entity, LocationSpec location, Emitter emit, LocationSpec originLocation, ProcessorCache cache) {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put(LocationAnnotations.MANAGED_BY_LOCATION, location.toString());
    defaults.put(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION, originLocation.toString());
    if ("url".equals(location.type())) {
      defaults.put(LocationAnnotations.VIEW_URL, location.target());
      editUrl(location.target()).ifPresent(u -> defaults.put(LocationAnnotations.EDIT_URL, u));
      sourceDirectory(location.target()).ifPresent(
          u -> defaults.put(LocationAnnotations.SOURCE_LOCATION, "url:" + u));
    }
    // existing values win, whatever their type; nothing to write when every default is already set
    JsonNode existing = entity.at("/metadata/annotations").orElse(null);
    if (existing != null && defaults.keySet().stream().allMatch(existing::has)) {
      return entity;
    }
    return entity.with(json -> {
      JsonNode a = json.get("metadata").get("annotations");
      ObjectNode ann = a != null && a.isObject() ? (ObjectNode) a
          : ((ObjectNode) json.get("metadata")).putObject("annotations");
      defaults.forEach((k, v) -> {
        if (!ann.has(k)) {
          ann.put(k, v);
        }
      });
    });
  }

  /** The SCM edit URL for a view URL, when an integration matches and the URL is not pinned to a commit. */
  Optional<String> editUrl(String target) {
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String host = uri.getHost();
    String path = uri.getRawPath();
    if (host == null || path == null || COMMIT_SHA.matcher(path).find()) {
      return Optional.empty();
    }
    if (githubHosts.contains(host.toLowerCase(Locale.ROOT))) {
      int blob = path.indexOf("/blob/");
      if (blob < 0) {
        return Optional.empty();
      }
      int at = target.indexOf(path) + blob;
      return Optional.of(target.substring(0, at) + "/edit/" + target.substring(at + "/blob/".length()));
    }
    return Optional.empty();
  }

  /** The URL of the directory containing the target (with a trailing slash). */
  static Optional<String> sourceDirectory(String target) {
    try {
      return Optional.of(URI.create(target).resolve("./").toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
