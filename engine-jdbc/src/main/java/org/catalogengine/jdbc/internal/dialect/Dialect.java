package org.catalogengine.jdbc.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.catalogengine.error.StorageException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jspecify.annotations.Nullable;

/** The supported databases and every behaviour that differs between them (a switch per difference). */
public enum Dialect {
  SQLITE,
  POSTGRES,
  MARIADB;

  /** Detects the dialect from a JDBC URL. */
  public static Dialect fromUrl(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    } else if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      return MARIADB;
    }
    throw new StorageException("Unsupported JDBC URL '" + jdbcUrl
        + "': the catalog store supports jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb: and jdbc:mysql:");
  }

  /** Detects the dialect from a connection's metadata. */
  public static Dialect fromConnection(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("sqlite")) {
      return SQLITE;
    } else if (p.contains("postgres")) {
      return POSTGRES;
    } else if (p.contains("mariadb") || p.contains("mysql")) {
      return MARIADB;
    }
    throw new StorageException("Unsupported database '" + product
        + "': the catalog store supports SQLite, PostgreSQL and MariaDB/MySQL");
  }

  /** jOOQ's dialect. */
  public SQLDialect sqlDialect() {
    return switch (this) {
      case SQLITE -> SQLDialect.SQLITE;
      case POSTGRES -> SQLDialect.POSTGRES;
      case MARIADB -> SQLDialect.MARIADB;
    };
  }

  /** Flyway placeholders for the common migration scripts. */
  public Map<String, String> placeholders(String prefix) {
    return switch (this) {
      case MARIADB -> Map.of(
          "prefix", prefix,
          // TEXT is 64 KiB on MariaDB; entity bodies (API definitions) can be larger
          "json_type", "LONGTEXT",
          "text_type", "MEDIUMTEXT",
          // binary collation: comparisons are case-sensitive as on SQLite and PostgreSQL
          "table_options", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
      default -> Map.of("prefix", prefix, "json_type", "TEXT", "text_type", "TEXT", "table_options", "");
    };
  }

  /** The most bind parameters one statement may carry (we stay well below). */
  public int maxBindParameters() {
    return switch (this) {
      case SQLITE -> 32_766;
      case POSTGRES -> 32_767;
      default -> 65_535;
    };
  }

  /** Bytes of bound text per statement before a multi-row statement is split (MariaDB's packet limit). */
  public long maxStatementBytes() {
    return switch (this) {
      case MARIADB -> 4L << 20;
      default -> 16L << 20;
    };
  }

  /** SQLite allows one writer: the store serialises its write transactions. */
  public boolean singleWriter() {
    return switch (this) {
      case SQLITE -> true;
      default -> false;
    };
  }

  /** Driver properties for a pool the store creates itself. */
  public Properties poolDataSourceProperties() {
    Properties p = new Properties();
    switch (this) {
      case SQLITE -> {
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("busy_timeout", "10000");
        p.setProperty("foreign_keys", "true");
      }
      case POSTGRES -> p.setProperty("reWriteBatchedInserts", "true");
      default -> { }
    }
    return p;
  }

  /** Prepares a connection before a transaction starts (settings that are no-ops inside a transaction). */
  public void prepareConnection(Connection connection) throws SQLException {
    switch (this) {
      case SQLITE -> {
        // a handed-in DataSource may not enable foreign keys; cascades (S10) depend on them
        try (Statement s = connection.createStatement()) {
          s.execute("PRAGMA foreign_keys = ON");
        }
      }
      default -> { }
    }
  }

  /** True for a failure that a retry of the whole transaction may cure (deadlock, serialization, busy). */
  public boolean isRetryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && isRetryable(sql)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    if ("40001".equals(state) || "40P01".equals(state)) {
      return true;
    }
    return switch (this) {
      // SQLITE_BUSY (5) and SQLITE_LOCKED (6), also as extended codes (low byte)
      case SQLITE -> (e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6;
      // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
      case MARIADB -> e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
      default -> false;
    };
  }

  /** An insert that updates {@code updates} when a row with the same {@code keys} exists. */
  public Query upsert(
      DSLContext dsl, InsertOnDuplicateStep<Record> insert, Collection<? extends Field<?>> keys,
      Map<? extends Field<?>, ?> updates) {
    return switch (this) {
      case MARIADB -> insert.onDuplicateKeyUpdate().set(updates);
      default -> insert.onConflict(keys).doUpdate().set(updates);
    };
  }

  /** An insert that does nothing when a row with the same {@code keys} exists. */
  public Query insertIgnore(InsertOnDuplicateStep<Record> insert, Collection<? extends Field<?>> keys) {
    return switch (this) {
      case MARIADB -> insert.onDuplicateKeyIgnore();
      default -> insert.onConflict(keys).doNothing();
    };
  }

  /** The schema option is only meaningful on PostgreSQL. */
  public @Nullable String effectiveSchema(@Nullable String schema) {
    return switch (this) {
      case POSTGRES -> schema;
      default -> {
        if (schema != null) {
          throw new StorageException("A schema ('" + schema + "') is only supported on PostgreSQL; on "
              + this + " use a table prefix or a separate database");
        }
        yield null;
      }
    };
  }

  /**
   * Locks the selected rows for the claim transaction, skipping rows other transactions hold (L2, design 10).
   * SQLite has no row locks and one writer, so the select runs as is.
   */
  public <R extends Record> org.jooq.ResultQuery<R> claimLock(org.jooq.SelectForUpdateStep<R> select) {
    return switch (this) {
      case SQLITE -> select;
      default -> select.forUpdate().skipLocked();
    };
  }

  /** Locks the selected rows until the transaction ends (no-op on single-writer SQLite). */
  public <R extends Record> org.jooq.ResultQuery<R> lockRows(org.jooq.SelectForUpdateStep<R> select) {
    return switch (this) {
      case SQLITE -> select;
      default -> select.forUpdate();
    };
  }
}
