package org.catalogengine.jdbc.internal.operations.provider;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.StoredEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/** A provider's bucket (P4) as the full-mutation planner reads it, on SQLite from schema V5's index alone. */
class LoadBucketTest {
  private static final String PREFIX = "xy_";
  private Connection keeper;
  private Transactor tx;

  @BeforeEach
  void open() throws SQLException {
    String url = "jdbc:sqlite:file:bucket" + System.nanoTime() + "?mode=memory&cache=shared";
    keeper = DriverManager.getConnection(url);
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl(url);
    new Migrator(ds, Dialect.SQLITE, PREFIX, null).migrate();
    tx = new Transactor(ds, Dialect.SQLITE, new Tables(PREFIX, null), RetryPolicy.defaults(),
        InstantSource.fixed(Instant.EPOCH));
    entity("component:default/a", "hash-a", "url:a", "p");
    entity("component:default/b", "hash-b", null, "p");
    entity("component:default/c", "hash-c", "url:c", "other");
  }

  @AfterEach
  void close() throws SQLException {
    keeper.close();
  }

  private void entity(String ref, String hash, String locationKey, String provider) throws SQLException {
    try (PreparedStatement e = keeper.prepareStatement("INSERT INTO " + PREFIX + "refresh_state (entity_id,"
        + " entity_ref, unprocessed_entity, unprocessed_hash, location_key, last_discovery_at)"
        + " VALUES (?, ?, '{}', ?, ?, 0)");
        PreparedStatement edge = keeper.prepareStatement("INSERT INTO " + PREFIX + "refresh_state_references"
            + " (source_key, target_entity_ref) VALUES (?, ?)")) {
      e.setString(1, "id-" + ref);
      e.setString(2, ref);
      e.setString(3, hash);
      e.setString(4, locationKey);
      e.executeUpdate();
      edge.setString(1, provider);
      edge.setString(2, ref);
      edge.executeUpdate();
    }
  }

  @Test
  void run_readsRefHashAndLocationKeyOfTheProvidersEntitiesOnly() {
    List<StoredEntry> bucket = new ArrayList<>(tx.read("bucket", t -> LoadBucket.run(t, "p")));

    assertThat(bucket).containsExactlyInAnyOrder(
        new StoredEntry(EntityRef.parse("component:default/a"), "hash-a", "url:a"),
        new StoredEntry(EntityRef.parse("component:default/b"), "hash-b", null));
  }

  @Test
  void sqlite_readsTheEntityRowsFromTheBucketIndexAlone() throws SQLException {
    String sql = tx.read("render", LoadBucket::sql);
    List<String> plan = new ArrayList<>();
    try (Statement s = keeper.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql.replace("?", "'p'"))) {
      while (rs.next()) {
        plan.add(rs.getString("detail"));
      }
    }

    assertThat(plan).as("no visit of the entity rows, whose bodies fill the table's pages")
        .anyMatch(d -> d.contains("COVERING INDEX " + PREFIX + Dialect.BUCKET_INDEX))
        .noneMatch(d -> d.contains("SCAN"));
  }
}
