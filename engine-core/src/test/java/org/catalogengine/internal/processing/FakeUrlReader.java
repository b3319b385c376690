package org.catalogengine.internal.processing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.catalogengine.error.CatalogException;
import org.catalogengine.spi.read.ReadOptions;
import org.catalogengine.spi.read.ReadResult;
import org.catalogengine.spi.read.UrlReader;
import org.jspecify.annotations.Nullable;

/** A hand-written in-memory reader for one location type: files with optional etags, and a record of reads. */
final class FakeUrlReader implements UrlReader {

  record Served(String content, @Nullable String etag) {}

  record Request(String target, ReadOptions options, boolean search) {}

  private final String type;
  private final Map<String, Served> files = new LinkedHashMap<>();
  private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
  final List<Request> requests = new ArrayList<>();

  FakeUrlReader(String type) {
    this.type = type;
  }

  FakeUrlReader serve(String target, String content) {
    return serve(target, content, null);
  }

  FakeUrlReader serve(String target, String content, @Nullable String etag) {
    files.put(target, new Served(content, etag));
    return this;
  }

  FakeUrlReader fail(String target, RuntimeException e) {
    failures.put(target, e);
    return this;
  }

  FakeUrlReader remove(String target) {
    files.remove(target);
    return this;
  }

  List<String> readTargets() {
    return requests.stream().map(Request::target).toList();
  }

  @Override
  public boolean canRead(String type, String target) {
    return this.type.equals(type);
  }

  @Override
  public ReadResult read(String target, ReadOptions options) {
    requests.add(new Request(target, options, false));
    RuntimeException failure = failures.get(target);
    if (failure != null) {
      throw failure;
    }
    Served s = files.get(target);
    if (s == null) {
      return ReadResult.notFound(target + " does not exist");
    }
    if (s.etag() != null && s.etag().equals(options.etag())) {
      return ReadResult.notModified();
    }
    return ReadResult.modified(target, s.content().getBytes(StandardCharsets.UTF_8), s.etag());
  }

  @Override
  public ReadResult search(String target, ReadOptions options) {
    requests.add(new Request(target, options, true));
    Pattern p = CatalogRules.globToRegex(target);
    List<ReadResult.File> matched = new ArrayList<>();
    files.forEach((t, s) -> {
      if (p.matcher(t).matches()) {
        matched.add(new ReadResult.File(t, s.content().getBytes(StandardCharsets.UTF_8)));
      }
    });
    if (matched.isEmpty()) {
      return ReadResult.notFound("nothing matches " + target);
    }
    return ReadResult.modified(matched, null);
  }

  static CatalogException boom(String message) {
    return new CatalogException(message);
  }
}
