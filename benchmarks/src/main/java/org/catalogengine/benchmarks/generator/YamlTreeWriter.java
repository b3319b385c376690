package org.catalogengine.benchmarks.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.catalogengine.model.CanonicalJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes entities as a tree of multi-document YAML files under one directory, plus {@value #ROOT_FILE}: a
 * {@code kind: Location} entity whose {@code spec.targets} lists every file as {@code ./entities-NNNN.yaml}.
 *
 * <p>File assignment: an entity whose {@code backstage.io/managed-by-location} annotation ends in
 * {@code /entities-NNNN.yaml} (as {@link CatalogGenerator} sets it) goes into that file, so a base set and its
 * delta keep every surviving entity in the same file (the same location key); other entities fill
 * {@code entities-NNNN.yaml} files of {@value CatalogGenerator#ENTITIES_PER_FILE} in order. Entities of one file must
 * arrive consecutively (generator output does). In the written copy both location annotations are rewritten to
 * {@code file:} + the absolute path of the entity's file and of {@value #ROOT_FILE}; the input nodes are not
 * modified. Not thread-safe.
 *
 * <pre>{@code
 * try (YamlTreeWriter out = YamlTreeWriter.open(Path.of("target/catalog"))) {
 *   CatalogGenerator.generate(100_000, 42L, out::write);
 * }   // close() writes all.yaml
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
public final class YamlTreeWriter implements AutoCloseable {

  /** The root Location file's name. */
  public static final String ROOT_FILE = "all.yaml";

  /** The name of the root Location entity. */
  public static final String ROOT_LOCATION_NAME = "generated-catalog";

  /** A YAML mapper that writes {@code ---} before every document and multi-line strings as literal blocks. */
  static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
      .build();

  private static final Pattern GENERATED_FILE = Pattern.compile("/(entities-\\d{4,}\\.yaml)$");

  private final Path dir;
  private final String origin;
  private final List<String> files = new ArrayList<>();
  private final Set<String> used = new HashSet<>();
  private @Nullable SequenceWriter current;
  private @Nullable String currentFile;
  private int currentCount;
  private boolean currentFromAnnotation;
  private long count;
  private boolean closed;

  private YamlTreeWriter(Path dir) {
    this.dir = dir;
    this.origin = "file:" + dir.resolve(ROOT_FILE);
  }

  /**
   * Opens a writer into {@code dir} (created if missing; existing files of the same names are overwritten).
   *
   * @param dir the target directory
   * @return a writer; {@link #close()} must be called to write {@value #ROOT_FILE}
   * @throws UncheckedIOException if the directory cannot be created
   */
  public static YamlTreeWriter open(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create YAML tree directory " + absolute, e);
    }
    return new YamlTreeWriter(absolute);
  }

  /**
   * Writes one entity (a copy with rewritten location annotations) into its file.
   *
   * @param entity the entity (not modified)
   * @throws IllegalStateException if the writer is closed or the entity's file was already finished
   * @throws UncheckedIOException on a write failure
   */
  public void write(JsonNode entity) {
    if (closed) {
      throw new IllegalStateException("YAML tree writer for " + dir + " is closed");
    }
    String target = annotatedFile(entity);
    if (target != null) {
      if (!target.equals(currentFile)) {
        if (used.contains(target)) {
          throw new IllegalStateException(
              "entities for " + target + " are not consecutive (at entity " + (count + 1) + ")");
        }
        startFile(target, true);
      }
    } else if (currentFile == null || currentFromAnnotation || currentCount >= CatalogGenerator.ENTITIES_PER_FILE) {
      int number = files.size() + 1;
      while (used.contains(CatalogGenerator.fileName(number))) {
        number++;
      }
      startFile(CatalogGenerator.fileName(number), false);
    }
    ObjectNode copy = (ObjectNode) entity.deepCopy();
    JsonNode metadata = copy.get("metadata");
    if (metadata instanceof ObjectNode md) {
      JsonNode existing = md.get("annotations");
      ObjectNode annotations = existing instanceof ObjectNode a ? a : md.putObject("annotations");
      annotations.put(CatalogGenerator.LOCATION_ANNOTATION, "file:" + dir.resolve(currentFile));
      annotations.put(CatalogGenerator.ORIGIN_LOCATION_ANNOTATION, origin);
    }
    try {
      current.write(copy);
    } catch (RuntimeException e) {
      throw new UncheckedIOException("cannot write entity " + (count + 1) + " to " + dir.resolve(currentFile),
          new IOException(e));
    }
    currentCount++;
    count++;
  }

  /** The file names written so far (relative to the directory), in order. */
  public List<String> files() {
    return List.copyOf(files);
  }

  /** The directory written into (absolute). */
  public Path directory() {
    return dir;
  }

  /** The number of entities written so far. */
  public long count() {
    return count;
  }

  /**
   * Finishes the last file and writes {@value #ROOT_FILE}; idempotent.
   *
   * @throws UncheckedIOException on a write failure
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finishFile();
    ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
    root.put("apiVersion", CatalogGenerator.API_VERSION);
    root.put("kind", "Location");
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("name", ROOT_LOCATION_NAME);
    metadata.put("description", "Generated catalog of " + count + " entities in " + files.size() + " files.");
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put(CatalogGenerator.LOCATION_ANNOTATION, origin);
    annotations.put(CatalogGenerator.ORIGIN_LOCATION_ANNOTATION, origin);
    ObjectNode spec = root.putObject("spec");
    spec.put("type", "file");
    ArrayNode targets = spec.putArray("targets");
    files.forEach(f -> targets.add("./" + f));
    Path file = dir.resolve(ROOT_FILE);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      YAML.writeValue(out, root);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException("cannot write " + file, e instanceof IOException io ? io : new IOException(e));
    }
  }

  private static @Nullable String annotatedFile(JsonNode entity) {
    JsonNode location = entity.path("metadata").path("annotations").path(CatalogGenerator.LOCATION_ANNOTATION);
    if (!location.isString()) {
      return null;
    }
    Matcher m = GENERATED_FILE.matcher(location.stringValue());
    return m.find() ? m.group(1) : null;
  }

  private void startFile(String name, boolean fromAnnotation) {
    finishFile();
    Path file = dir.resolve(name);
    try {
      BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      current = YAML.writer().writeValues(out);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException("cannot create " + file, e instanceof IOException io ? io : new IOException(e));
    }
    files.add(name);
    used.add(name);
    currentFile = name;
    currentCount = 0;
    currentFromAnnotation = fromAnnotation;
  }

  private void finishFile() {
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        throw new UncheckedIOException("cannot finish " + dir.resolve(currentFile), new IOException(e));
      }
      current = null;
    }
  }
}
