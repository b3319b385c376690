package org.catalogengine.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the database itself pays for search rows under different index layouts, without the engine: inserts
 * {@code --rows} search-like rows (19 keys per entity, the keys of the generated catalog, values drawn from 100,000
 * per key, so their order is random) in transactions of {@code --batch} rows into a fresh table, and prints one JSON
 * line with the seconds the database took (inserts, commits and, for {@code lookup-after}, building the index; not
 * making the rows) and the seconds spent in commits. This is how the README's section on where the time
 * goes measured the cost of the {@code (key, value)} index.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.catalogengine.benchmarks.load.IndexCostProbe \
 *     --db sqlite|postgres --layout store|no-lookup|lookup-after|hash-lookup|clustered [--rows 1900000]
 *     [--batch 152000]
 *     [--page-size 16384]
 * </pre>
 *
 * <ul>
 *   <li>{@code store}: the store's indexes, {@code (entity, key, value)} and {@code (key, value)};</li>
 *   <li>{@code no-lookup}: only {@code (entity, key, value)};</li>
 *   <li>{@code lookup-after}: {@code (key, value)} created after all rows are in (its creation is timed);</li>
 *   <li>{@code hash-lookup}: a 64-bit hash of key and value and a key-only index instead of {@code (key,
 *       value)};</li>
 *   <li>{@code clustered}: the rows themselves kept in {@code (entity, key, value)} order as the primary key (on
 *       SQLite a {@code WITHOUT ROWID} table: one B-tree fewer, but every {@code (key, value)} entry then carries
 *       the 36-character entity id instead of an 8-byte row id), and the {@code (key, value)} index.</li>
 * </ul>
 *
 * <p>{@code --page-size} applies to the new SQLite file (default 16,384, the store's); the line reports the page
 * size the file really has.
 */
public final class IndexCostProbe {
  static final String[] KEYS = {"apiversion", "kind", "metadata.annotations.backstage.io/managed-by-location",
      "metadata.annotations.backstage.io/managed-by-origin-location", "metadata.annotations.backstage.io/source-location",
      "metadata.annotations.backstage.io/view-url", "metadata.description", "metadata.name", "metadata.namespace",
      "metadata.tags", "spec.owner", "spec.type", "spec.dependson", "spec.system", "spec.consumesapis",
      "spec.lifecycle", "spec.providesapis", "spec.memberof", "spec.members"};
  private static final List<String> LAYOUTS = List.of("store", "no-lookup", "lookup-after", "hash-lookup",
      "clustered");

  private IndexCostProbe() {}

  public static void main(String[] args) throws Exception {
    try {
      Map<String, String> opts = LoadDriver.options(args, List.of("db", "layout", "rows", "batch", "page-size"));
      System.out.println(run(opts.getOrDefault("db", "sqlite"), opts.getOrDefault("layout", "store"),
          LoadDriver.positive(opts, "rows", 1_900_000), LoadDriver.positive(opts, "batch", 152_000),
          LoadDriver.positive(opts, "page-size", 16_384)));
    } catch (IllegalArgumentException e) {
      System.err.println("index cost probe: " + e.getMessage());
      System.err.println("usage: IndexCostProbe [--db sqlite|postgres] [--layout " + String.join("|", LAYOUTS)
          + "] [--rows N] [--batch N] [--page-size N]");
      System.exit(2);
    }
  }

  /** Runs one probe on a fresh database (dropped afterwards) and returns its JSON line. */
  static String run(String db, String layout, int rows, int batch, int pageSize) throws Exception {
    if (!LAYOUTS.contains(layout)) {
      throw new IllegalArgumentException("--layout must be one of " + LAYOUTS + ", not '" + layout + "'");
    }
    if (!db.equals("sqlite") && !db.equals("postgres")) {
      throw new IllegalArgumentException("--db must be sqlite or postgres, not '" + db + "'");
    }
    LoadTarget target = LoadTarget.open(db);
    try (Connection c = DriverManager.getConnection(target.url()); Statement s = c.createStatement()) {
      String table = "search";
      String pages = "null";
      if (db.equals("sqlite")) {
        s.execute("PRAGMA page_size = " + pageSize);
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA cache_size = -65536");
        try (var rs = s.executeQuery("PRAGMA page_size")) {
          rs.next();
          pages = Integer.toString(rs.getInt(1));
        }
      } else {
        s.execute("CREATE SCHEMA " + target.schema());
        table = target.schema() + ".search";
      }
      boolean clustered = layout.equals("clustered");
      // clustered: the rows are the (entity, key, value) B-tree themselves, so the value may not be null
      s.execute("CREATE TABLE " + table + " (entity_id VARCHAR(36) NOT NULL, search_key VARCHAR(200) NOT NULL,"
          + " search_value VARCHAR(200)" + (clustered ? " NOT NULL" : "") + ", original_value VARCHAR(200),"
          + " lookup_hash BIGINT" + (clustered ? ", PRIMARY KEY (entity_id, search_key, search_value))" : ")")
          + (clustered && db.equals("sqlite") ? " WITHOUT ROWID" : ""));
      if (!clustered) {
        s.execute("CREATE UNIQUE INDEX probe_entity_uq ON " + table + " (entity_id, search_key, search_value)");
      }
      if (layout.equals("store") || clustered) {
        s.execute("CREATE INDEX probe_key_value_ix ON " + table + " (search_key, search_value)");
      } else if (layout.equals("hash-lookup")) {
        s.execute("CREATE INDEX probe_hash_ix ON " + table + " (lookup_hash)");
        s.execute("CREATE INDEX probe_key_ix ON " + table + " (search_key)");
      }
      c.setAutoCommit(false);
      Random random = new Random(42);
      long commitNanos = 0;
      long insertNanos = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
          + " (entity_id, search_key, search_value, original_value, lookup_hash) VALUES (?, ?, ?, NULL, ?)")) {
        for (int from = 0; from < rows; from += batch) {
          // the rows are made outside the timed part: only the database's work is measured
          List<String[]> chunk = rows(random, from, Math.min(rows, from + batch));
          long started = System.nanoTime();
          int pending = 0;
          for (String[] row : chunk) {
            ps.setString(1, row[0]);
            ps.setString(2, row[1]);
            ps.setString(3, row[2]);
            ps.setLong(4, lookupHash(row[1], row[2]));
            ps.addBatch();
            if (++pending == 1000) {
              ps.executeBatch();
              pending = 0;
            }
          }
          if (pending > 0) {
            ps.executeBatch();
          }
          long committing = System.nanoTime();
          c.commit();
          long committed = System.nanoTime();
          commitNanos += committed - committing;
          insertNanos += committed - started;
        }
      }
      if (layout.equals("lookup-after")) {
        long started = System.nanoTime();
        s.execute("CREATE INDEX probe_key_value_ix ON " + table + " (search_key, search_value)");
        c.commit();
        insertNanos += System.nanoTime() - started;
      }
      double seconds = insertNanos / 1e9;
      // what is really there, so that a run shows it measured the layout it names
      long stored;
      try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        stored = rs.getLong(1);
      }
      List<String> indexes = new ArrayList<>();
      try (var rs = s.executeQuery(db.equals("sqlite")
          ? "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'search' ORDER BY name"
          : "SELECT indexname FROM pg_indexes WHERE schemaname = '" + target.schema() + "' ORDER BY indexname")) {
        while (rs.next()) {
          indexes.add("\"" + rs.getString(1) + "\"");
        }
      }
      return String.format(Locale.ROOT,
          "{\"db\":\"%s\",\"layout\":\"%s\",\"rows\":%d,\"batch\":%d,\"pageSize\":%s,\"seconds\":%.3f,"
              + "\"commitSeconds\":%.3f,\"storedRows\":%d,\"indexes\":[%s]}", db, layout, rows, batch,
          pages, seconds, commitNanos / 1e9, stored, String.join(",", indexes));
    } catch (SQLException e) {
      throw new IllegalStateException("The probe on " + db + " failed: " + e.getMessage(), e);
    } finally {
      target.drop();
    }
  }

  /** Rows {@code from} (inclusive) to {@code to}: entity ids in insertion order, keys in turn, random values. */
  static List<String[]> rows(Random random, int from, int to) {
    List<String[]> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      String key = KEYS[i % KEYS.length];
      String value = key.startsWith("metadata.annotations")
          ? "url:https://github.com/example/repo-" + random.nextInt(100_000) + "/blob/main/catalog-info.yaml"
          : "value-" + random.nextInt(100_000);
      out.add(new String[] {String.format(Locale.ROOT, "%08x-0000-7000-8000-000000000000", i / KEYS.length), key,
          value});
    }
    return out;
  }

  /** A 64-bit hash of key and value (FNV-1a over both, separated), for the hash-lookup layout. */
  static long lookupHash(String key, String value) {
    long h = 0xcbf29ce484222325L;
    String s = key + '\u0000' + value;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
