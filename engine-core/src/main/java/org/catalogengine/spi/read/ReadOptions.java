package org.catalogengine.spi.read;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a caller already has from a previous read, so that a reader can answer {@link ReadResult.NotModified}
 * instead of sending the content again (conditional requests, spec B1).
 *
 * <pre>{@code
 * ReadResult r = reader.read(target, ReadOptions.withEtag(cachedEtag));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param etag the entity tag returned by the previous read, or {@code null} when there is none
 * @param lastModifiedAfter the modification time of the previous read, or {@code null} when unknown
 * @since 0.1 (experimental)
 */
public record ReadOptions(@Nullable String etag, @Nullable Instant lastModifiedAfter) {

  /** No cached state: always read the content. */
  public static final ReadOptions NONE = new ReadOptions(null, null);

  /** Options carrying only an etag ({@code null} gives {@link #NONE}). */
  public static ReadOptions withEtag(@Nullable String etag) {
    return etag == null ? NONE : new ReadOptions(etag, null);
  }

  /** The cached etag, if any. */
  public Optional<String> etagIfPresent() {
    return Optional.ofNullable(etag);
  }
}
