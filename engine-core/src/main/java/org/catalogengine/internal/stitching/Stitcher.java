package org.catalogengine.internal.stitching;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.catalogengine.error.InputException;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.storage.ConflictRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the final entity of one processed entity (spec T3, T4, T11, B8, O1; DESIGN decision 6): a pure function
 * without I/O, so the stitch worker, tests and JMH call it the same way.
 *
 * <p>Cost per entity: one deep copy of the processed JSON, one canonical serialization (the generated etag is
 * spliced into those bytes rather than serializing twice), one SHA-1, and the search-row walk when changed.
 *
 * <p>Stateless and thread-safe.
 */
public final class Stitcher {

  /** Annotation that marks an entity without incoming reference edge (O1). */
  public static final String ORPHAN_ANNOTATION = "backstage.io/orphan";
  /** Status item type of stored processing errors (T3). */
  public static final String PROCESSING_STATUS_TYPE = "backstage.io/catalog-processing";
  /** Status item type of a stored locationKey conflict on the winning entity (DESIGN decision 6). */
  public static final String CONFLICT_STATUS_TYPE = "catalogengine.io/location-conflict";
  /** What B8 puts in place of a {@code javascript:} URL. */
  public static final String REJECTED_URL = "https://backstage.io/annotation-rejected-for-security-reasons";

