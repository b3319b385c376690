package org.catalogengine.spi.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses descriptor files (multi-document YAML, or JSON) into documents with their source and line (spec B2),
 * with limits that make hostile files fail fast instead of exhausting memory.
 *
 * <p>What comes back, in file order:
 *
 * <ul>
 *   <li>{@link ParsedDocument.Parsed} for every document whose root is a mapping (a JSON object), with the
 *       1-based line of its first content line;
 *   <li>nothing for empty documents ({@code null}, for example a trailing {@code ---});
 *   <li>{@link ParsedDocument.Failed} for a document whose root is not a mapping, or that has a duplicate key
 *       (as Backstage's parser, which rejects them) or a complex key; later documents are still read;
 *   <li>one {@link ParsedDocument.Failed} for a YAML syntax error, naming its line and column; documents before
 *       it are kept, the rest of the file is not read;
 *   <li>one {@link ParsedDocument.Failed} when a limit is exceeded (file size, nesting depth, aliases, nodes),
 *       naming the limit; documents before it are kept, the rest of the file is not read.
 * </ul>
 *
 * <p>Scalars resolve as the YAML 1.2 core schema says, as Backstage's parser does: {@code null ~ true false},
 * integers (decimal, {@code 0o} octal, {@code 0x} hex) and floats are typed, everything else is a string,
 * so {@code on}, {@code yes}, {@code 2024-01-01} and quoted scalars stay strings. {@code <<} is an ordinary key
 * (YAML 1.2 has no merge keys). {@code .inf} and {@code .nan} become {@code null}, as JSON has no such numbers.
 * Content starting with <code>{</code> or {@code [} is first tried as strict JSON, which is faster; when it is
 * not (flow-style YAML, comments, duplicate keys) it is parsed as YAML.
 *
 * <pre>{@code
 * DescriptorParser parser = DescriptorParser.builder().maxDocumentBytes(1 << 20).build();
 * for (ParsedDocument doc : parser.parse(Path.of("catalog-info.yaml"))) {
 *   if (doc instanceof ParsedDocument.Parsed p) {
 *     register(p.json());
 *   } else if (doc instanceof ParsedDocument.Failed f) {
 *     report(f.source() + ":" + f.line() + ": " + f.message());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Parse methods never throw for bad input; problems come back as
 * {@link ParsedDocument.Failed}.
 *
 * @since 0.1 (experimental)
 */
public final class DescriptorParser {

  /** Default {@link Builder#maxDocumentBytes}: 10 MiB. */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
  /** Default {@link Builder#maxDepth}: 64 nested collections. */
  public static final int DEFAULT_MAX_DEPTH = 64;
  /** Default {@link Builder#maxAliases}: 50 aliases to collections per document. */
  public static final int DEFAULT_MAX_ALIASES = 50;
  /** Default {@link Builder#maxNodes}: one million values per file, aliases expanded. */
  public static final int DEFAULT_MAX_NODES = 1_000_000;

  private static final DescriptorParser DEFAULTS = new Builder().build();

  private final int maxDocumentBytes;
  private final int maxDepth;
  private final int maxAliases;
  private final int maxNodes;
  private final JsonMapper strictJson;

  private DescriptorParser(Builder b) {
    this.maxDocumentBytes = b.maxDocumentBytes;
    this.maxDepth = b.maxDepth;
    this.maxAliases = b.maxAliases;
    this.maxNodes = b.maxNodes;
    // Strict so that anything the YAML path would judge differently (duplicates, depth) falls back to it.
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.strictJson = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  /** The default parser: 10 MiB per file, 64 levels, 50 aliases per document, one million nodes per file. */
  public static DescriptorParser defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The largest file, in bytes, that is parsed. */
  public int maxDocumentBytes() {
    return maxDocumentBytes;
  }

  /** The deepest nesting of collections allowed; the root collection is level 1. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The most aliases to collections allowed in one document. */
  public int maxAliases() {
    return maxAliases;
  }

  /** The most values (nodes) one file may produce, aliases expanded. */
  public int maxNodes() {
    return maxNodes;
  }

  /**
   * Parses the content of one file.
   *
   * @param source where the content came from (a path or URL), copied into every result
   * @param content the raw bytes; UTF-8 unless a byte-order mark says UTF-16 or UTF-32
   * @return the documents in file order; problems come back as {@link ParsedDocument.Failed}, never thrown
   */
  public List<ParsedDocument> parse(String source, byte[] content) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(content, "content");
    if (content.length > maxDocumentBytes) {
      return List.of(tooLarge(source, content.length));
    }
    if (looksLikeJson(content)) {
      ParsedDocument json = tryStrictJson(source, content);
      if (json != null) {
        return List.of(json);
      }
    }
    return new YamlDocumentReader(source, maxDepth, maxAliases, maxNodes, maxDocumentBytes).read(content);
  }

  /**
   * Reads and parses a stream without reading more than {@link #maxDocumentBytes()} + 1 bytes of it.
   *
   * @param source where the content came from, copied into every result
   * @param in the content; read but not closed
   * @return the documents in file order; problems come back as {@link ParsedDocument.Failed}, never thrown
   */
  public List<ParsedDocument> parse(String source, InputStream in) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(in, "in");
    byte[] content;
    try {
      content = in.readNBytes(maxDocumentBytes + 1);
    } catch (IOException e) {
      return List.of(new ParsedDocument.Failed(source, 1, "cannot read: " + e.getMessage()));
    }
    if (content.length > maxDocumentBytes) {
      return List.of(new ParsedDocument.Failed(source, 1, "content is larger than the limit of "
          + maxDocumentBytes + " bytes (maxDocumentBytes); it was not parsed"));
    }
    return parse(source, content);
  }

  /**
   * Reads and parses one file; the file's size is checked before anything is read.
   *
   * @param file the file; its {@code toString()} becomes the source of every result
   * @return the documents in file order; a missing or unreadable file comes back as one
   *     {@link ParsedDocument.Failed}, never thrown
   */
  public List<ParsedDocument> parse(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > maxDocumentBytes) {
        return List.of(tooLarge(source, size));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return parse(source, in);
      }
    } catch (NoSuchFileException e) {
      return List.of(new ParsedDocument.Failed(source, 1, "file not found"));
    } catch (IOException e) {
      return List.of(new ParsedDocument.Failed(source, 1, "cannot read file: " + e));
    }
  }

  private ParsedDocument.Failed tooLarge(String source, long size) {
    return new ParsedDocument.Failed(source, 1, "file is " + size + " bytes, larger than the limit of "
        + maxDocumentBytes + " bytes (maxDocumentBytes); it was not parsed");
  }

  /** True when the first character after whitespace (and a UTF-8 byte-order mark) opens a JSON value. */
  private static boolean looksLikeJson(byte[] content) {
    int i = 0;
    if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
        && (content[2] & 0xff) == 0xBF) {
      i = 3;
    }
    for (; i < content.length; i++) {
      byte b = content[i];
      if (b == '{' || b == '[') {
        return true;
      }
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return false;
  }

  /** The single document when the content is strict JSON within the limits; null to fall back to YAML. */
  private @Nullable ParsedDocument tryStrictJson(String source, byte[] content) {
    try (JsonParser p = strictJson.createParser(content)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      int line = p.currentTokenLocation().getLineNr();
      JsonNode root = strictJson.readTree(p);
      if (root == null) {
        return null;
      }
      // JSON has no aliases, so the only way to exceed the node budget is sheer size: let YAML count it.
      if (content.length / 2 > maxNodes && countNodes(root, maxNodes) > maxNodes) {
        return null;
      }
      return YamlDocumentReader.toDocument(source, line, root);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static int countNodes(JsonNode node, int stopAbove) {
    int n = 1;
    if (node.isContainer()) {
      for (JsonNode child : node) {
        n += countNodes(child, stopAbove - n);
        if (n > stopAbove) {
          return n;
        }
      }
    }
    return n;
  }

  /**
   * Configures a {@link DescriptorParser}. Each limit must be positive.
   *
   * @since 0.1 (experimental)
   */
  public static final class Builder {
    private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxAliases = DEFAULT_MAX_ALIASES;
    private int maxNodes = DEFAULT_MAX_NODES;

    private Builder() {}

    /**
     * The largest file, in bytes, that is parsed; larger files fail without being read further.
     *
     * @throws IllegalArgumentException if not positive or {@code Integer.MAX_VALUE}
     */
    public Builder maxDocumentBytes(int bytes) {
      if (bytes <= 0 || bytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxDocumentBytes must be between 1 and " + (Integer.MAX_VALUE - 1)
            + ", got " + bytes);
      }
      this.maxDocumentBytes = bytes;
      return this;
    }

    /**
     * The deepest nesting of collections (mappings and sequences) allowed; the root is level 1.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxDepth(int depth) {
      this.maxDepth = positive("maxDepth", depth);
      return this;
    }

    /**
     * The most aliases that refer to a collection allowed in one document; aliases to scalars are cheap and
     * only count towards {@link #maxNodes}.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxAliases(int aliases) {
      if (aliases < 0) {
        throw new IllegalArgumentException("maxAliases must not be negative, got " + aliases);
      }
      this.maxAliases = aliases;
      return this;
    }

    /**
     * The most values (scalars and collections) one file may produce, counting every copy an alias makes.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxNodes(int nodes) {
      this.maxNodes = positive("maxNodes", nodes);
      return this;
    }

    /** The configured parser. */
    public DescriptorParser build() {
      return new DescriptorParser(this);
    }

    private static int positive(String name, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
