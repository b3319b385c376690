package org.catalogengine.internal.stitching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.catalogengine.error.InputException;
import org.catalogengine.model.EntityRef;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds the search rows of a final entity (spec T9–T11) as a sorted, duplicate-free, immutable list.
 *
 * <p>T9's generic walk, with two kinds of rows left out because another table already answers their filters
 * (DESIGN decision 3: every row must earn its place in a query):
 * <ul>
 *   <li>{@code relations.<type> = <targetRef>}: the relations table holds the same (source, type, target) once,
 *       indexed by source and by target; a filter or facet on {@code relations.<type>} is answered from it. Relation
 *       types still take part in the T11 casing check.</li>
 *   <li>{@code metadata.uid}: the uid is the entity id, the key of the final-entity table.</li>
 * </ul>
 * Together they were about a third of an entity's rows. A third kind is folded into the row it comes from:
 * T9's {@code <path>.<element> = true} for a string element of an array is not a row of its own; the element's
 * {@code (<path>, <element>)} row is marked instead ({@link SearchRow#elementKey}), and a store answers a filter on
 * {@code <path>.<element>} from the marked row. Those rows were a sixth of the rest in generated catalogs (tags,
 * members, dependencies), each under a key of its own. The {@code metadata.namespace = null} row next to
 * {@code = default} is still made: its filter has nowhere else to go.
 *
 * <p>Stateless and thread-safe; one call allocates the rows plus one path buffer and two small hash tables.
 */
public final class SearchRows {

  /** Longer keys are dropped (T10); the columns are indexed and databases reject huge index entries. */
  public static final int MAX_KEY_LENGTH = 200;
  /** Longer values are stored as null/null (T10, CS59). */
  public static final int MAX_VALUE_LENGTH = 200;
  /** The message of the T11 failure; the offending keys follow it. */
  public static final String DUPLICATE_KEYS_MESSAGE = "Entity has duplicate keys that vary only in casing";

  private static final String[] SKIPPED = {
    "attachments", "relations", "status", "metadata.name", "metadata.namespace", "metadata.uid", "metadata.etag"
  };
  private static final int MAX_SKIPPED_LENGTH = "metadata.namespace".length();
  private static final String TRUE = "true";

  private SearchRows() {}

  /**
   * The search rows of a final entity: the generic walk of T9 plus {@code metadata.name} and {@code
   * metadata.namespace} (not {@code metadata.uid} and {@code relations.<type>}, and the {@code <path>.<element>}
   * rows only as marks on their elements' rows: see the class comment).
   *
   * @param finalEntity the final entity's JSON (an object with a {@code metadata} object)
   * @return the rows sorted by {@link SearchRow#ORDER}, one per distinct {@code (key, value)}; immutable
   * @throws InputException if two keys differ only in case (T11); the message names the keys
   */
  public static List<SearchRow> of(JsonNode finalEntity) {
    Walker w = new Walker();
    w.walk(finalEntity);
    JsonNode metadata = finalEntity.path("metadata");
    JsonNode namespace = metadata.get("namespace");
    w.emitSpecial("metadata.name", metadata.get("name"));
    w.emitSpecial("metadata.namespace", namespace);
    if (namespace == null || namespace.isNull() || (namespace.isString() && namespace.stringValue().isEmpty())) {
      w.emit("metadata.namespace", EntityRef.DEFAULT_NAMESPACE);
    }
    JsonNode relations = finalEntity.get("relations");
    if (relations != null && relations.isArray()) {
      for (JsonNode relation : relations) {
        JsonNode type = relation.get("type");
        if (type != null && type.isString()) {
          w.checkKey("relations." + type.stringValue());
        }
      }
    }
    return w.finish(finalEntity);
  }

  /** Sorts rows (for example, rows read back from storage) into {@link SearchRow#ORDER}; immutable result. */
  public static List<SearchRow> sorted(Collection<SearchRow> rows) {
    SearchRow[] array = rows.toArray(new SearchRow[0]);
    Arrays.sort(array, SearchRow.ORDER);
    return List.of(array);
  }

  /** Lower-cases like Backstage's {@code toLocaleLowerCase('en-US')}; returns the same instance when unchanged. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** JavaScript's {@code String(number)}, close enough for search values: {@code 1.0} is {@code "1"}. */
  static String numberText(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? Long.toString(n.longValue()) : n.bigIntegerValue().toString();
    }
    if (n.isBigDecimal()) {
      BigDecimal d = n.decimalValue().stripTrailingZeros();
      return d.signum() == 0 ? "0" : d.toPlainString();
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    double abs = Math.abs(d);
    if (abs >= 1e-7 && abs < 1e21) {
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    return Double.toString(d);
  }

  /** One flattening pass; not thread-safe, used once. */
  private static final class Walker {
    private final StringBuilder path = new StringBuilder(96);
    private final ArrayList<SearchRow> rows = new ArrayList<>(48);
    /** Lower-cased raw key → first raw key seen, for T11. */
    private final HashMap<String, String> rawByLower = new HashMap<>(64);
    /** Lower-cased synthetic {@code <path>.<element>} keys already emitted. */
    private @Nullable HashSet<String> elementKeys;
    private @Nullable TreeSet<String> duplicates;

    void walk(JsonNode root) {
      visit(root);
    }

    private void visit(JsonNode node) {
      if (path.length() <= MAX_SKIPPED_LENGTH && isSkipped()) {
        return;
      }
      switch (node.getNodeType()) {
        case OBJECT -> {
          int mark = path.length();
          for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (mark > 0) {
              path.append('.');
            }
            path.append(e.getKey());
            visit(e.getValue());
            path.setLength(mark);
          }
        }
        case ARRAY -> {
          for (JsonNode item : node) {
            visit(item);
            if (item.isString()) {
              emitElementKey(item.stringValue());
            }
          }
        }
        case STRING -> emit(path.toString(), node.stringValue());
        case BOOLEAN -> emit(path.toString(), node.booleanValue() ? TRUE : "false");
        case NUMBER -> emit(path.toString(), numberText(node));
        case NULL, MISSING -> emit(path.toString(), null);
        default -> {
          // binary and POJO nodes never come out of a JSON parse; like Backstage, unknown leaves are ignored
        }
      }
    }

    private boolean isSkipped() {
      for (String s : SKIPPED) {
        if (s.length() == path.length() && s.contentEquals(path)) {
          return true;
        }
      }
      return false;
    }

    /**
     * T9's {@code <path>.<element> = true} for the string element whose row {@link #visit} just added. The row is
     * marked instead ({@link SearchRow#elementKey}): the key is the row's key and value joined with a dot, so
     * the mark says all a stored row would. A row is still made where the lower-cased key is not that join (a
     * context-dependent lower case, such as a Greek final sigma before the dot).
     */
    private void emitElementKey(String element) {
      int mark = path.length();
      path.append('.').append(element);
      String rawKey = path.toString();
      path.setLength(mark);
      HashSet<String> seen = elementKeys;
      if (seen == null) {
        seen = new HashSet<>();
        elementKeys = seen;
      }
      String lowerKey = lower(rawKey);
      if (!seen.add(lowerKey)) {
        return;
      }
      checkCasing(rawKey, lowerKey);
      if (lowerKey.length() > MAX_KEY_LENGTH) {
        return;
      }
      int last = rows.size() - 1;
      SearchRow row = last < 0 ? null : rows.get(last);
      if (row != null && joins(lowerKey, row.key(), row.value())) {
        rows.set(last, new SearchRow(row.key(), row.value(), row.originalValue(), true));
      } else {
        emit(rawKey, lowerKey, TRUE);
      }
    }

    /** Whether {@code key} is {@code prefix + '.' + value}. */
    private static boolean joins(String key, String prefix, @Nullable String value) {
      return value != null && key.length() == prefix.length() + 1 + value.length() && key.startsWith(prefix)
          && key.charAt(prefix.length()) == '.' && key.endsWith(value);
    }

    void emitSpecial(String rawKey, @Nullable JsonNode value) {
      if (value == null || value.isNull() || value.isMissingNode()) {
        emit(rawKey, null);
      } else if (value.isString()) {
        emit(rawKey, value.stringValue());
      } else if (value.isNumber()) {
        emit(rawKey, numberText(value));
      } else if (value.isBoolean()) {
        emit(rawKey, value.booleanValue() ? TRUE : "false");
      } else {
        emit(rawKey, value.toString());
      }
    }

    void emit(String rawKey, @Nullable String rawValue) {
      emit(rawKey, lower(rawKey), rawValue);
    }

    /** T11 for a key that gets no row of its own. */
    void checkKey(String rawKey) {
      checkCasing(rawKey, lower(rawKey));
    }

    private void checkCasing(String rawKey, String key) {
      String first = rawByLower.putIfAbsent(key, rawKey);
      if (first != null && !first.equals(rawKey)) {
        TreeSet<String> d = duplicates;
        if (d == null) {
          d = new TreeSet<>();
          duplicates = d;
        }
        d.add(key);
      }
    }

    private void emit(String rawKey, String key, @Nullable String rawValue) {
      checkCasing(rawKey, key);
      if (key.length() > MAX_KEY_LENGTH) {
        return;
      }
      if (rawValue == null) {
        rows.add(new SearchRow(key, null, null));
        return;
      }
      String value = lower(rawValue);
      rows.add(value.length() <= MAX_VALUE_LENGTH
          ? new SearchRow(key, value, rawValue)
          : new SearchRow(key, null, null));
    }

    List<SearchRow> finish(JsonNode entity) {
      TreeSet<String> d = duplicates;
      if (d != null) {
        throw new InputException(DUPLICATE_KEYS_MESSAGE + ", '" + String.join("', '", d) + "'"
            + describe(entity) + " (rule T11)");
      }
      SearchRow[] array = rows.toArray(new SearchRow[0]);
      // Arrays.sort on objects is stable, so among equal (key, value) the first row of the walk wins, as in
      // Backstage's first-wins de-duplication.
      Arrays.sort(array, SearchRow.ORDER);
      int n = 0;
      for (int i = 0; i < array.length; i++) {
        if (n == 0 || SearchRow.compareKeyValue(array[n - 1], array[i]) != 0) {
          array[n++] = array[i];
        } else if (array[i].elementKey() && !array[n - 1].elementKey()) {
          // the same (key, value) as a plain leaf and as an array element: one row, standing for both
          SearchRow kept = array[n - 1];
          array[n - 1] = new SearchRow(kept.key(), kept.value(), kept.originalValue(), true);
        }
      }
      return n == array.length ? List.of(array) : List.of(Arrays.copyOf(array, n));
    }

    private static String describe(JsonNode entity) {
      JsonNode kind = entity.get("kind");
      JsonNode metadata = entity.path("metadata");
      JsonNode name = metadata.get("name");
      if (kind == null || !kind.isString() || name == null || !name.isString()) {
        return "";
      }
      JsonNode ns = metadata.get("namespace");
      String namespace = ns != null && ns.isString() && !ns.stringValue().isEmpty()
          ? ns.stringValue() : EntityRef.DEFAULT_NAMESPACE;
      return " in entity " + lower(kind.stringValue()) + ':' + lower(namespace) + '/' + lower(name.stringValue());
    }
  }
}
