package org.catalogengine.internal.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.catalogengine.model.CanonicalJson;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Built-in location reading through the registered {@link UrlReader}s (spec B1, B3), for every location type
 * some reader accepts. The cache entry {@code v1} = {@code {etag, value: [{location, entity}]}} lets a
 * "not modified" answer re-emit the previous entities without parsing (CS47); a read with errors never
 * replaces it (CS48).
 */
final class UrlReaderProcessor implements CatalogProcessor {

  static final String CACHE_KEY = "v1";
  private static final int MAX_MESSAGE = 5000;

  private final ReaderRegistry readers;

  UrlReaderProcessor(ReaderRegistry readers) {
    this.readers = readers;
  }

  @Override
  public String name() {
    return "url-reader";
  }

  @Override
  public boolean readLocation(
      LocationSpec location, boolean optional, Emitter emit, DescriptorParser parser, ProcessorCache cache) {
    Optional<UrlReader> found = readers.find(location.type(), location.target());
    if (found.isEmpty()) {
      return false;
    }
    UrlReader reader = found.get();
    Optional<JsonNode> cached = cache.get(CACHE_KEY).filter(JsonNode::isObject);
    String etag = cached.map(c -> c.path("etag")).filter(JsonNode::isString).map(JsonNode::stringValue).orElse(null);
    String refreshKey = location.toString();
    ReadResult result;
    try {
      result = read(reader, location, ReadOptions.withEtag(etag));
      if (result instanceof ReadResult.NotModified && cached.isEmpty()) {
        // nothing to re-emit: ask again without the condition
        result = read(reader, location, ReadOptions.NONE);
      }
    } catch (RuntimeException e) {
      emit.accept(ProcessingResult.generalError(location, cap("Unable to read " + location + ", " + message(e))));
      return true;
    }
    if (result instanceof ReadResult.NotModified) {
      for (JsonNode item : cached.get().path("value")) {
        emit.accept(ProcessingResult.entity(LocationSpec.parse(item.path("location").asString()),
            item.path("entity")));
      }
      emit.accept(ProcessingResult.refresh(refreshKey));
    } else if (result instanceof ReadResult.NotFound nf) {
      if (!optional) {
        emit.accept(ProcessingResult.notFoundError(location, cap("Unable to read " + location + ", "
            + nf.message())));
      }
    } else if (result instanceof ReadResult.Modified m) {
      ArrayNode value = CanonicalJson.MAPPER.createArrayNode();
      boolean clean = true;
      List<ProcessingResult> out = new ArrayList<>();
      for (ReadResult.File file : m.files()) {
        LocationSpec fileLocation = new LocationSpec(location.type(), file.target(), location.presence());
        for (ParsedDocument doc : parser.parse(file.target(), file.content())) {
          if (doc instanceof ParsedDocument.Failed f) {
            clean = false;
            out.add(ProcessingResult.generalError(fileLocation,
                cap("Unable to parse " + fileLocation + " at line " + f.line() + ": " + f.message())));
          } else if (doc instanceof ParsedDocument.Parsed p && p.json() != null && !p.json().isNull()) {
            // empty (null) documents are ignored (B2)
            if (!p.json().isObject()) {
              clean = false;
              out.add(ProcessingResult.generalError(fileLocation, "Expected an object at root of the document "
                  + "at line " + p.line() + " of " + fileLocation + ", got " + p.json().getNodeType()));
            } else {
              out.add(ProcessingResult.entity(fileLocation, p.json()));
              ObjectNode item = value.addObject();
              item.put("location", fileLocation.toString());
              item.set("entity", p.json());
            }
          }
        }
        if (!file.target().equals(location.target())) {
          out.add(ProcessingResult.refresh(fileLocation.toString()));
        }
      }
      out.forEach(emit::accept);
      emit.accept(ProcessingResult.refresh(refreshKey));
      if (clean && m.etag() != null) {
        ObjectNode entry = CanonicalJson.MAPPER.createObjectNode();
        entry.put("etag", m.etag());
        entry.set("value", value);
        cache.set(CACHE_KEY, entry);
      }
    }
    return true;
  }

  private static ReadResult read(UrlReader reader, LocationSpec location, ReadOptions options) {
    return UrlReader.isSearch(location.target())
        ? reader.search(location.target(), options)
        : reader.read(location.target(), options);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static String cap(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }
}
