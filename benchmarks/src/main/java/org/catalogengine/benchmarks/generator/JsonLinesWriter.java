package org.catalogengine.benchmarks.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.catalogengine.model.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * Writes entities as JSON lines: one compact, key-sorted ({@link CanonicalJson}) object per line, UTF-8, each line
 * ending in {@code \n}. Entities are written unchanged (their location annotations included). Not thread-safe.
 *
 * <pre>{@code
 * try (JsonLinesWriter out = JsonLinesWriter.open(dir.resolve("entities.jsonl"))) {
 *   CatalogGenerator.generate(1_000_000, 42L, out::write);
 * }
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
public final class JsonLinesWriter implements AutoCloseable {

  private final OutputStream out;
  private long count;

  private JsonLinesWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Creates (or truncates) {@code file}, creating missing parent directories.
   *
   * @param file the target file
   * @return a writer that must be closed
   * @throws UncheckedIOException if the file cannot be created
   */
  public static JsonLinesWriter open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new JsonLinesWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create JSON lines file " + file, e);
    }
  }

  /**
   * Wraps a stream; {@link #close()} closes it.
   *
   * @param out the target stream
   * @return a writer
   */
  public static JsonLinesWriter of(OutputStream out) {
    return new JsonLinesWriter(out);
  }

  /**
   * Writes one entity as one line.
   *
   * @param entity the entity (not modified)
   * @throws UncheckedIOException on a write failure
   */
  public void write(JsonNode entity) {
    try {
      out.write(CanonicalJson.toBytes(entity));
      out.write('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON line " + (count + 1), e);
    }
  }

  /** The number of lines written so far. */
  public long count() {
    return count;
  }

  /** Flushes and closes the underlying stream. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close JSON lines output", e);
    }
  }
}
