package org.catalogengine.internal.processing;

import java.util.List;
import java.util.Optional;
import org.catalogengine.spi.read.UrlReader;

/** The registered readers in order; the first that accepts a (type, target) reads it. */
public final class ReaderRegistry {

  private final List<UrlReader> readers;

  public ReaderRegistry(List<UrlReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** The first reader that accepts the target. */
  public Optional<UrlReader> find(String type, String target) {
    for (UrlReader r : readers) {
      if (r.canRead(type, target)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The readers, in order. */
  public List<UrlReader> readers() {
    return readers;
  }
}
