package org.catalogengine.spi.processor;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.YamlUnicodeReader;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Jackson trees from snakeyaml-engine's event stream (one reader per file, not thread-safe).
 *
 * <p>We build from events rather than from snakeyaml's composed nodes because composing is recursive (a deeply
 * nested file overflows the stack before any check of ours could run) and because aliases must be expanded
 * with a budget: the event stream lets us stop at the first collection past {@code maxDepth} and count every
 * node an alias copies before copying it.
 */
final class YamlDocumentReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CORE = "tag:yaml.org,2002:";

  // YAML 1.2.2 core schema (§10.3.2), as the `yaml` npm package Backstage uses resolves plain scalars.
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF_OR_NAN = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  /** Longer "numbers" stay strings; Jackson's JSON parser has the same limit by default. */
  static final int MAX_NUMBER_LENGTH = 1000;

  private final String source;
  private final int maxDepth;
  private final int maxAliases;
  private final int maxNodes;
  private final int maxCodePoints;

  private final List<ParsedDocument> out = new ArrayList<>();
  private int fileNodes;

  // State of the document being read.
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final Set<String> openAnchors = new HashSet<>();
  private int depth;
  private int collectionAliases;
  private @Nullable JsonNode root;
  private int rootLine;
  private @Nullable String failure;
  private int failureLine;

  YamlDocumentReader(String source, int maxDepth, int maxAliases, int maxNodes, int maxCodePoints) {
    this.source = source;
    this.maxDepth = maxDepth;
    this.maxAliases = maxAliases;
    this.maxNodes = maxNodes;
    this.maxCodePoints = maxCodePoints;
  }

  /** Reads every document of the content. */
  List<ParsedDocument> read(byte[] content) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setUseMarks(true)
        .setCodePointLimit(maxCodePoints)
        .build();
    int lastLine = 1;
    try {
      Parser parser = new ParserImpl(settings,
          new StreamReader(settings, new YamlUnicodeReader(new ByteArrayInputStream(content))));
      while (parser.hasNext()) {
        Event e = parser.next();
        lastLine = line(e, lastLine);
        switch (e.getEventId()) {
          case DocumentStart -> startDocument();
          case DocumentEnd -> endDocument();
          case MappingStart, SequenceStart -> startCollection((CollectionStartEvent) e, lastLine);
          case MappingEnd, SequenceEnd -> endCollection();
          case Scalar -> scalar((ScalarEvent) e, lastLine);
          case Alias -> alias((AliasEvent) e, lastLine);
          default -> { } // stream start/end, comments
        }
      }
    } catch (LimitExceeded x) {
      out.add(new ParsedDocument.Failed(source, x.line, x.getMessage() + "; the rest of the file was not read"));
    } catch (MarkedYamlEngineException x) {
      out.add(syntaxError(x, lastLine));
    } catch (YamlEngineException x) {
      out.add(new ParsedDocument.Failed(source, lastLine, "YAML error near line " + lastLine + ": "
          + x.getMessage()));
    }
    return List.copyOf(out);
  }

  /** The result for one complete document root: null to skip it (empty document). */
  static @Nullable ParsedDocument toDocument(String source, int line, JsonNode root) {
    if (root.isNull()) {
      return null;
    }
    if (root.isObject()) {
      return new ParsedDocument.Parsed(source, line, root);
    }
    return new ParsedDocument.Failed(source, line, "document is " + describe(root)
        + ", expected an entity object (a mapping with apiVersion, kind and metadata)");
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isString()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private ParsedDocument.Failed syntaxError(MarkedYamlEngineException x, int lastLine) {
    Optional<Mark> at = x.getProblemMark().or(x::getContextMark);
    int line = at.map(m -> m.getLine() + 1).orElse(lastLine);
    StringBuilder msg = new StringBuilder("YAML syntax error at line ").append(line);
    at.ifPresent(m -> msg.append(", column ").append(m.getColumn() + 1));
    msg.append(": ").append(x.getProblem() == null ? "invalid YAML" : x.getProblem().strip());
    if (x.getContext() != null && !x.getContext().isBlank()) {
      msg.append(" (").append(x.getContext().strip());
      x.getContextMark().ifPresent(m -> msg.append(" at line ").append(m.getLine() + 1));
      msg.append(')');
    }
    return new ParsedDocument.Failed(source, line, msg.toString());
  }

  private static int line(Event e, int fallback) {
    Optional<Mark> mark = e.getStartMark();
    return mark.isPresent() ? mark.get().getLine() + 1 : fallback;
  }

  private void startDocument() {
    stack.clear();
    anchors.clear();
    openAnchors.clear();
    depth = 0;
    collectionAliases = 0;
    root = null;
    failure = null;
  }

  private void endDocument() {
    if (failure != null) {
      out.add(new ParsedDocument.Failed(source, failureLine, failure));
    } else if (root != null) {
      ParsedDocument doc = toDocument(source, rootLine, root);
      if (doc != null) {
        out.add(doc);
      }
    }
    startDocument();
  }

  private void startCollection(CollectionStartEvent e, int line) {
    depth++;
    if (depth > maxDepth) {
      throw new LimitExceeded(line, "document nests deeper than the limit of " + maxDepth
          + " levels (maxDepth) at line " + line);
    }
    if (failure != null) {
      return;
    }
    if (expectingKey()) {
      fail(line, "a mapping or list used as a key at line " + line + " is not supported");
      return;
    }
    count(line, 1);
    boolean mapping = e.getEventId() == Event.ID.MappingStart;
    String anchor = e.getAnchor().map(a -> a.getValue()).orElse(null);
    if (anchor != null) {
      openAnchors.add(anchor);
    }
    stack.push(new Frame(mapping ? NODES.objectNode() : NODES.arrayNode(), anchor, fileNodes - 1, line,
        segmentForChild()));
  }

  private void endCollection() {
    depth--;
    if (failure != null) {
      return;
    }
    Frame f = stack.pop();
    int height = f.childHeight + 1;
    if (f.anchor != null) {
      openAnchors.remove(f.anchor);
      anchors.put(f.anchor, new Anchored(f.node, fileNodes - f.nodesAtStart, height));
    }
    attach(f.node, f.line, height);
  }

  private void scalar(ScalarEvent e, int line) {
    if (failure != null) {
      return;
    }
    JsonNode value = resolve(e);
    e.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Anchored(value, 1, 0)));
    if (expectingKey()) {
      key(value, line);
    } else {
      count(line, 1);
      attach(value, line, 0);
    }
  }

  private void alias(AliasEvent e, int line) {
    if (failure != null) {
      return;
    }
    String name = e.getAlias().getValue();
    if (openAnchors.contains(name)) {
      fail(line, "recursive alias *" + name + " at line " + line + ": the anchor &" + name + " contains itself");
      return;
    }
    Anchored target = anchors.get(name);
    if (target == null) {
      fail(line, "undefined alias *" + name + " at line " + line);
      return;
    }
    if (expectingKey()) {
      if (target.value.isContainer()) {
        fail(line, "a mapping or list used as a key at line " + line + " is not supported");
      } else {
        key(target.value, line);
      }
      return;
    }
    if (!target.value.isContainer()) {
      count(line, 1);
      attach(target.value, line, 0); // scalar nodes are immutable: share them
      return;
    }
    collectionAliases++;
    if (collectionAliases > maxAliases) {
      throw new LimitExceeded(line, "document has more than " + maxAliases
          + " aliases to collections (maxAliases) at line " + line
          + "; aliases can expand a small file into a huge one");
    }
    if (depth + target.height > maxDepth) {
      throw new LimitExceeded(line, "alias *" + name + " at line " + line + " nests deeper than the limit of "
          + maxDepth + " levels (maxDepth)");
    }
    if ((long) fileNodes + target.size > maxNodes) {
      throw new LimitExceeded(line, "aliases expand the file to more than " + maxNodes
          + " values (maxNodes) at alias *" + name + " on line " + line);
    }
    fileNodes += target.size;
    // Copy: sharing one container in several places would let an edit to one show up in all.
    attach(target.value.deepCopy(), line, target.height);
  }

  private boolean expectingKey() {
    Frame top = stack.peek();
    return top != null && top.node instanceof ObjectNode && top.pendingKey == null;
  }

  private void key(JsonNode value, int line) {
    Frame top = stack.peek();
    String key = value.isNull() ? "" : value.isString() ? value.stringValue() : value.asString();
    if (((ObjectNode) top.node).has(key)) {
      fail(line, "duplicate key '" + path(key) + "' at line " + line + " (keys of a mapping must be unique)");
      return;
    }
    top.pendingKey = key;
  }

  private void attach(JsonNode value, int line, int height) {
    Frame top = stack.peek();
    if (top == null) {
      root = value;
      rootLine = line;
      return;
    }
    top.childHeight = Math.max(top.childHeight, height);
    if (top.node instanceof ArrayNode array) {
      array.add(value);
    } else {
      ((ObjectNode) top.node).set(top.pendingKey, value);
      top.pendingKey = null;
    }
  }

  private void count(int line, int nodes) {
    fileNodes += nodes;
    if (fileNodes > maxNodes) {
      throw new LimitExceeded(line, "the file has more than " + maxNodes + " values (maxNodes) at line " + line);
    }
  }

  private void fail(int line, String message) {
    failure = message;
    failureLine = line;
    stack.clear();
    openAnchors.clear();
    root = null;
  }

  /** The path segment a collection opened now would have in its parent. */
  private String segmentForChild() {
    Frame top = stack.peek();
    if (top == null) {
      return "";
    }
    return top.node instanceof ArrayNode a ? "[" + a.size() + "]" : String.valueOf(top.pendingKey);
  }

  /** The dotted path of a key in the innermost open mapping, for messages. */
  private String path(String key) {
    StringBuilder sb = new StringBuilder();
    for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
      appendSegment(sb, it.next().segment);
    }
    appendSegment(sb, key);
    return sb.toString();
  }

  private static void appendSegment(StringBuilder sb, String segment) {
    if (segment.isEmpty() && sb.length() == 0) {
      return;
    }
    if (sb.length() > 0 && !segment.startsWith("[")) {
      sb.append('.');
    }
    sb.append(segment);
  }

  /** The JSON value of a scalar per its tag, or per the core schema when it is plain and untagged. */
  static JsonNode resolve(ScalarEvent e) {
    String value = e.getValue();
    Optional<String> tag = e.getTag();
    if (tag.isEmpty()) {
      return e.isPlain() ? resolvePlain(value) : NODES.stringNode(value);
    }
    JsonNode plain = resolvePlain(value);
    JsonNode typed = switch (tag.get()) {
      case CORE + "null" -> NODES.nullNode();
      case CORE + "bool" -> plain.isBoolean() ? plain : null;
      case CORE + "int" -> plain.isIntegralNumber() ? plain : null;
      case CORE + "float" -> plain.isNumber() ? NODES.numberNode(plain.doubleValue()) : null;
      default -> null; // !!str, non-specific "!", !!timestamp, !!binary and custom tags keep the text
    };
    return typed == null ? NODES.stringNode(value) : typed;
  }

  /** Resolves a plain scalar per the YAML 1.2 core schema. */
  static JsonNode resolvePlain(String v) {
    if (v.isEmpty()) {
      return NODES.nullNode();
    }
    switch (v.charAt(0)) {
      case '~':
        return v.length() == 1 ? NODES.nullNode() : NODES.stringNode(v);
      case 'n', 'N':
        return v.equals("null") || v.equals("Null") || v.equals("NULL") ? NODES.nullNode() : NODES.stringNode(v);
      case 't', 'T':
        return v.equals("true") || v.equals("True") || v.equals("TRUE") ? NODES.booleanNode(true)
            : NODES.stringNode(v);
      case 'f', 'F':
        return v.equals("false") || v.equals("False") || v.equals("FALSE") ? NODES.booleanNode(false)
            : NODES.stringNode(v);
      case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
        return resolveNumber(v);
      default:
        return NODES.stringNode(v);
    }
  }

  private static JsonNode resolveNumber(String v) {
    if (v.length() > MAX_NUMBER_LENGTH) {
      return NODES.stringNode(v); // BigInteger parsing is quadratic: a megabyte of digits would stall us
    }
    if (DECIMAL.matcher(v).matches()) {
      return integer(new BigInteger(v.charAt(0) == '+' ? v.substring(1) : v));
    }
    if (OCTAL.matcher(v).matches()) {
      return integer(new BigInteger(v.substring(2), 8));
    }
    if (HEX.matcher(v).matches()) {
      return integer(new BigInteger(v.substring(2), 16));
    }
    if (FLOAT.matcher(v).matches()) {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
    }
    if (INF_OR_NAN.matcher(v).matches()) {
      return NODES.nullNode(); // JSON has no infinities or NaN; JSON.stringify writes null too
    }
    return NODES.stringNode(v);
  }

  private static JsonNode integer(BigInteger b) {
    int bits = b.bitLength();
    if (bits < 32) {
      return NODES.numberNode(b.intValue());
    }
    if (bits < 64) {
      return NODES.numberNode(b.longValue());
    }
    return NODES.numberNode(b);
  }

  /** An open collection. */
  private static final class Frame {
    final JsonNode node;
    final @Nullable String anchor;
    final int nodesAtStart;
    final int line;
    final String segment;
    @Nullable String pendingKey;
    int childHeight;

    Frame(JsonNode node, @Nullable String anchor, int nodesAtStart, int line, String segment) {
      this.node = node;
      this.anchor = anchor;
      this.nodesAtStart = nodesAtStart;
      this.line = line;
      this.segment = segment;
    }
  }

  /** A completed anchored value: its node count and collection height, to check limits before copying. */
  private record Anchored(JsonNode value, int size, int height) {}

  /** A limit was exceeded: the rest of the file is not read. */
  private static final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    LimitExceeded(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }
}
