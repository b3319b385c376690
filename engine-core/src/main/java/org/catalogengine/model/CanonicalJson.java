package org.catalogengine.model;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Canonical, key-sorted JSON and the stable content hash built on it.
 *
 * <p>Object keys are written in ascending (UTF-16 code unit) order at every level; array order is kept, so
 * reordering an array changes the hash (spec L25, CS39) while reordering object keys does not. The hash is the
 * lower-case hex SHA-1 of the canonical UTF-8 bytes, as Backstage uses for {@code unprocessed_hash}.
 *
 * <p>Thread-safe; all methods are static.
 *
 * @since 0.1 (maintained)
 */
public final class CanonicalJson {

  /** The engine's shared JSON mapper (immutable, thread-safe). */
  public static final JsonMapper MAPPER =
      JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private static final HexFormat HEX = HexFormat.of();

  private CanonicalJson() {}

  /** The canonical JSON text of a node. */
  public static String toJson(JsonNode node) {
    return new String(toBytes(node), StandardCharsets.UTF_8);
  }

  /** The canonical JSON as UTF-8 bytes. */
  public static byte[] toBytes(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(node, out);
    return out.toByteArray();
  }

  /** Writes the canonical JSON of a node to a stream (the stream is not closed). */
  public static void write(JsonNode node, OutputStream out) {
    try (JsonGenerator gen = MAPPER.createGenerator(out)) {
      write(node, gen);
    }
  }

  /** The hex SHA-1 of the canonical JSON of a node. */
  public static String sha1(JsonNode node) {
    Sha1 sha = new Sha1();
    sha.update(node);
    return sha.hex();
  }

  /** The hex SHA-1 of canonical JSON already serialised ({@link #toBytes}): equal to {@link #sha1(JsonNode)}. */
  public static String sha1(byte[] canonicalUtf8) {
    Sha1 sha = new Sha1();
    sha.digest.update(canonicalUtf8);
    return sha.hex();
  }

  /** Writes the canonical form of {@code node} through {@code gen}. */
  public static void write(JsonNode node, JsonGenerator gen) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        gen.writeStartObject();
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
        if (entries.size() > 1) {
          entries.sort(Map.Entry.comparingByKey());
        }
        for (Map.Entry<String, JsonNode> e : entries) {
          gen.writeName(e.getKey());
          write(e.getValue(), gen);
        }
        gen.writeEndObject();
      }
      case ARRAY -> {
        gen.writeStartArray();
        for (JsonNode element : node) {
          write(element, gen);
        }
        gen.writeEndArray();
      }
      case STRING -> gen.writeString(node.stringValue());
      case BOOLEAN -> gen.writeBoolean(node.booleanValue());
      case NUMBER -> writeNumber(node, gen);
      case NULL, MISSING -> gen.writeNull();
      case BINARY, POJO -> gen.writeString(node.asString());
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator gen) {
    if (node.isIntegralNumber()) {
      if (node.canConvertToLong()) {
        gen.writeNumber(node.longValue());
      } else {
        gen.writeNumber(node.bigIntegerValue());
      }
    } else if (node.isBigDecimal()) {
      gen.writeNumber(node.decimalValue());
    } else {
      gen.writeNumber(node.doubleValue());
    }
  }

  /**
   * An incremental SHA-1 over canonical JSON of several values, for hashes that cover more than one document
   * (the result hash of spec L25). Not thread-safe.
   */
  public static final class Sha1 {
    private static final String UPPER_HEX = "0123456789ABCDEF";
    private final MessageDigest digest;
    private final OutputStream sink;
    private byte[] scratch = new byte[128];

    public Sha1() {
      try {
        digest = MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is required by the Java platform", e);
      }
      sink = new OutputStream() {
        @Override
        public void write(int b) {
          digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          digest.update(b, off, len);
        }
      };
    }

    /** Adds the canonical JSON of a node. */
    public Sha1 update(JsonNode node) {
      write(node, sink);
      return this;
    }

    /** Adds a string (UTF-8). */
    public Sha1 update(String text) {
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /**
     * Adds {@code value} as a JSON string literal: the bytes {@code update(StringNode.valueOf(value))} adds, quoted
     * and escaped as the shared mapper writes them, but without a generator per string (a processing result hashes
     * three strings per relation). A lone surrogate goes through the mapper, whatever it makes of it.
     */
    public Sha1 updateString(String value) {
      int n = value.length();
      if (scratch.length < n * 6 + 2) {
        scratch = new byte[Math.max(n * 6 + 2, scratch.length * 2)];
      }
      byte[] b = scratch;
      int at = 0;
      b[at++] = '"';
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c < 0x80) {
          if (c >= 0x20 && c != '"' && c != '\\') {
            b[at++] = (byte) c;
          } else {
            at = escape(c, b, at);
          }
        } else if (c < 0x800) {
          b[at++] = (byte) (0xC0 | c >> 6);
          b[at++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
          b[at++] = (byte) (0xE0 | c >> 12);
          b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
          b[at++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, value.charAt(++i));
          b[at++] = (byte) (0xF0 | cp >> 18);
          b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
          b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
          b[at++] = (byte) (0x80 | cp & 0x3F);
        } else {
          return update(tools.jackson.databind.node.StringNode.valueOf(value));
        }
      }
      b[at++] = '"';
      digest.update(b, 0, at);
      return this;
    }

    /** JSON's escapes: the two-character form where there is one, else the six-character one (upper-case hex). */
    private static int escape(char c, byte[] b, int at) {
      b[at++] = '\\';
      char shortForm = switch (c) {
        case '"' -> '"';
        case '\\' -> '\\';
        case '\b' -> 'b';
        case '\t' -> 't';
        case '\n' -> 'n';
        case '\f' -> 'f';
        case '\r' -> 'r';
        default -> 0;
      };
      if (shortForm != 0) {
        b[at++] = (byte) shortForm;
        return at;
      }
      b[at++] = 'u';
      b[at++] = '0';
      b[at++] = '0';
      b[at++] = (byte) UPPER_HEX.charAt(c >> 4);
      b[at++] = (byte) UPPER_HEX.charAt(c & 0xF);
      return at;
    }

    /** Finishes and returns the lower-case hex digest. */
    public String hex() {
      return HEX.formatHex(digest.digest());
    }
  }
}
