package org.catalogengine.spi.read;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a {@link UrlReader} call: new content, "not modified since the etag you sent", or "not found".
 * Other failures (no permission, a target outside the allowed roots, I/O errors) are thrown as
 * {@link org.catalogengine.error.CatalogException}s.
 *
 * <pre>{@code
 * ReadResult r = reader.read(target, options);
 * if (r instanceof ReadResult.Modified m) {
 *   m.files().forEach(f -> parse(f.target(), f.content()));
 * } else if (r instanceof ReadResult.NotFound nf) {
 *   reportMissing(nf.message());
 * } // NotModified: reuse cached results
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
public sealed interface ReadResult permits ReadResult.Modified, ReadResult.NotModified, ReadResult.NotFound {

  /** One file as read: its own target (the URL or absolute path it came from) and its bytes. */
  record File(String target, byte[] content) {
    public File {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * New content: one file for a plain read, zero or more for a search.
   *
   * @param files the files read, each with its own target
   * @param etag the tag to send next time, or {@code null} when the source has none
   */
  record Modified(List<File> files, @Nullable String etag) implements ReadResult {
    public Modified {
      files = List.copyOf(files);
    }

    /** The etag, if the source sent one. */
    public Optional<String> etagIfPresent() {
      return Optional.ofNullable(etag);
    }
  }

  /** The content is unchanged since the etag or time given in {@link ReadOptions}. */
  record NotModified() implements ReadResult {}

  /** The target does not exist (or, for a search, nothing matched); the message names the target. */
  record NotFound(String message) implements ReadResult {
    public NotFound {
      Objects.requireNonNull(message, "message");
    }
  }

  /** One file read from {@code target}. */
  static ReadResult modified(String target, byte[] content, @Nullable String etag) {
    return new Modified(List.of(new File(target, content)), etag);
  }

  /** Several files, typically from a search. */
  static ReadResult modified(List<File> files, @Nullable String etag) {
    return new Modified(files, etag);
  }

  /** Unchanged since the caller's etag. */
  static ReadResult notModified() {
    return new NotModified();
  }

  /** Nothing at the target; {@code message} names what was looked for. */
  static ReadResult notFound(String message) {
    return new NotFound(message);
  }
}
