package org.catalogengine.spi.read;

/**
 * Reads descriptor files and placeholder targets for a location type ({@code url}, {@code file}, ...).
 *
 * <p>Implementations decide which targets they serve through {@link #canRead}; the engine offers each read to
 * the first registered reader that accepts it. A reader must refuse (throw) rather than read a target the
 * embedding service did not allow: hosts outside its allow-list, files outside its allowed roots.
 *
 * <pre>{@code
 * UrlReader reader = ...;
 * if (reader.canRead("url", target)) {
 *   ReadResult r = reader.read(target, ReadOptions.withEtag(previousEtag));
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: the engine reads from several workers at once.
 *
 * @since 0.1 (experimental)
 */
public interface UrlReader {

  /**
   * Whether this reader serves the target.
   *
   * @param type the location type, for example {@code url} or {@code file}
   * @param target the URL or path
   * @return true if {@link #read} and {@link #search} may be called for it
   */
  boolean canRead(String type, String target);

  /**
   * Reads one target.
   *
   * @param target the URL or path
   * @param options the cached etag / modification time
   * @return the content (one file), {@link ReadResult.NotModified} or {@link ReadResult.NotFound}; never null
   * @throws org.catalogengine.error.CatalogException for every other failure, with a message naming the target
   */
  ReadResult read(String target, ReadOptions options);

  /**
   * Reads every file that matches a target containing glob characters ({@code *}, {@code ?}), each with its own
   * target. The default treats the target literally and calls {@link #read}.
   *
   * @param target the URL or path pattern
   * @param options the cached etag / modification time for the whole search
   * @return the matching files, {@link ReadResult.NotModified}, or {@link ReadResult.NotFound} when nothing matched
   * @throws org.catalogengine.error.CatalogException for every other failure, with a message naming the target
   */
  default ReadResult search(String target, ReadOptions options) {
    return read(target, options);
  }

  /**
   * Whether a target is a search pattern: its path contains {@code *} or {@code ?}. For URLs only the path
   * counts, so a query string ({@code ?ref=main}) is not a pattern.
   */
  static boolean isSearch(String target) {
    String path = target;
    int scheme = target.indexOf("://");
    if (scheme > 0) {
      int pathStart = target.indexOf('/', scheme + 3);
      if (pathStart < 0) {
        return false;
      }
      int query = target.indexOf('?', pathStart);
      int fragment = target.indexOf('#', pathStart);
      int end = query >= 0 ? query : fragment >= 0 ? fragment : target.length();
      path = target.substring(pathStart, end);
    }
    return path.indexOf('*') >= 0 || path.indexOf('?') >= 0;
  }
}
