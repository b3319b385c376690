package org.catalogengine.internal.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.catalogengine.spi.read.ReadOptions;
import org.catalogengine.spi.read.ReadResult;
import org.catalogengine.spi.read.UrlReader;

/** A hand-written, unconfined {@code file} reader for core tests (the real one lives in engine-readers). */
final class LocalFileReader implements UrlReader {

  final List<String> reads = new ArrayList<>();

  @Override
  public boolean canRead(String type, String target) {
    return "file".equals(type);
  }

  @Override
  public ReadResult read(String target, ReadOptions options) {
    reads.add(target);
    Path p = Path.of(target);
    if (!Files.isRegularFile(p)) {
      return ReadResult.notFound(target + " does not exist");
    }
    try {
      return ReadResult.modified(target, Files.readAllBytes(p), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
