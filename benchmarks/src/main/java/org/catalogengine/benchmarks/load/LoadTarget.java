package org.catalogengine.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.catalogengine.jdbc.JdbcCatalogStore;

/**
 * A fresh database for one load run, dropped afterwards: {@code sqlite} (a new file in a temporary directory),
 * {@code postgres} (a new schema in database {@code test} on 127.0.0.1:5432), {@code mariadb} (a new database on
 * 127.0.0.1:3306) or any JDBC URL (used as it is and not dropped).
 */
record LoadTarget(String url, String schema, String dropSql, String adminUrl, Path dir) {

  static LoadTarget open(String db) throws Exception {
    String name = "ce_load_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
    switch (db) {
      case "sqlite" -> {
        Path dir = Files.createTempDirectory("catalog-load");
        return new LoadTarget("jdbc:sqlite:" + dir.resolve("catalog.db"), "", "", "", dir);
      }
      case "postgres" -> {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        return new LoadTarget(url, name, "DROP SCHEMA IF EXISTS " + name + " CASCADE", url, null);
      }
      case "mariadb" -> {
        String admin = "jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable";
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return new LoadTarget("jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&sslMode=disable", "",
            "DROP DATABASE IF EXISTS " + name, admin, null);
      }
      default -> {
        check(db);
        return new LoadTarget(db, "", "", "", null);
      }
    }
  }

  /** Fails unless {@code db} is one of the names {@link #open} knows or a JDBC URL. */
  static void check(String db) {
    if (!List.of("sqlite", "postgres", "mariadb").contains(db) && !db.startsWith("jdbc:")) {
      throw new IllegalArgumentException("--db must be sqlite, postgres, mariadb or a JDBC URL, not '" + db + "'");
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
    if (dir != null) {
      deleteTree(dir);
    }
  }

  /** Deletes a directory and everything below it. */
  static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
