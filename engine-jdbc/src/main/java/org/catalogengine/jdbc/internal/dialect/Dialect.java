package org.catalogengine.jdbc.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.catalogengine.error.StorageException;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.jdbc.internal.tx.Tx;
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
    Map<String, String> p = new java.util.HashMap<>(switch (this) {
      case MARIADB -> Map.of(
          "prefix", prefix,
          // TEXT is 64 KiB on MariaDB; entity bodies (API definitions) can be larger
          "json_type", "LONGTEXT",
          "text_type", "MEDIUMTEXT",
          // binary collation: comparisons are case-sensitive as on SQLite and PostgreSQL
          "table_options", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
      default -> Map.of("prefix", prefix, "json_type", "TEXT", "text_type", "TEXT", "table_options", "");
    });
    // V2: the search and relation rows lose their foreign keys where the database checks each inserted row with a
    // query of its own (PostgreSQL, MariaDB); the store deletes them with their entity. SQLite cannot drop a
    // constraint (it would rebuild both tables) and checks a key with one index probe, so it keeps them; its
    // statement re-creates an index that exists, a no-op.
    p.put("v2_drop_row_foreign_keys", switch (this) {
      case POSTGRES -> "ALTER TABLE " + prefix + "search DROP CONSTRAINT " + prefix + "search_entity_fk;\n"
          + "ALTER TABLE " + prefix + "relations DROP CONSTRAINT " + prefix + "relations_originating_fk;";
      case MARIADB -> "ALTER TABLE " + prefix + "search DROP FOREIGN KEY " + prefix + "search_entity_fk;\n"
          + "ALTER TABLE " + prefix + "relations DROP FOREIGN KEY " + prefix + "relations_originating_fk;";
      case SQLITE -> "CREATE INDEX IF NOT EXISTS " + prefix + "relations_originating_ix ON " + prefix
          + "relations (originating_entity_id);";
    });
    // V5: a covering index for reading a provider's bucket, on SQLite only (see the script)
    p.put("v5_bucket_index", switch (this) {
      case SQLITE -> "CREATE INDEX " + prefix + BUCKET_INDEX + " ON " + prefix
          + "refresh_state (entity_ref, unprocessed_hash, location_key);";
      case POSTGRES, MARIADB -> "SELECT 1;";
    });
    // V6: the refs of processed entities, for the single writer's peer check, on SQLite only (see the script)
    p.put("v6_processed_index", switch (this) {
      case SQLITE -> "CREATE INDEX " + prefix + PROCESSED_INDEX + " ON " + prefix
          + "refresh_state (entity_ref) WHERE processed_entity IS NOT NULL OR errors IS NOT NULL;";
      case POSTGRES, MARIADB -> "SELECT 1;";
    });
    // V7: byte-order collation for PostgreSQL's key columns (see the script)
    p.put("v7_binary_collation", switch (this) {
      case POSTGRES -> binaryCollation(prefix);
      case SQLITE, MARIADB -> "SELECT 1;";
    });
    return Map.copyOf(p);
  }

  /**
   * V7 on PostgreSQL: every {@code VARCHAR} column of the store's tables gets collation "C", keeping its length.
   * The columns are read from the catalog when the migration runs (grouped by table, so that each table's indexes
   * are rebuilt once), not listed here a second time beside the scripts that created them.
   */
  private static String binaryCollation(String prefix) {
    String tables = new Tables(prefix, null).all().keySet().stream()
        .map(t -> "'" + prefix + t + "'").collect(Collectors.joining(", "));
    return "DO $$\nDECLARE t record;\nBEGIN\n"
        + "  FOR t IN SELECT table_name, string_agg(format('ALTER COLUMN %I TYPE VARCHAR(%s) COLLATE \"C\"',"
        + " column_name, character_maximum_length), ', ' ORDER BY ordinal_position) AS alters"
        + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name IN (" + tables + ")"
        + " AND data_type = 'character varying' GROUP BY table_name ORDER BY table_name LOOP\n"
        + "    EXECUTE format('ALTER TABLE %I %s', t.table_name, t.alters);\n"
        + "  END LOOP;\nEND $$;";
  }

  /**
   * The unprefixed name of the SQLite index that covers a bucket read (schema V5): ref, unprocessed hash and
   * location key of each entity.
   */
  public static final String BUCKET_INDEX = "refresh_state_bucket_ix";

  /**
   * The unprefixed name of the SQLite partial index of the refs of entities with a processing result (schema
   * V6).
   */
  public static final String PROCESSED_INDEX = "refresh_state_processed_ix";

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
        // no journal_mode here: the store sets WAL itself, after choosing the page size of a new database file
        // (JdbcCatalogStore.enableWal), which WAL mode would fix at 4 KiB as soon as a connection opens
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("busy_timeout", "10000");
        p.setProperty("foreign_keys", "true");
        // 64 MiB page cache (the default is 2 MiB): index inserts of a 100k-entity mutation stay in memory
        p.setProperty("cache_size", "-65536");
        p.setProperty("temp_store", "MEMORY");
        // checkpoint every 10,000 WAL pages (160 MiB with the 16 KiB pages of a database the store created, 40 MiB
        // with SQLite's default 4 KiB) instead of 1,000: a checkpoint writes each page once however often it changed
        // since the last one, and batches rewrite the same index pages many times over
        p.setProperty("wal_autocheckpoint", "10000");
      }
      case POSTGRES -> {
        p.setProperty("reWriteBatchedInserts", "true");
        // The driver prepares a statement on the server after five runs, and PostgreSQL then settles on a generic
        // plan. Our IN-list lookups run first against tables that are still small (a seq scan is right) and go on
        // running while the tables grow to 100,000s of rows, so the cached generic plan stayed a seq scan and a
        // 30,000-entity load slowed to a crawl. Custom plans cost a plan per execution, a fraction of a
        // millisecond next to a batch's work.
        p.setProperty("options", "-c plan_cache_mode=force_custom_plan");
      }
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
      case MARIADB -> {
        // InnoDB's default REPEATABLE READ takes gap locks on every index range a batch touches; concurrent
        // bucket writes then deadlock on neighbouring refs. READ COMMITTED (PostgreSQL's default) keeps only
        // record locks, and every write here re-reads what it decides on inside its own transaction.
        if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
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
    // A unique violation is retryable too: every store write looks rows up before inserting, so a violation
    // means a concurrent writer inserted the same ref (or location) first; the retry sees it and takes the
    // update or conflict path. A genuine bug still fails after the bounded attempts. Likewise a foreign-key
    // violation where writers run concurrently: rows are only ever written for entities looked up in the same
    // transaction, so a violation means a concurrent deletion committed in between; the retry no longer sees it.
    return switch (this) {
      // SQLITE_BUSY (5) and SQLITE_LOCKED (6), also as extended codes (low byte); SQLite has one writer per
      // store, so its unique violations are never races
      case SQLITE -> (e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6;
      // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT, ER_DUP_ENTRY, ER_NO_REFERENCED_ROW_2
      case MARIADB -> e.getErrorCode() == 1213 || e.getErrorCode() == 1205 || e.getErrorCode() == 1062
          || e.getErrorCode() == 1452;
      // unique_violation, foreign_key_violation
      case POSTGRES -> "23505".equals(state) || "23503".equals(state);
    };
  }

  /**
   * Serialises mutations of one provider bucket across engine nodes (design 10), so two nodes never plan the
   * same bucket concurrently. PostgreSQL: a transaction-scoped advisory lock; MariaDB: a named lock released
   * when the transaction ends; SQLite needs none (one writer per store).
   */
  public void lockBucket(Tx tx, String lockName) {
    long key = advisoryKey(lockName);
    switch (this) {
      case POSTGRES -> tx.dsl().fetch("select pg_advisory_xact_lock(?)", key);
      case MARIADB -> {
        // named locks are session-scoped (at most 64 characters): released when the transaction ends
        String name = "catalog_bucket_" + Long.toHexString(key);
        Object got = tx.dsl().fetchValue("select get_lock(?, 60)", name);
        tx.atEnd(() -> tx.dsl().fetch("select release_lock(?)", name));
        if (got == null || !"1".equals(got.toString())) {
          throw new StorageException("Timed out after 60 s waiting for the lock of bucket '" + lockName + "'");
        }
      }
      default -> { }
    }
  }

  private static long advisoryKey(String name) {
    // FNV-1a 64: stable across JVMs and releases, unlike String.hashCode's 32 bits
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < name.length(); i++) {
      h ^= name.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
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
