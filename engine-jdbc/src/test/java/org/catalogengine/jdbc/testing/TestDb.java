package org.catalogengine.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, uniquely named database for one backend (other builds run tests concurrently): a shared in-memory
 * SQLite database, a PostgreSQL schema in database {@code test}, or a MariaDB database. Dropped on close.
 * PostgreSQL and MariaDB skip when unreachable, except under {@code CI=true}, where that fails.
 */
public final class TestDb implements AutoCloseable {
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=3";
  static final String MARIADB_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root&sslMode=disable&connectTimeout=3000";

  public final Backend backend;
  public final String name;
  private final String url;
  private final Connection raw;

  private TestDb(Backend backend, String name, String url, Connection raw) {
    this.backend = backend;
    this.name = name;
    this.url = url;
    this.raw = raw;
  }

  public static TestDb create(Backend backend) {
    String name = "ce_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(0, 12);
    try {
      return switch (backend) {
        case SQLITE -> {
          String url = "jdbc:sqlite:file:" + name + "?mode=memory&cache=shared";
          yield new TestDb(backend, name, url, DriverManager.getConnection(url));
        }
        case POSTGRES -> new TestDb(backend, name, PG_URL, connect("PostgreSQL", "127.0.0.1:5432", PG_URL));
        case MARIADB -> {
          try (Connection admin = connect("MariaDB", "127.0.0.1:3306", MARIADB_ADMIN_URL);
              Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
          }
          String url = "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&sslMode=disable";
          yield new TestDb(backend, name, url, DriverManager.getConnection(url));
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + backend + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(String product, String address, String url) {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException e) {
      String message = product + " not reachable at " + address + ": " + e.getMessage()
          + " — set CI=true to make this a failure";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(product + " not reachable at " + address + " under CI=true: " + e.getMessage(), e);
      }
      Assumptions.abort(message);
      throw new AssertionError("unreachable");
    }
  }

  /** The JDBC URL of this database (PostgreSQL: of database {@code test}; the schema is {@link #name}). */
  public String url() {
    return url;
  }

  /** A store builder on this database (the PostgreSQL schema is this database's name). */
  public JdbcCatalogStore.Builder storeBuilder() {
    JdbcCatalogStore.Builder b = JdbcCatalogStore.builder().jdbcUrl(url);
    return backend == Backend.POSTGRES ? b.schema(name) : b;
  }

  /** The quoted, qualified name of a table. */
  public String table(String tableName) {
    return switch (backend) {
      case POSTGRES -> "\"" + name + "\".\"" + tableName + "\"";
      case MARIADB -> "`" + tableName + "`";
      default -> "\"" + tableName + "\"";
    };
  }

  /** Executes a statement with parameters. */
  public int exec(String sql, Object... params) {
    try (PreparedStatement ps = raw.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Every row of a query, each row rendered as one string, in query order. */
  public List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          b.append(i > 1 ? " | " : "").append(md.getColumnLabel(i)).append('=').append(rs.getString(i));
        }
        out.add(b.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** A single long value. */
  public long single(String sql) {
    try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      switch (backend) {
        case POSTGRES -> exec("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
        case MARIADB -> exec("DROP DATABASE IF EXISTS " + name);
        default -> { }
      }
      raw.close();
    } catch (SQLException | RuntimeException e) {
      System.err.println("Dropping test database " + name + " failed: " + e);
    }
  }
}
