package org.catalogengine.readers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.catalogengine.error.CatalogException;
import org.catalogengine.error.InputException;
import org.catalogengine.spi.read.ReadOptions;
import org.catalogengine.spi.read.ReadResult;
import org.catalogengine.spi.read.UrlReader;

/**
 * Reads {@code file} locations from the local file system, confined to the root directories the embedding
 * service allows (spec B3, CS54).
 *
 * <p>A target is an absolute path or a glob pattern ({@code *}, {@code ?} within one directory, {@code **}
 * across directories, {@code [..]}, {@code {a,b}}; the {@link java.nio.file.FileSystem#getPathMatcher glob}
 * syntax). Every path, after resolving symbolic links, must lie under one of the allowed roots; anything else is
 * refused with an {@link InputException} naming the path and the roots. A search that matches nothing answers
 * {@link ReadResult.NotFound}; directories are skipped; files larger than the size cap are refused. The etag is
 * the SHA-1 of the content (for a search: of every path and content), so an unchanged file answers
 * {@link ReadResult.NotModified} and its descriptors need not be parsed again.
 *
 * <pre>{@code
 * UrlReader files = FileUrlReader.builder()
 *     .allowedRoots(Path.of("/srv/catalog"))
 *     .maxFileBytes(5 * 1024 * 1024)
 *     .build();
 * files.search("/srv/catalog/*&#47;catalog-info.yaml", ReadOptions.NONE);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1 (experimental)
 */
public final class FileUrlReader implements UrlReader {

  /** The default size cap per file: 10 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** The default cap on files one search may return. */
  public static final int DEFAULT_MAX_FILES = 10_000;

  private final List<Path> roots;
  private final long maxFileBytes;
  private final int maxFiles;

  private FileUrlReader(Builder b) {
    this.roots = List.copyOf(b.roots);
    this.maxFileBytes = b.maxFileBytes;
    this.maxFiles = b.maxFiles;
  }

  /** A builder; at least one allowed root is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The allowed roots, as real paths. */
  public List<Path> allowedRoots() {
    return roots;
  }

  /** {@inheritDoc} Accepts type {@code file}. */
  @Override
  public boolean canRead(String type, String target) {
    return "file".equals(type);
  }

  /**
   * Reads one file.
   *
   * @throws InputException if the path is outside the allowed roots, is a directory, or exceeds the size cap
   * @throws CatalogException if reading fails
   */
  @Override
  public ReadResult read(String target, ReadOptions options) {
    Path path = confine(target, toPath(target));
    if (!Files.exists(path)) {
      return ReadResult.notFound("File " + path + " does not exist");
    }
    Path real = confineReal(target, path);
    if (Files.isDirectory(real)) {
      throw new InputException("File location " + target + " is a directory; name a file or a glob pattern");
    }
    byte[] content = readCapped(real);
    String etag = sha1(content);
    if (etag.equals(options.etag())) {
      return ReadResult.notModified();
    }
    return ReadResult.modified(path.toString(), content, etag);
  }

  /**
   * Reads every regular file matching a glob pattern, sorted by path, each with its own path as target.
   *
   * @throws InputException if the pattern's base directory is outside the allowed roots, or a match exceeds the
   *     size cap, or more than the file cap match
   * @throws CatalogException if walking or reading fails
   */
  @Override
  public ReadResult search(String target, ReadOptions options) {
    if (!UrlReader.isSearch(target)) {
      return read(target, options);
    }
    Path pattern = toPath(target);
    Path base = confine(target, baseDirectory(pattern));
    if (!Files.isDirectory(base)) {
      return ReadResult.notFound("No files match " + pattern + " (" + base + " is not a directory)");
    }
    List<PathMatcher> matchers = matchers(pattern.toString());
    List<Path> matched = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(base)) {
      walk.filter(p -> matchers.stream().anyMatch(m -> m.matches(p)))
          .filter(p -> Files.isRegularFile(p))
          .sorted()
          .forEach(p -> {
            if (matched.size() >= maxFiles) {
              throw new InputException("File pattern " + pattern + " matches more than " + maxFiles + " files");
            }
            matched.add(p);
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CatalogException("Unable to search " + pattern + ": " + e.getMessage(), e);
    }
    if (matched.isEmpty()) {
      return ReadResult.notFound("No files match " + pattern);
    }
    List<ReadResult.File> files = new ArrayList<>(matched.size());
    MessageDigest all = sha1Digest();
    for (Path p : matched) {
      Path real = confineReal(p.toString(), p);
      byte[] content = readCapped(real);
      files.add(new ReadResult.File(p.toString(), content));
      all.update(p.toString().getBytes(StandardCharsets.UTF_8));
      all.update((byte) 0);
      all.update(sha1(content).getBytes(StandardCharsets.US_ASCII));
    }
    String etag = HexFormat.of().formatHex(all.digest());
    if (etag.equals(options.etag())) {
      return ReadResult.notModified();
    }
    return ReadResult.modified(files, etag);
  }

  private static Path toPath(String target) {
    String t = target.startsWith("file://") ? target.substring("file://".length()) : target;
    try {
      Path p = Path.of(t);
      if (!p.isAbsolute()) {
        throw new InputException("File location " + target + " must be an absolute path");
      }
      return p.normalize();
    } catch (InvalidPathException e) {
      throw new InputException("File location " + target + " is not a valid path: " + e.getMessage(), e);
    }
  }

  /** The longest leading directory of a pattern without glob characters. */
  private static Path baseDirectory(Path pattern) {
    Path base = pattern.getRoot();
    for (Path part : pattern) {
      String s = part.toString();
      if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0) {
        break;
      }
      base = base == null ? part : base.resolve(part);
    }
    return base;
  }

