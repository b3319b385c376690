package org.catalogengine.readers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.catalogengine.spi.read.ReadOptions;
import org.catalogengine.spi.read.ReadResult;
import org.catalogengine.spi.read.UrlReader;

/**
 * Routing of reads to readers by location type and, for URLs, by host: the first reader that accepts a
 * (type, target) serves it.
 *
 * <pre>{@code
 * UrlReaders readers = UrlReaders.builder()
 *     .add(UrlReaders.forHosts(Set.of("github.com"), githubReader))
 *     .add(FileUrlReader.builder().allowedRoots(Path.of("/srv/catalog")).build())
 *     .build();
 * readers.find("url", "https://github.com/org/repo/blob/main/catalog-info.yaml");   // githubReader
 * }</pre>
 *
 * <p>Immutable and thread-safe when the readers are.
 *
 * @since 0.1 (experimental)
 */
public final class UrlReaders {

  private final List<UrlReader> readers;

  private UrlReaders(List<UrlReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first reader that accepts the target, if any. */
  public Optional<UrlReader> find(String type, String target) {
    for (UrlReader r : readers) {
      if (r.canRead(type, target)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The readers in routing order, as the engine takes them. */
  public List<UrlReader> asList() {
    return readers;
  }

  /**
   * Restricts a reader to {@code url} targets on the given hosts (case-insensitive); other targets go to the next
   * reader. This is also how an embedding service allow-lists hosts.
   *
   * @param hosts host names, for example {@code github.com}
   * @param delegate the reader serving them
   * @return a reader accepting only those hosts
   */
  public static UrlReader forHosts(Set<String> hosts, UrlReader delegate) {
    Objects.requireNonNull(delegate, "delegate");
    Set<String> lower = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    return new UrlReader() {
      @Override
      public boolean canRead(String type, String target) {
        return "url".equals(type) && host(target).map(lower::contains).orElse(false)
            && delegate.canRead(type, target);
      }

      @Override
      public ReadResult read(String target, ReadOptions options) {
        return delegate.read(target, options);
      }

      @Override
      public ReadResult search(String target, ReadOptions options) {
        return delegate.search(target, options);
      }

      @Override
      public String toString() {
        return delegate + " for " + lower;
      }
    };
  }

  private static Optional<String> host(String target) {
    try {
      return Optional.ofNullable(URI.create(target).getHost()).map(h -> h.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Collects readers in routing order. */
  public static final class Builder {
    private final List<UrlReader> readers = new ArrayList<>();

    private Builder() {}

    /** Adds a reader after those already added. */
    public Builder add(UrlReader reader) {
      readers.add(Objects.requireNonNull(reader, "reader"));
      return this;
    }

    /** The routing table. */
    public UrlReaders build() {
      return new UrlReaders(readers);
    }
  }
}
