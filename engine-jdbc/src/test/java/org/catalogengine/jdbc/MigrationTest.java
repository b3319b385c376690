package org.catalogengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.jdbc.testing.Entities.item;

import java.util.List;
import org.catalogengine.error.StorageException;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.TestDb;
import org.catalogengine.spi.provider.EntityMutation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Migrations with prefixes, PostgreSQL schemas and migrateOnStart=false, each on a fresh database. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class MigrationTest {

  @Parameter
  Backend backend;

  private TestDb db;

  @BeforeEach
  void createDatabase() {
    db = TestDb.create(backend);
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void v2_searchAndRelationRowsHaveNoForeignKeyWhereTheDatabaseChecksEachRow() {
    try (JdbcCatalogStore store = db.storeBuilder().tablePrefix("xy_").build()) {
      store.applyMutation("p", EntityMutation.full(List.of(item("a", "url:a"))));
    }
    // a row whose entity does not exist: rejected by the foreign key where it is kept (SQLite), stored elsewhere
    String insert = "INSERT INTO " + db.table("xy_search") + " (entity_id, search_key, search_value)"
        + " VALUES ('no-such-entity', 'kind', 'component')";
    if (backend == Backend.SQLITE) {
      db.exec("PRAGMA foreign_keys = ON"); // per connection, as the store's own connections have it
      assertThatThrownBy(() -> db.exec(insert)).hasMessageContaining("FOREIGN KEY");
    } else {
      assertThat(db.exec(insert)).isEqualTo(1);
      assertThat(db.exec("INSERT INTO " + db.table("xy_relations") + " (originating_entity_id, source_entity_ref,"
          + " type, target_entity_ref) VALUES ('no-such-entity', 'component:default/a', 'ownedBy',"
          + " 'group:default/b')")).isEqualTo(1);
    }
  }

  /** Indexed text columns of the store's tables whose collation is not "C", as {@code table.column=collation}. */
  private List<String> indexedColumnsNotInByteOrder() {
    return db.rows("SELECT DISTINCT c.relname || '.' || a.attname AS col, coll.collname AS collation"
        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = '" + db.name + "'"
        + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)"
        + " JOIN pg_collation coll ON coll.oid = a.attcollation"
        + " WHERE coll.collname <> 'C'"
        + " AND c.relname NOT LIKE '%schema_history' ORDER BY 1");
  }

  @Test
  void v7_everyIndexedTextColumnOnPostgresComparesByteOrder() {
    Assumptions.assumeTrue(backend == Backend.POSTGRES, "collations of columns are PostgreSQL's (V7)");
    try (JdbcCatalogStore store = db.storeBuilder().build()) {
      assertThat(db.single("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '" + db.name
          + "' AND collation_name = 'C'")).isGreaterThanOrEqualTo(20);
      assertThat(indexedColumnsNotInByteOrder()).isEmpty();
    }
  }

  @Test
  void v7_appliedToStoredRowsKeepsThemAndTheirLookups() {
    Assumptions.assumeTrue(backend == Backend.POSTGRES, "collations of columns are PostgreSQL's (V7)");
    List<String> refs = List.of("a-b", "a_b", "ab", "a.b", "b", "a-c");
    try (JdbcCatalogStore store = db.storeBuilder().build()) {
      store.applyMutation("p", EntityMutation.full(refs.stream().map(r -> item(r, "url:" + r)).toList()));
    }
    // back to the state before V7, the database's default collation, with the rows still there
    List<String> columns = db.rows("SELECT table_name || '.' || column_name || '.' || character_maximum_length"
        + " AS c FROM information_schema.columns WHERE table_schema = '" + db.name + "' AND collation_name = 'C'");
    for (String row : columns) {
      String[] c = row.substring("c=".length()).split("\\.");
      db.exec("ALTER TABLE " + db.table(c[0]) + " ALTER COLUMN " + c[1] + " TYPE VARCHAR(" + c[2]
          + ") COLLATE \"default\"");
    }
    db.exec("DELETE FROM " + db.table("schema_history") + " WHERE version = '7'");
    assertThat(indexedColumnsNotInByteOrder()).isNotEmpty();

    try (JdbcCatalogStore store = db.storeBuilder().build()) {
      assertThat(indexedColumnsNotInByteOrder()).isEmpty();
      assertThat(db.rows("SELECT entity_ref FROM " + db.table("refresh_state") + " ORDER BY entity_ref"))
          .containsExactly("entity_ref=component:default/a-b", "entity_ref=component:default/a-c",
              "entity_ref=component:default/a.b", "entity_ref=component:default/a_b",
              "entity_ref=component:default/ab", "entity_ref=component:default/b");
      // an identical mutation finds every stored row by its ref: nothing written
      var result = store.applyMutation("p", EntityMutation.full(refs.stream().map(r -> item(r, "url:" + r)).toList()));
      assertThat(result.unchanged()).isEqualTo(refs.size());
    }
  }

  @Test
  void build_migratesTablesAndHistoryWithThePrefix() {
    try (JdbcCatalogStore store = db.storeBuilder().tablePrefix("xy_").build()) {
      store.applyMutation("p", EntityMutation.full(List.of(item("a", "url:a"))));

      assertThat(db.single("SELECT COUNT(*) FROM " + db.table("xy_refresh_state"))).isEqualTo(1);
      assertThat(db.single("SELECT COUNT(*) FROM " + db.table("xy_schema_history"))).isPositive();
    }
  }

  @Test
  void build_twoPrefixesInOneDatabaseAreIndependent() {
    try (JdbcCatalogStore a = db.storeBuilder().tablePrefix("a_").build();
        JdbcCatalogStore b = db.storeBuilder().tablePrefix("b_").build()) {
      a.applyMutation("p", EntityMutation.full(List.of(item("x", "url:x"))));

      assertThat(a.statistics().entities()).isEqualTo(1);
      assertThat(b.statistics().entities()).isZero();
    }
  }

  @Test
  void build_isIdempotentOnAMigratedDatabase() {
    try (JdbcCatalogStore store = db.storeBuilder().build()) {
      store.applyMutation("p", EntityMutation.full(List.of(item("x", "url:x"))));
    }
    try (JdbcCatalogStore again = db.storeBuilder().migrateOnStart(false).build()) {
      assertThat(again.statistics().entities()).isEqualTo(1);
    }
  }

  @Test
  void build_withoutMigrationOnAnUnmigratedDatabaseFailsClearly() {
    assertThatThrownBy(() -> db.storeBuilder().tablePrefix("none_").migrateOnStart(false).build())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("not migrated")
        .hasMessageContaining("migrateOnStart")
        .hasMessageContaining("prefix 'none_'");
  }

  @Test
  void build_onPostgresCreatesTheConfiguredSchema() {
    Assumptions.assumeTrue(backend == Backend.POSTGRES, "schemas are a PostgreSQL feature");
    // TestDb's builder sets schema = the database name; the schema did not exist before
    try (JdbcCatalogStore store = db.storeBuilder().build()) {
      assertThat(db.single("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + db.name
          + "' AND table_name = 'refresh_state'")).isEqualTo(1);
      assertThat(db.single("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
          + " AND table_name = 'refresh_state'")).isZero();
      assertThat(store.databaseName()).isEqualTo("POSTGRES");
    }
  }

  @Test
  void build_schemaOptionIsRejectedOutsidePostgres() {
    Assumptions.assumeTrue(backend != Backend.POSTGRES, "PostgreSQL accepts schemas");

    assertThatThrownBy(() -> db.storeBuilder().schema("catalog").build())
        .isInstanceOf(StorageException.class).hasMessageContaining("only supported on PostgreSQL");
  }
}