  /** The glob matcher, plus one where "/**&#47;" also matches no directory (as globby does). */
  private static List<PathMatcher> matchers(String pattern) {
    Set<String> globs = new LinkedHashSet<>();
    globs.add(pattern);
    String sep = FileSystems.getDefault().getSeparator();
    String any = sep + "**" + sep;
    if (pattern.contains(any)) {
      globs.add(pattern.replace(any, sep));
    }
    List<PathMatcher> out = new ArrayList<>();
    for (String g : globs) {
      out.add(FileSystems.getDefault().getPathMatcher("glob:" + g.replace("\\", "\\\\")));
    }
    return out;
  }

  /** Lexical check on the normalised path (before it exists). */
  private Path confine(String target, Path path) {
    for (Path root : roots) {
      if (path.startsWith(root)) {
        return path;
      }
    }
    // the lexical path may go through a symlinked root; the real path decides
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.exists(path)) {
      return confineReal(target, path);
    }
    throw outside(target, path);
  }

  /** Check on the real path, after symbolic links are resolved. */
  private Path confineReal(String target, Path path) {
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException e) {
      throw new CatalogException("File " + path + " disappeared while reading " + target, e);
    } catch (IOException e) {
      throw new CatalogException("Unable to resolve " + path + ": " + e.getMessage(), e);
    }
    for (Path root : roots) {
      if (real.startsWith(root)) {
        return real;
      }
    }
    throw outside(target, real);
  }

  private InputException outside(String target, Path path) {
    return new InputException("File location " + target + " resolves to " + path
        + ", which is outside the allowed roots " + roots);
  }

  private byte[] readCapped(Path real) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
      if (attrs.size() > maxFileBytes) {
        throw new InputException("File " + real + " is " + attrs.size() + " bytes, more than the limit of "
            + maxFileBytes);
      }
      try (InputStream in = Files.newInputStream(real)) {
        // the file may grow between the size check and the read
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        if (content.length > maxFileBytes) {
          throw new InputException("File " + real + " is larger than the limit of " + maxFileBytes + " bytes");
        }
        return content;
      }
    } catch (IOException e) {
      throw new CatalogException("Unable to read " + real + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest sha1Digest() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the Java platform", e);
    }
  }

  private static String sha1(byte[] content) {
    return HexFormat.of().formatHex(sha1Digest().digest(content));
  }

  @Override
  public String toString() {
    return "FileUrlReader" + roots;
  }

  /** Builds a {@link FileUrlReader}; each option is checked when set. */
  public static final class Builder {
    private final List<Path> roots = new ArrayList<>();
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private int maxFiles = DEFAULT_MAX_FILES;

    private Builder() {}

    /**
     * The directories files may be read from (resolved to real paths now).
     *
     * @throws InputException if a root does not exist or is not a directory
     */
    public Builder allowedRoots(Path... dirs) {
      for (Path dir : dirs) {
        Objects.requireNonNull(dir, "root");
        try {
          Path real = dir.toAbsolutePath().normalize().toRealPath();
          if (!Files.isDirectory(real)) {
            throw new InputException("Allowed root " + dir + " is not a directory");
          }
          roots.add(real);
        } catch (IOException e) {
          throw new InputException("Allowed root " + dir + " cannot be resolved: " + e.getMessage(), e);
        }
      }
      return this;
    }

    /** The size cap per file, in bytes (default 10 MiB). */
    public Builder maxFileBytes(long bytes) {
      if (bytes <= 0) {
        throw new InputException("maxFileBytes must be positive, got " + bytes);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /** The cap on files one search may return (default 10 000). */
    public Builder maxFiles(int files) {
      if (files <= 0) {
        throw new InputException("maxFiles must be positive, got " + files);
      }
      this.maxFiles = files;
      return this;
    }

    /**
     * Builds the reader.
     *
     * @throws InputException if no allowed root was given
     */
    public FileUrlReader build() {
      if (roots.isEmpty()) {
        throw new InputException("FileUrlReader needs at least one allowed root directory (allowedRoots)");
      }
      return new FileUrlReader(this);
    }
  }
}
