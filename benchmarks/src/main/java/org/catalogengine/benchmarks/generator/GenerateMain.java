package org.catalogengine.benchmarks.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.EntityRef;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Command line front end of {@link CatalogGenerator}.
 *
 * <pre>
 * GenerateMain --n 100000 --seed 42 --out target/catalog [--format jsonl|yaml] [--delta [--delta-seed 43]]
 * </pre>
 *
 * <p>Writes the base set to {@code OUT/base} ({@code entities.jsonl}, or {@code all.yaml} plus
 * {@code entities-NNNN.yaml}); with {@code --delta} also the next set (1% changed, 1% removed, 1% added) to
 * {@code OUT/next} and the changed/removed/added refs to {@code OUT/delta.json}. Both sets are streamed, so large
 * {@code --n} run in bounded memory. Note that YAML {@code file:} annotations name the directory written into; a
 * driver applying the delta through files should copy {@code next} over the tree it registered.
 * Exit status 0 on success, 2 on bad arguments.
 *
 * @since 0.1 (experimental)
 */
public final class GenerateMain {

  private GenerateMain() {}

  /** Runs the generator; see the class javadoc for the arguments. */
  public static void main(String[] args) {
    int n = 10_000;
    long seed = 42L;
    Path out = Path.of("generated-catalog");
    String format = "jsonl";
    boolean delta = false;
    Long deltaSeed = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--n" -> n = Integer.parseInt(value(args, ++i));
          case "--seed" -> seed = Long.parseLong(value(args, ++i));
          case "--out" -> out = Path.of(value(args, ++i));
          case "--format" -> format = value(args, ++i);
          case "--delta" -> delta = true;
          case "--delta-seed" -> deltaSeed = Long.parseLong(value(args, ++i));
          case "--help", "-h" -> {
            usage();
            return;
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      if (!format.equals("jsonl") && !format.equals("yaml")) {
        throw new IllegalArgumentException("--format must be jsonl or yaml, got '" + format + "'");
      }
      if (n < CatalogGenerator.MIN_ENTITIES) {
        throw new IllegalArgumentException("--n must be >= " + CatalogGenerator.MIN_ENTITIES + ", got " + n);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    run(n, seed, out, format, delta, deltaSeed == null ? seed + 1 : deltaSeed);
  }

  /** Generates the base (and optionally the next) set into {@code out}; returns the delta refs when asked for. */
  static DeltaRefs run(int n, long seed, Path out, String format, boolean delta, long deltaSeed) {
    long baseCount = write(out.resolve("base"), format, sink -> CatalogGenerator.generate(n, seed, sink));
    System.out.println("wrote " + baseCount + " entities to " + out.resolve("base"));
    if (!delta) {
      return new DeltaRefs(List.of(), List.of(), List.of());
    }
    DeltaRefs[] refs = new DeltaRefs[1];
    long nextCount = write(out.resolve("next"), format,
        sink -> refs[0] = CatalogGenerator.next(n, seed, deltaSeed, 0.01, 0.01, 0.01, sink));
    ObjectNode summary = CanonicalJson.MAPPER.createObjectNode();
    summary.put("baseSeed", seed);
    summary.put("deltaSeed", deltaSeed);
    summary.put("n", n);
    refList(summary.putArray("changed"), refs[0].changed());
    refList(summary.putArray("removed"), refs[0].removed());
    refList(summary.putArray("added"), refs[0].added());
    try {
      Files.write(out.resolve("delta.json"), CanonicalJson.toBytes(summary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out.resolve("delta.json"), e);
    }
    System.out.println("wrote " + nextCount + " entities to " + out.resolve("next") + " (changed "
        + refs[0].changed().size() + ", removed " + refs[0].removed().size() + ", added "
        + refs[0].added().size() + ")");
    return refs[0];
  }

  private static long write(Path dir, String format, Consumer<Consumer<ObjectNode>> source) {
    if (format.equals("yaml")) {
      try (YamlTreeWriter writer = YamlTreeWriter.open(dir)) {
        source.accept(writer::write);
        return writer.count();
      }
    }
    try (JsonLinesWriter writer = JsonLinesWriter.open(dir.resolve("entities.jsonl"))) {
      source.accept(writer::write);
      return writer.count();
    }
  }

  private static void refList(ArrayNode array, List<EntityRef> refs) {
    refs.forEach(r -> array.add(r.toString()));
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("usage: GenerateMain --n N --seed S --out DIR [--format jsonl|yaml] [--delta [--delta-seed S2]]");
  }
}
