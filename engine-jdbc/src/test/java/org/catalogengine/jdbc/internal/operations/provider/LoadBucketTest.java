package org.catalogengine.jdbc.internal.operations.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.testing.MemorySqlite;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.StoredEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider's bucket (P4) as the full-mutation planner reads it, on SQLite from schema V5's index alone. */
class LoadBucketTest {
  private static final String PREFIX = "xy_";
  private MemorySqlite db;

  @BeforeEach
  void open() throws SQLException {
    db = new MemorySqlite(PREFIX);
    db.entity("component:default/a", "hash-a", "url:a", null, null);
    db.edge("p", "component:default/a");
    db.entity("component:default/b", "hash-b", null, "{}", null);
    db.edge("p", "component:default/b");
    db.entity("component:default/c", "hash-c", "url:c", null, null);
    db.edge("other", "component:default/c");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void run_readsRefHashAndLocationKeyOfTheProvidersEntitiesOnly() {
    List<StoredEntry> bucket = db.tx().read("bucket", t -> LoadBucket.run(t, "p"));

    assertThat(bucket).containsExactlyInAnyOrder(
        new StoredEntry(EntityRef.parse("component:default/a"), "hash-a", "url:a"),
        new StoredEntry(EntityRef.parse("component:default/b"), "hash-b", null));
  }

  @Test
  void isEmpty_isTrueOnlyForAProviderWithoutEntities() {
    assertThat(isEmpty("p")).isFalse();
    assertThat(isEmpty("other")).isFalse();
    assertThat(isEmpty("new")).isTrue();
  }

  private boolean isEmpty(String source) {
    return db.tx().<Boolean>read(source, t -> LoadBucket.isEmpty(t, source));
  }

  @Test
  void sqlite_readsTheEntityRowsFromTheBucketIndexAlone() throws SQLException {
    List<String> plan = db.plan(db.tx().read("render", LoadBucket::sql), "p");

    assertThat(plan).as("no visit of the entity rows, whose bodies fill the table's pages")
        .anyMatch(d -> d.contains("COVERING INDEX " + PREFIX + Dialect.BUCKET_INDEX))
        .noneMatch(d -> d.contains("SCAN"));
  }
}
