package org.catalogengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog ingest --db jdbc:postgresql://…}: the command line ships the PostgreSQL driver and ingests the
 * examples into a fresh database. Skips when no server is reachable on 127.0.0.1:5432, except under CI=true.
 */
class IngestPostgresTest {

  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";

  @TempDir
  Path dir;

  @Test
  void ingest_intoPostgres_printsTheSameSummaryAsSqlite() throws SQLException {
    String db = "ce_cli_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    try (Connection admin = connect(); Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + db);
      try {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path all = Path.of(System.getProperty("catalog.examples", "../examples"))
            .toAbsolutePath().normalize().resolve("catalog/all.yaml");
        int code = CatalogCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), dir)
            .execute("ingest", "--db", "jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres", all.toString());

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).startsWith("Ingested 23 entities in ")
            .contains("relations: 78").contains("processing errors: 0");
      } finally {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  private static Connection connect() {
    try {
      return DriverManager.getConnection(ADMIN);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("PostgreSQL not reachable at 127.0.0.1:5432 under CI=true: " + e.getMessage(), e);
      }
      Assumptions.abort("PostgreSQL not reachable at 127.0.0.1:5432: " + e.getMessage()
          + " — set CI=true to make this a failure");
      throw new AssertionError("unreachable");
    }
  }
}
