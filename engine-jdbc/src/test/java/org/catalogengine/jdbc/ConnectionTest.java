package org.catalogengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.testing.Entities.item;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.TestDb;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection handling: handed-in DataSources and SQLite files (WAL, one writer). */
class ConnectionTest {

  @TempDir
  Path dir;

  @Test
  void dataSource_handedInIsUsedAndLeftOpen() {
    for (Backend backend : Backend.values()) {
      try (TestDb db = TestDb.create(backend)) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(db.url());
        cfg.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(cfg)) {
          JdbcCatalogStore.Builder b = JdbcCatalogStore.builder().dataSource(ds);
          if (backend == Backend.POSTGRES) {
            b.schema(db.name);
          }
          try (JdbcCatalogStore store = b.build()) {
            store.applyMutation("p", EntityMutation.full(List.of(item("a", "url:a"))));
            assertThat(store.statistics().entities()).as(backend.name()).isEqualTo(1);
            assertThat(store.databaseName()).isEqualTo(backend.name());
          }
          assertThat(ds.isClosed()).as(backend + ": a handed-in DataSource stays open").isFalse();
        }
      } catch (org.opentest4j.TestAbortedException unreachable) {
        // PostgreSQL/MariaDB not running outside CI: the other backends still count
      }
    }
  }

  @Test
  void writeStatistics_countTheWriteTransactionsOfAPeriodAndNoReads() {
    Path file = dir.resolve("stats.db");
    try (JdbcCatalogStore store = JdbcCatalogStore.builder().jdbcUrl("jdbc:sqlite:" + file).build()) {
      WriteStatistics opened = store.writeStatistics();
      store.applyMutation("p", EntityMutation.full(List.of(item("a", "url:a"))));
      WriteStatistics afterMutation = store.writeStatistics();
      store.statistics();
      store.conflicts();

      WriteStatistics mutation = afterMutation.minus(opened);
      assertThat(mutation.transactions()).isEqualTo(1);
      assertThat(mutation.busy()).isPositive();
      assertThat(store.writeStatistics()).as("reads are not write transactions").isEqualTo(afterMutation);
    }
  }

  @Test
  void sqliteFile_runsInWalModeWithForeignKeys() throws Exception {
    Path file = dir.resolve("catalog.db");
    try (JdbcCatalogStore store = JdbcCatalogStore.builder().jdbcUrl("jdbc:sqlite:" + file).build()) {
      store.applyMutation("p", EntityMutation.full(List.of(item("a", "url:a"))));
    }
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
    assertThat(pragma(file, "page_size")).as("a new database file gets 16 KiB pages")
        .isEqualTo(JdbcCatalogStore.SQLITE_PAGE_SIZE);
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void sqliteFile_anExistingDatabaseKeepsItsPageSize() throws Exception {
    // a service's own database, created with SQLite's default pages before the engine moves in
    Path file = dir.resolve("service.db");
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE service_data (id INTEGER PRIMARY KEY, name TEXT)");
      s.execute("INSERT INTO service_data (name) VALUES ('kept')");
    }
    int before = pragma(file, "page_size");
    try (JdbcCatalogStore store = JdbcCatalogStore.builder().jdbcUrl("jdbc:sqlite:" + file).build()) {
      store.applyMutation("p", EntityMutation.full(List.of(item("a", "url:a"))));
      assertThat(store.statistics().entities()).isEqualTo(1);
    }
    assertThat(before).isNotEqualTo(JdbcCatalogStore.SQLITE_PAGE_SIZE);
    assertThat(pragma(file, "page_size")).isEqualTo(before);
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM service_data")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("kept");
    }
  }

  private static int pragma(Path file, String name) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void sqliteFile_concurrentWritersAreSerialisedWithoutBusyFailures() throws Exception {
    Path file = dir.resolve("concurrent.db");
    int writers = 4;
    int rounds = 5;
    try (JdbcCatalogStore store = JdbcCatalogStore.builder().jdbcUrl("jdbc:sqlite:" + file).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String provider = "provider-" + w;
          futures.add(pool.submit(() -> {
            for (int r = 1; r <= rounds; r++) {
              List<DeferredEntity> items = new ArrayList<>();
              for (int i = 0; i < 50 * r; i++) {
                items.add(item(provider + "-e" + i, "url:" + provider));
              }
              store.applyMutation(provider, EntityMutation.full(items));
            }
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      assertThat(store.statistics().entities()).isEqualTo((long) writers * 50 * rounds);
      assertThat(store.sourceKeys()).hasSize(writers);
    }
  }

  @Test
  void twoNodes_concurrentMutationsOfOverlappingBucketsAllSucceed() throws Exception {
    for (Backend backend : List.of(Backend.POSTGRES, Backend.MARIADB)) {
      try (TestDb db = TestDb.create(backend);
          JdbcCatalogStore node1 = db.storeBuilder().tablePrefix("n_").build();
          JdbcCatalogStore node2 = db.storeBuilder().tablePrefix("n_").migrateOnStart(false).build()) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
          List<Future<?>> futures = new ArrayList<>();
          for (int w = 0; w < 4; w++) {
            JdbcCatalogStore node = w % 2 == 0 ? node1 : node2;
            String provider = w < 2 ? "same-provider" : "provider-" + w;
            int writer = w;
            futures.add(pool.submit(() -> {
              for (int r = 0; r < 3; r++) {
                List<DeferredEntity> items = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                  // overlapping refs under different keys: inserts race, and conflicts are recorded
                  items.add(item("shared-" + ((i + writer * 40 + r * 17) % 160), "url:" + provider));
                }
                node.applyMutation(provider, EntityMutation.full(items));
              }
            }));
          }
          for (Future<?> f : futures) {
            f.get();
          }
        } finally {
          pool.shutdown();
        }
        var s = node1.statistics();
        assertThat(s.queued()).as(backend.name()).isEqualTo(s.entities());
        assertThat(s.entities()).as(backend.name()).isPositive().isLessThanOrEqualTo(160);
        assertThat(node1.sourceKeys()).as(backend.name()).isSubsetOf("same-provider", "provider-2", "provider-3");
      } catch (org.opentest4j.TestAbortedException unreachable) {
        // not running outside CI
      }
    }
  }
}
