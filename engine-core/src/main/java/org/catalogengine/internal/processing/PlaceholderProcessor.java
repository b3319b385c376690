package org.catalogengine.internal.processing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.catalogengine.error.CatalogException;
import org.catalogengine.error.InputException;
import org.catalogengine.error.NotFoundException;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.DescriptorParser;
import org.catalogengine.spi.processor.Emitter;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ParsedDocument;
import org.catalogengine.spi.processor.ProcessingResult;
import org.catalogengine.spi.processor.ProcessorCache;
import org.catalogengine.spi.read.ReadOptions;
import org.catalogengine.spi.read.ReadResult;
import org.catalogengine.spi.read.UrlReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Built-in placeholder resolution (spec B4): {@code {$text|$json|$yaml: ref}} objects are replaced by the
 * referenced content. Improved over Backstage: under {@code file} locations relative references are resolved
 * against the entity's file, but never to a path outside that file's directory (lexically or through a
 * symbolic link).
 */
final class PlaceholderProcessor implements CatalogProcessor {

  private static final Pattern ABSOLUTE_URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  private static final List<String> RESOLVERS = List.of("text", "json", "yaml");

  private final ReaderRegistry readers;
  private final DescriptorParser parser;

  PlaceholderProcessor(ReaderRegistry readers, DescriptorParser parser) {
    this.readers = readers;
    this.parser = parser;
  }

  @Override
  public String name() {
    return "placeholder";
  }

  @Override
  public Entity preProcessEntity(
      Entity entity, LocationSpec location, Emitter emit, LocationSpec originLocation, ProcessorCache cache) {
    ObjectNode json = entity.toJson();
    boolean[] changed = {false};
    JsonNode result = walk(json, location, emit, changed);
    return changed[0] ? Entity.of(result) : entity;
  }

  private JsonNode walk(JsonNode node, LocationSpec location, Emitter emit, boolean[] changed) {
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        JsonNode replaced = walk(array.get(i), location, emit, changed);
        if (replaced != array.get(i)) {
          array.set(i, replaced);
        }
      }
      return array;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = (ObjectNode) node;
    if (object.size() == 1) {
      Map.Entry<String, JsonNode> only = object.properties().iterator().next();
      String key = only.getKey();
      if (key.startsWith("$") && RESOLVERS.contains(key.substring(1)) && only.getValue().isString()) {
        changed[0] = true;
        return resolve(key.substring(1), only.getValue().stringValue(), location, emit);
      }
    }
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      JsonNode replaced = walk(e.getValue(), location, emit, changed);
      if (replaced != e.getValue()) {
        e.setValue(replaced);
      }
    }
    return object;
  }

  private JsonNode resolve(String resolver, String value, LocationSpec location, Emitter emit) {
    LocationSpec target = resolveTarget(resolver, value, location);
    UrlReader reader = readers.find(target.type(), target.target()).orElseThrow(() -> new InputException(
        "Placeholder $" + resolver + " '" + value + "': no reader can read " + target));
    ReadResult read = reader.read(target.target(), ReadOptions.NONE);
    byte[] content;
    if (read instanceof ReadResult.Modified m && !m.files().isEmpty()) {
      content = m.files().get(0).content();
    } else if (read instanceof ReadResult.NotFound nf) {
      throw new NotFoundException("Placeholder $" + resolver + " '" + value + "' could not be read: " + nf.message());
    } else if (read instanceof ReadResult.Modified) {
      throw new NotFoundException("Placeholder $" + resolver + " '" + value + "': " + target + " returned no content");
    } else {
      throw new CatalogException("Placeholder $" + resolver + " '" + value + "': reader answered 'not modified' to "
          + "an unconditional read of " + target);
    }
    emit.accept(ProcessingResult.refresh(target.toString()));
    return switch (resolver) {
      case "text" -> StringNode.valueOf(new String(content, StandardCharsets.UTF_8));
      case "json" -> parseJson(value, target, content);
      default -> parseYaml(parser, value, target, content);
    };
  }

  /** Resolves the placeholder value to a readable location; file references are confined to the entity's directory. */
  LocationSpec resolveTarget(String resolver, String value, LocationSpec location) {
    if (ABSOLUTE_URL.matcher(value).matches() && !looksLikeWindowsPath(value)) {
      String scheme = value.substring(0, value.indexOf(':')).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new InputException("Placeholder $" + resolver + " '" + value + "' uses the unsupported scheme '"
            + scheme + "'; use an http(s) URL or a path relative to the entity's location");
      }
      return LocationSpec.of("url", value);
    }
    return switch (location.type()) {
      case "url" -> {
        try {
          yield LocationSpec.of("url", URI.create(location.target()).resolve(value).toString());
        } catch (IllegalArgumentException e) {
          throw new InputException("Placeholder $" + resolver + " '" + value + "' cannot be resolved against "
              + location + ": " + e.getMessage(), e);
        }
      }
      case "file" -> LocationSpec.of("file", confinedFile(resolver, value, location).toString());
      default -> throw new InputException("Placeholder $" + resolver + " '" + value + "' is relative, and relative "
          + "references are only supported under url and file locations, not " + location);
    };
  }

  private static Path confinedFile(String resolver, String value, LocationSpec location) {
    Path base = Path.of(location.target()).toAbsolutePath().normalize().getParent();
    if (base == null) {
      throw new InputException("Placeholder $" + resolver + " '" + value + "': location " + location
          + " has no parent directory");
    }
    Path resolved = base.resolve(value).normalize();
    if (!resolved.startsWith(base)) {
      throw new InputException("Placeholder $" + resolver + " '" + value + "' resolves to " + resolved
          + ", outside the location's base directory " + base + "; placeholders may only read files below it");
    }
    if (Files.exists(resolved)) {
      try {
        Path realBase = base.toRealPath();
        Path real = resolved.toRealPath();
        if (!real.startsWith(realBase)) {
          throw new InputException("Placeholder $" + resolver + " '" + value + "' resolves through a symbolic "
              + "link to " + real + ", outside the location's base directory " + realBase);
        }
        return real;
      } catch (IOException e) {
        throw new CatalogException("Placeholder $" + resolver + " '" + value + "': cannot resolve " + resolved
            + ": " + e.getMessage(), e);
      }
    }
    return resolved;
  }

  private static boolean looksLikeWindowsPath(String value) {
    return value.length() > 2 && Character.isLetter(value.charAt(0)) && value.charAt(1) == ':'
        && (value.charAt(2) == '\\' || value.charAt(2) == '/');
  }

  private static JsonNode parseJson(String value, LocationSpec target, byte[] content) {
    try {
      return CanonicalJson.MAPPER.readTree(content);
    } catch (JacksonException e) {
      throw new InputException("Placeholder $json '" + value + "': " + target + " is not valid JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Exactly one YAML document, through the hardened parser (size, depth and alias limits). */
  private static JsonNode parseYaml(DescriptorParser parser, String value, LocationSpec target, byte[] content) {
    List<ParsedDocument> docs = parser.parse(target.toString(), content);
    for (ParsedDocument d : docs) {
      if (d instanceof ParsedDocument.Failed f) {
        throw new InputException("Placeholder $yaml '" + value + "': " + target + " line " + f.line() + ": "
            + f.message());
      }
    }
    if (docs.size() != 1) {
      throw new InputException("Placeholder $yaml '" + value + "': " + target + " must contain exactly one YAML "
          + "document, found " + docs.size());
    }
    return ((ParsedDocument.Parsed) docs.get(0)).json();
  }
}
