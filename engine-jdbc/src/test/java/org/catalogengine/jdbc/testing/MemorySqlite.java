package org.catalogengine.jdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.schema.Migrator;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.jdbc.internal.tx.RetryPolicy;
import org.catalogengine.jdbc.internal.tx.Transactor;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteDataSource;

/**
 * A migrated in-memory SQLite database with a table prefix and a transactor on it, for tests of single
 * operations: rows go in with plain SQL, and {@link #plan} shows how SQLite runs a statement.
 */
public final class MemorySqlite implements AutoCloseable {
  private final String prefix;
  private final Connection keeper;
  private final Transactor tx;

  public MemorySqlite(String prefix) throws SQLException {
    this.prefix = prefix;
    String url = "jdbc:sqlite:file:memory" + System.nanoTime() + "?mode=memory&cache=shared";
    keeper = DriverManager.getConnection(url);
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl(url);
    new Migrator(ds, Dialect.SQLITE, prefix, null).migrate();
    tx = new Transactor(ds, Dialect.SQLITE, new Tables(prefix, null), RetryPolicy.defaults(),
        InstantSource.fixed(Instant.EPOCH));
  }

  public Transactor tx() {
    return tx;
  }

  /** An entity row with the given unprocessed hash, location key and processing result (null: none). */
  public void entity(String ref, String hash, @Nullable String locationKey, @Nullable String processed,
      @Nullable String errors) throws SQLException {
    try (PreparedStatement e = keeper.prepareStatement("INSERT INTO " + prefix + "refresh_state (entity_id,"
        + " entity_ref, unprocessed_entity, unprocessed_hash, location_key, processed_entity, errors,"
        + " last_discovery_at) VALUES (?, ?, '{}', ?, ?, ?, ?, 0)")) {
      e.setString(1, "id-" + ref);
      e.setString(2, ref);
      e.setString(3, hash);
      e.setString(4, locationKey);
      e.setString(5, processed);
      e.setString(6, errors);
      e.executeUpdate();
    }
  }

  /** A provider's edge to {@code ref}. */
  public void edge(String provider, String ref) throws SQLException {
    try (PreparedStatement edge = keeper.prepareStatement("INSERT INTO " + prefix + "refresh_state_references"
        + " (source_key, target_entity_ref) VALUES (?, ?)")) {
      edge.setString(1, provider);
      edge.setString(2, ref);
      edge.executeUpdate();
    }
  }

  /** Runs {@code sql} (a statement of this database, no parameters left). */
  public int exec(String sql) throws SQLException {
    try (Statement s = keeper.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  /** The detail lines of SQLite's {@code EXPLAIN QUERY PLAN} for {@code sql}, each {@code ?} bound to {@code arg}. */
  public List<String> plan(String sql, String arg) throws SQLException {
    List<String> plan = new ArrayList<>();
    try (Statement s = keeper.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql.replace("?", "'" + arg + "'"))) {
      while (rs.next()) {
        plan.add(rs.getString("detail"));
      }
    }
    return plan;
  }

  @Override
  public void close() throws SQLException {
    keeper.close();
  }
}
