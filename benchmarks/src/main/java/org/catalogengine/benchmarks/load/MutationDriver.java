package org.catalogengine.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.catalogengine.benchmarks.generator.CatalogGenerator;
import org.catalogengine.benchmarks.generator.DeltaScenario;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.storage.MutationResult;
import org.catalogengine.spi.storage.StoreStatistics;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures provider full mutations against a fresh database: the first load of N generated entities, an
 * identical repeat, and a repeat with 1% changed, 1% removed and 1% added. Prints one JSON line per phase with
 * seconds, the peak heap during the phase (sum of the heap pools' peaks, reset before the phase: an upper
 * bound), what the store reported and the row counts afterwards.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     org.catalogengine.benchmarks.load.MutationDriver --db sqlite --n 100000
 * </pre>
 *
 * <p>{@code --db} is {@code sqlite} (a new file in a temporary directory), {@code postgres} (a new schema in
 * database {@code test} on 127.0.0.1:5432), {@code mariadb} (a new database on 127.0.0.1:3306) or a JDBC URL.
 */
public final class MutationDriver {

  private static final String PROVIDER = "generated";

  private MutationDriver() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    int n = Integer.parseInt(opts.getOrDefault("n", "100000"));
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    String db = opts.getOrDefault("db", "sqlite");

    List<DeferredEntity> base = toDeferred(CatalogGenerator.generate(n, seed));
    DeltaScenario next = CatalogGenerator.next(CatalogGenerator.generate(n, seed), seed + 1, 0.01, 0.01, 0.01);
    List<DeferredEntity> changed = toDeferred(next.entities());

    Target target = Target.open(db);
    try (JdbcCatalogStore store = target.builder().build()) {
      phase(store, db, n, "first", base);
      phase(store, db, n, "repeat", base);
      phase(store, db, n, "delta-1pct", changed);
    } finally {
      target.drop();
    }
  }

  private static void phase(JdbcCatalogStore store, String db, int n, String name, List<DeferredEntity> entities) {
    System.gc();
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
        heap.add(pool);
      }
    }
    long start = System.nanoTime();
    MutationResult result = store.applyMutation(PROVIDER, EntityMutation.full(entities));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    StoreStatistics stats = store.statistics();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("phase", name);
    line.put("db", db);
    line.put("n", n);
    line.put("seconds", Math.round(seconds * 1000) / 1000.0);
    line.put("entitiesPerSecond", Math.round(entities.size() / seconds));
    line.put("peakHeapMiB", peak / (1024 * 1024));
    line.put("inserted", result.inserted());
    line.put("updated", result.updated());
    line.put("deleted", result.deleted());
    line.put("unchanged", result.unchanged());
    line.put("rows", stats);
    System.out.println(CanonicalJson.MAPPER.writeValueAsString(line));
  }

  private static List<DeferredEntity> toDeferred(List<ObjectNode> nodes) {
    List<DeferredEntity> out = new ArrayList<>(nodes.size());
    for (ObjectNode node : nodes) {
      Entity e = Entity.of(node);
      out.add(DeferredEntity.of(e, e.annotation(CatalogGenerator.LOCATION_ANNOTATION).orElse(null)));
    }
    return out;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        System.err.println("usage: MutationDriver [--db sqlite|postgres|mariadb|JDBC_URL] [--n N] [--seed S]");
        System.exit(2);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  /** A fresh database for one run, dropped afterwards. */
  private record Target(String url, String schema, String dropSql, String adminUrl, Path dir) {

    static Target open(String db) throws Exception {
      String name = "ce_drv_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
      switch (db) {
        case "sqlite" -> {
          Path dir = Files.createTempDirectory("catalog-driver");
          return new Target("jdbc:sqlite:" + dir.resolve("catalog.db"), "", "", "", dir);
        }
        case "postgres" -> {
          String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
          return new Target(url, name, "DROP SCHEMA IF EXISTS " + name + " CASCADE", url, null);
        }
        case "mariadb" -> {
          String admin = "jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable";
          try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
          }
          return new Target("jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&sslMode=disable", "",
              "DROP DATABASE IF EXISTS " + name, admin, null);
        }
        default -> {
          return new Target(db, "", "", "", null);
        }
      }
    }

    JdbcCatalogStore.Builder builder() {
      JdbcCatalogStore.Builder b = JdbcCatalogStore.builder().jdbcUrl(url);
      return schema.isEmpty() ? b : b.schema(schema);
    }

    void drop() throws Exception {
      if (!dropSql.isEmpty()) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
          s.execute(dropSql);
        }
      }
    }
  }
}
