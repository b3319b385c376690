package org.catalogengine.jdbc.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.spi.storage.ConflictEvent;

/**
 * One migrated store per backend for the whole test run (migrating per test would dominate the suite's time),
 * wiped before each test. Tests run sequentially in one JVM, so sharing is safe.
 */
public final class Fixture {
  public static final String PREFIX = "ce_";
  /** Every table of the schema, children first (the order of wiping), plus Flyway's history. */
  public static final List<String> TABLES = List.of("conflicts", "locations", "refresh_keys", "stitch_queue",
      "search", "final_entities", "relations", "refresh_state_references", "processing_queue", "refresh_state",
      "generation_counter");

  private static final Map<Backend, Fixture> SHARED = new EnumMap<>(Backend.class);

  public final TestDb db;
  public final JdbcCatalogStore store;
  public final ManualClock clock = new ManualClock();
  public final List<ConflictEvent> events = new CopyOnWriteArrayList<>();

  private Fixture(Backend backend) {
    this.db = TestDb.create(backend);
    try {
      this.store = db.storeBuilder().tablePrefix(PREFIX).clock(clock).conflictListener(events::add).build();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The shared fixture of a backend, wiped and with the clock at {@link ManualClock#T0}. */
  public static synchronized Fixture fresh(Backend backend) {
    Fixture f = SHARED.get(backend);
    if (f == null) {
      f = new Fixture(backend);
      SHARED.put(backend, f);
      Fixture created = f;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        created.store.close();
        created.db.close();
      }));
    }
    f.reset();
    return f;
  }

  private void reset() {
    for (String t : TABLES) {
      if (!t.equals("generation_counter")) {
        db.exec("DELETE FROM " + t(t));
      }
    }
    clock.set(ManualClock.T0);
    events.clear();
  }

  /** The quoted table name of a logical table. */
  public String t(String logical) {
    return db.table(PREFIX + logical);
  }

  /** Every row of every table (and of Flyway's history), each table's rows sorted. */
  public Map<String, List<String>> snapshot() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(TABLES);
    all.add("schema_history");
    for (String table : all) {
      List<String> rows = new ArrayList<>(db.rows("SELECT * FROM " + t(table)));
      rows.sort(null);
      out.put(table, rows);
    }
    return out;
  }
}
