package org.catalogengine.jdbc.internal.operations.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.schema.Migrator;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.jdbc.internal.tx.RetryPolicy;
import org.catalogengine.jdbc.internal.tx.Transactor;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's processing writes as one {@code UPDATE ... FROM (VALUES ...)} per chunk of rows: the processed
 * bodies under the K5 guard and the schedule under L4, row for row as the one-row statements they replace, with
 * the planner's join settings back as they were for the rest of the transaction.
 */
class MultiRowWritesTest {
  private TestDb db;
  private Transactor tx;

  @BeforeEach
  void open() {
    db = TestDb.create(Backend.POSTGRES);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(db.url());
    ds.setCurrentSchema(db.name);
    new Migrator(ds, Dialect.POSTGRES, "", db.name).migrate();
    tx = new Transactor(ds, Dialect.POSTGRES, new Tables("", db.name), RetryPolicy.defaults(),
        InstantSource.fixed(Instant.ofEpochMilli(1_000)));
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  /** Entity {@code id-i} (ref component:default/e-i) with location key {@code key} and a queue row. */
  private void entity(int i, String key) {
    db.exec("INSERT INTO " + db.table("refresh_state") + " (entity_id, entity_ref, unprocessed_entity,"
        + " unprocessed_hash, location_key, last_discovery_at) VALUES (?, ?, '{}', 'h', ?, 0)", "id-" + i,
        "component:default/e-" + i, key);
    db.exec("INSERT INTO " + db.table("processing_queue") + " (entity_id, next_update_at, lease_until,"
        + " lease_owner, failure_count) VALUES (?, 500, 500, 'w', 2)", "id-" + i);
  }

  @Test
  void processed_writesEveryRowItsGuardAllowsAndRefusesTheRestAcrossChunks() {
    // 750 rows: a full chunk of 500 and one of 250
    List<WriteResultsBatch.Processed> rows = new ArrayList<>();
    for (int i = 0; i < 750; i++) {
      entity(i, i % 3 == 0 ? null : "url:" + i);
      // every 100th claims another key than the stored one (K5); a null stored key takes any claim
      String claimed = i % 100 == 1 ? "url:elsewhere" : i % 3 == 0 ? null : "url:" + i;
      rows.add(new WriteResultsBatch.Processed("id-" + i, claimed, "{\"n\":" + i + "}", "r" + i));
    }

    Set<String> refused = tx.write("processed", t -> WriteResultsBatch.processed(t, rows));

    List<String> expectedRefused = new ArrayList<>();
    for (int i = 1; i < 750; i += 100) {
      if (i % 3 != 0) {
        expectedRefused.add("id-" + i);
      }
    }
    assertThat(expectedRefused).hasSize(6); // 201 and 501 have no stored key
    assertThat(refused).containsExactlyInAnyOrderElementsOf(expectedRefused);
    assertThat(db.single("SELECT COUNT(*) FROM " + db.table("refresh_state")
        + " WHERE processed_entity IS NOT NULL")).isEqualTo(750 - expectedRefused.size());
    assertThat(db.rows("SELECT processed_entity, result_hash, errors, location_key FROM "
        + db.table("refresh_state") + " WHERE entity_id IN ('id-3', 'id-4', 'id-101')")).containsExactlyInAnyOrder(
        "processed_entity={\"n\":3} | result_hash=r3 | errors=[] | location_key=null",
        "processed_entity={\"n\":4} | result_hash=r4 | errors=[] | location_key=url:4",
        "processed_entity=null | result_hash=null | errors=null | location_key=url:101");
  }

  @Test
  void schedule_keepsADueTimeSetDuringTheRunAndReleasesEveryLease() {
    List<WriteResultsBatch.Schedule> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      entity(i, null);
      rows.add(new WriteResultsBatch.Schedule("id-" + i, 9_000 + i, i % 2));
    }
    // made due meanwhile (L4): its next_update_at no longer equals its lease's end
    db.exec("UPDATE " + db.table("processing_queue") + " SET next_update_at = 7 WHERE entity_id = 'id-599'");

    String joins = tx.write("schedule", t -> {
      WriteResultsBatch.schedule(t, rows);
      return show(t, "enable_hashjoin") + "," + show(t, "enable_mergejoin");
    });

    assertThat(joins).isEqualTo("on,on");
    assertThat(db.rows("SELECT entity_id, next_update_at, lease_until, lease_owner, failure_count FROM "
        + db.table("processing_queue") + " WHERE entity_id IN ('id-0', 'id-501', 'id-599')"
        + " ORDER BY entity_id")).containsExactly(
        "entity_id=id-0 | next_update_at=9000 | lease_until=null | lease_owner=null | failure_count=0",
        "entity_id=id-501 | next_update_at=9501 | lease_until=null | lease_owner=null | failure_count=1",
        "entity_id=id-599 | next_update_at=7 | lease_until=null | lease_owner=null | failure_count=1");
    assertThat(db.single("SELECT COUNT(*) FROM " + db.table("processing_queue")
        + " WHERE lease_until IS NULL")).isEqualTo(600);
  }

  private static String show(Tx t, String setting) {
    try (Statement s = t.connection().createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