  private static final String[] URL_ANNOTATIONS = {"backstage.io/view-url", "backstage.io/edit-url"};
  private static final String SCRIPT_SCHEME = "javascript:";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ETAG_NAME = "\"etag\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final Comparator<Map.Entry<String, JsonNode>> BY_KEY = Map.Entry.comparingByKey();
  private static final Comparator<ConflictRecord> CONFLICT_ORDER = Comparator
      .comparing(ConflictRecord::rejectedLocationKey, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
      .thenComparing(ConflictRecord::source)
      .thenComparing(ConflictRecord::existingLocationKey, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
      .thenComparing(ConflictRecord::firstSeen);

  private Stitcher() {}

  /**
   * Stitches one entity.
   *
   * @param input the processed entity, its relations, errors, orphan flag, conflicts and previous hash
   * @return {@link StitchResult.Unchanged} when the body hashes to {@code input.previousHash()}, else
   *     {@link StitchResult.Stitched} with the final JSON, hash and search rows, or {@link StitchResult.Failed}
   *     when the body has keys that differ only in case (T11)
   */
  public static StitchResult stitch(StitchInput input) {
    ObjectNode body = input.processed().toJson();
    ObjectNode metadata = (ObjectNode) body.get("metadata");
    JsonNode sourceEtag = metadata.get("etag");
    boolean generateEtag = sourceEtag == null || !sourceEtag.isString() || sourceEtag.stringValue().isEmpty();
    if (generateEtag && sourceEtag != null) {
      // an empty or non-string etag counts as none (Backstage tests it for truthiness) and must not be hashed
      metadata.remove("etag");
    }
    metadata.put("uid", input.entityId());
    if (input.orphan()) {
      annotations(metadata).put(ORPHAN_ANNOTATION, "true");
    }
    sanitizeUrls(metadata);
    body.set("relations", relations(input.relations()));
    if (!input.errors().isEmpty() || !input.conflicts().isEmpty()) {
      ArrayNode items = statusItems(body);
      for (ProcessingError e : input.errors()) {
        items.add(errorItem(e));
      }
      if (!input.conflicts().isEmpty()) {
        ConflictRecord[] conflicts = input.conflicts().toArray(new ConflictRecord[0]);
        Arrays.sort(conflicts, CONFLICT_ORDER);
        for (ConflictRecord c : conflicts) {
          items.add(conflictItem(c));
        }
      }
    }

    Canonical canonical = Canonical.write(body, generateEtag);
    String hash = canonical.sha1();
    if (hash.equals(input.previousHash())) {
      return new StitchResult.Unchanged(hash);
    }
    List<SearchRow> rows;
    try {
      rows = SearchRows.of(body);
    } catch (InputException e) {
      return new StitchResult.Failed(e.getMessage());
    }
    String json = generateEtag ? canonical.textWithEtag(hash) : canonical.text();
    return new StitchResult.Stitched(json, hash, rows);
  }

  /**
   * True when a URL's scheme is {@code javascript:} the way a browser reads it (B8): leading control characters
   * and spaces are ignored, and so are tabs and line breaks anywhere in the scheme; letters match in any case.
   */
  static boolean isScriptUrl(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && value.charAt(i) <= ' ') {
      i++;
    }
    for (int w = 0; w < SCRIPT_SCHEME.length(); w++) {
      if (w > 0) {
        while (i < n && isTabOrNewline(value.charAt(i))) {
          i++;
        }
      }
      if (i == n) {
        return false;
      }
      char c = value.charAt(i++);
      char expected = SCRIPT_SCHEME.charAt(w);
      if (c != expected && !(expected >= 'a' && expected <= 'z' && c == expected - ('a' - 'A'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTabOrNewline(char c) {
    return c == '\t' || c == '\n' || c == '\r';
  }

  private static void sanitizeUrls(ObjectNode metadata) {
    JsonNode annotations = metadata.get("annotations");
    if (annotations == null || !annotations.isObject()) {
      return;
    }
    for (String name : URL_ANNOTATIONS) {
      JsonNode v = annotations.get(name);
      if (v != null && v.isString() && isScriptUrl(v.stringValue())) {
        ((ObjectNode) annotations).put(name, REJECTED_URL);
      }
    }
  }

  private static ObjectNode annotations(ObjectNode metadata) {
    JsonNode a = metadata.get("annotations");
    if (a instanceof ObjectNode o) {
      return o;
    }
    // validation rejects non-object annotations before an entity is processed; replacing is the safe fallback
    return metadata.putObject("annotations");
  }

  private static ArrayNode statusItems(ObjectNode body) {
    JsonNode status = body.get("status");
    ObjectNode s = status instanceof ObjectNode o ? o : body.putObject("status");
    JsonNode items = s.get("items");
    return items instanceof ArrayNode a ? a : s.putArray("items");
  }

  /** One relation row of the final entity; sorted by type, then targetRef, as T3 asks. */
  private record Row(String type, String targetRef) implements Comparable<Row> {
    @Override
    public int compareTo(Row o) {
      int c = type.compareTo(o.type);
      return c != 0 ? c : targetRef.compareTo(o.targetRef);
    }
  }

  private static ArrayNode relations(List<Relation> relations) {
    int n = relations.size();
    ArrayNode out = NODES.arrayNode(n);
    if (n == 0) {
      return out;
    }
    Row[] rows = new Row[n];
    for (int i = 0; i < n; i++) {
      Relation r = relations.get(i);
      rows[i] = new Row(r.type(), r.target().toString());
    }
    Arrays.sort(rows);
    Row last = null;
    for (Row row : rows) {
      if (last == null || last.compareTo(row) != 0) {
        ObjectNode o = out.addObject();
        o.put("type", row.type);
        o.put("targetRef", row.targetRef);
        last = row;
      }
    }
    return out;
  }

  private static ObjectNode errorItem(ProcessingError e) {
    ObjectNode item = NODES.objectNode();
    item.put("type", PROCESSING_STATUS_TYPE);
    item.put("level", "error");
    item.put("message", e.name() + ": " + e.message());
    item.set("error", serializedError(e));
    return item;
  }

  private static JsonNode serializedError(ProcessingError e) {
    String text = e.serialized();
    if (text != null) {
      try {
        JsonNode parsed = CanonicalJson.MAPPER.readTree(text);
        if (parsed.isObject()) {
          return parsed;
        }
      } catch (RuntimeException ignored) {
        // a damaged stored error must not block the stitch; fall through to name and message
      }
    }
    ObjectNode error = NODES.objectNode();
    error.put("name", e.name());
    error.put("message", e.message());
    return error;
  }

  private static ObjectNode conflictItem(ConflictRecord c) {
    String rejected = c.rejectedLocationKey();
    String winning = c.existingLocationKey();
    String message = "Rejected a conflicting definition of " + c.ref() + " from " + c.source()
        + (rejected == null ? " without a location key" : " at location '" + rejected + "'")
        + "; the entity stays owned by " + (winning == null ? "its current definition" : "'" + winning + "'")
        + " (first seen " + c.firstSeen() + ")";
    ObjectNode item = NODES.objectNode();
    item.put("type", CONFLICT_STATUS_TYPE);
    item.put("level", "warning");
    item.put("message", message);
    ObjectNode error = item.putObject("error");
    error.put("name", "ConflictError");
    error.put("message", message);
    error.put("entityRef", c.ref().toString());
    if (winning == null) {
      error.putNull("winningLocationKey");
    } else {
      error.put("winningLocationKey", winning);
    }
    if (rejected == null) {
      error.putNull("rejectedLocationKey");
    } else {
      error.put("rejectedLocationKey", rejected);
    }
    error.put("source", c.source());
    error.put("firstSeen", c.firstSeen().toString());
    return item;
  }

  /**
   * The canonical bytes of a body, written exactly as {@link CanonicalJson} writes them, plus the offset where a
   * generated {@code metadata.etag} belongs in key order, so the final text needs no second serialization.
   */
  private static final class Canonical extends ByteArrayOutputStream {
    private int etagAt = -1;
    private boolean commaBefore;
    private boolean commaAfter;

    private Canonical() {
      super(2048);
    }

    static Canonical write(ObjectNode body, boolean reserveEtag) {
      Canonical out = new Canonical();
      try (JsonGenerator gen = CanonicalJson.MAPPER.createGenerator(out)) {
        gen.writeStartObject();
        for (Map.Entry<String, JsonNode> e : sorted(body)) {
          gen.writeName(e.getKey());
          if (reserveEtag && e.getValue().isObject() && "metadata".equals(e.getKey())) {
            out.writeMetadata(e.getValue(), gen);
          } else {
            CanonicalJson.write(e.getValue(), gen);
          }
        }
        gen.writeEndObject();
      }
      return out;
    }

    private void writeMetadata(JsonNode metadata, JsonGenerator gen) {
      gen.writeStartObject();
      List<Map.Entry<String, JsonNode>> entries = sorted(metadata);
      int written = 0;
      for (Map.Entry<String, JsonNode> e : entries) {
        if (etagAt < 0 && e.getKey().compareTo("etag") > 0) {
          mark(gen, written > 0, written == 0);
        }
        gen.writeName(e.getKey());
        CanonicalJson.write(e.getValue(), gen);
        written++;
      }
      if (etagAt < 0) {
        mark(gen, written > 0, false);
      }
      gen.writeEndObject();
    }

    private void mark(JsonGenerator gen, boolean before, boolean after) {
      gen.flush();
      etagAt = count;
      commaBefore = before;
      commaAfter = after;
    }

    private static List<Map.Entry<String, JsonNode>> sorted(JsonNode node) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
      if (entries.size() > 1) {
        entries.sort(BY_KEY);
      }
      return entries;
    }

    String sha1() {
      MessageDigest md;
      try {
        md = MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is required by the Java platform", e);
      }
      md.update(buf, 0, count);
      return HEX.formatHex(md.digest());
    }

    String text() {
      return new String(buf, 0, count, StandardCharsets.UTF_8);
    }

    String textWithEtag(String etag) {
      if (etagAt < 0) {
        throw new IllegalStateException("no place reserved for metadata.etag");
      }
      byte[] value = etag.getBytes(StandardCharsets.US_ASCII);
      int extra = (commaBefore ? 1 : 0) + ETAG_NAME.length + value.length + 1 + (commaAfter ? 1 : 0);
      byte[] out = new byte[count + extra];
      System.arraycopy(buf, 0, out, 0, etagAt);
      int p = etagAt;
      if (commaBefore) {
        out[p++] = ',';
      }
      System.arraycopy(ETAG_NAME, 0, out, p, ETAG_NAME.length);
      p += ETAG_NAME.length;
      System.arraycopy(value, 0, out, p, value.length);
      p += value.length;
      out[p++] = '"';
      if (commaAfter) {
        out[p++] = ',';
      }
      System.arraycopy(buf, etagAt, out, p, count - etagAt);
      return new String(out, StandardCharsets.UTF_8);
    }
  }
}
