package org.catalogengine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.catalogengine.CatalogEngine;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.model.Entity;
import org.catalogengine.readers.FileUrlReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code catalog ingest}: registers descriptor files as {@code file} locations in a catalog database, processes
 * and stitches with the engine's background workers until nothing is due, and prints a summary. Exit code 0 when no entity has processing errors and
 * no conflict is recorded, 1 otherwise, 2 on a usage error.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    versionProvider = CatalogCommand.Version.class,
    description = "Ingest descriptor files into a catalog database (processing, relations, stitching).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ingested without processing errors or conflicts", "1:errors or conflicts were found",
        "2:usage error"})
final class IngestCommand implements Callable<Integer> {

  private static final String ORPHAN_ANNOTATION = "backstage.io/orphan";
  private static final String PROCESSING_STATUS_TYPE = "backstage.io/catalog-processing";

  /** Which catalog rules apply to emitted entities. */
  enum Rules { all, defaults }

  @Spec
  CommandSpec spec;

  @ParentCommand
  CatalogCommand parent;

  @Mixin
  StoreOptions storeOptions = new StoreOptions();

  @Option(names = "--rules", paramLabel = "RULES", defaultValue = "all", converter = RulesConverter.class,
      description = "Kinds allowed from locations: 'all', or 'default' (Component, API, Location as in Backstage)."
          + " Default: ${DEFAULT-VALUE}.")
  Rules rules = Rules.all;

  @Option(names = "--refresh", description = "Re-read every location and reprocess every entity now.")
  boolean refresh;

  @Parameters(arity = "1..*", paramLabel = "LOCATION", description = "Descriptor files to register as locations;"
      + " they replace the locations of an earlier ingest into the same database (entities only they produced are"
      + " removed).")
  List<Path> locations = List.of();

  @Override
  public Integer call() {
    Path cwd = parent.workingDirectory();
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = new ArrayList<>();
    Set<Path> dirs = new LinkedHashSet<>();
    for (Path p : locations) {
      Path file = cwd.resolve(p).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        spec.commandLine().getErr().println("catalog ingest: " + p + ": not a file");
        return CommandLine.ExitCode.USAGE;
      }
      files.add(file);
      dirs.add(file.getParent());
    }
    long start = System.nanoTime();
    try (JdbcCatalogStore store = storeOptions.open(cwd)) {
      CatalogEngine.Builder builder = CatalogEngine.builder()
          .store(store)
          .readers(FileUrlReader.builder().allowedRoots(dirs.toArray(Path[]::new)).build());
      files.forEach(f -> builder.configLocation("file", f.toString()));
      if (rules == Rules.all) {
        builder.allowAllKinds();
      }
      CatalogEngine engine = builder.build();
      if (refresh) {
        store.refreshAll();
      }
      // the background workers (two processing, one stitching) rather than runUntilIdle's single thread: reading
      // and parsing files overlaps with the database's writes
      engine.start();
      try {
        engine.awaitIdle(java.time.Duration.ofDays(1));
      } finally {
        engine.stop();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return summary(engine, store, out, seconds);
    }
  }

  private static int summary(CatalogEngine engine, JdbcCatalogStore store, PrintWriter out, double seconds) {
    Map<String, Integer> kinds = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    int relations = 0;
    int orphans = 0;
    int entities = 0;
    for (Entity e : (Iterable<Entity>) engine.entities()::iterator) {
      entities++;
      kinds.merge(e.kind(), 1, Integer::sum);
      JsonNode json = e.toJson();
      relations += json.path("relations").size();
      if ("true".equals(e.annotations().get(ORPHAN_ANNOTATION))) {
        orphans++;
      }
      for (JsonNode item : json.path("status").path("items")) {
        if (PROCESSING_STATUS_TYPE.equals(item.path("type").asString(""))) {
          errors.add(e.ref() + ": " + item.path("message").asString(""));
        }
      }
    }
    int conflicts = store.conflicts().size();
    out.printf(Locale.ROOT, "Ingested %d entities in %.2f s%n", entities, seconds);
    kinds.forEach((k, n) -> out.printf(Locale.ROOT, "  %-12s %d%n", k, n));
    out.printf(Locale.ROOT, "relations: %d%n", relations);
    out.printf(Locale.ROOT, "processing errors: %d%n", errors.size());
    errors.forEach(e -> out.println("  " + e));
    out.printf(Locale.ROOT, "conflicts: %d%n", conflicts);
    store.conflicts().forEach(c -> out.println("  " + c.ref() + ": rejected " + c.source() + " (location key "
        + c.rejectedLocationKey() + ", kept " + c.existingLocationKey() + ")"));
    out.printf(Locale.ROOT, "orphans: %d%n", orphans);
    out.flush();
    return errors.isEmpty() && conflicts == 0 ? CommandLine.ExitCode.OK : 1;
  }

  /** Accepts {@code all} and {@code default}. */
  static final class RulesConverter implements CommandLine.ITypeConverter<Rules> {
    @Override
    public Rules convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "all" -> Rules.all;
        case "default", "defaults" -> Rules.defaults;
        default -> throw new CommandLine.TypeConversionException("'" + value + "' is not one of: all, default");
      };
    }
  }
}
