package org.catalogengine.jdbc.internal.operations.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.testing.MemorySqlite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The single writer's check which relation peers have a processing result (DESIGN decision 4), on SQLite from
 * schema V6's partial index of their refs.
 */
class EverProcessedTest {
  private static final String PREFIX = "xy_";
  private static final List<String> REFS = List.of("component:default/new", "component:default/done",
      "component:default/failed", "component:default/absent");
  private MemorySqlite db;

  @BeforeEach
  void open() throws SQLException {
    db = new MemorySqlite(PREFIX);
    db.entity("component:default/new", "h1", null, null, null);
    db.entity("component:default/done", "h2", null, "{\"kind\":\"Component\"}", null);
    db.entity("component:default/failed", "h3", null, null, "[{\"name\":\"InputError\"}]");
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void everProcessed_givesTheRefsWithAProcessedBodyOrErrors() {
    Set<String> processed = db.tx().read("peers", t -> WriteResultsBatch.everProcessed(t, REFS));

    assertThat(processed).containsExactlyInAnyOrder("component:default/done", "component:default/failed");
  }

  @Test
  void everProcessed_seesAnEntityOnceItsFirstResultIsWritten() throws SQLException {
    db.exec("UPDATE " + PREFIX + "refresh_state SET processed_entity = '{}'"
        + " WHERE entity_ref = 'component:default/new'");
    db.exec("UPDATE " + PREFIX + "refresh_state SET errors = NULL, processed_entity = '{}'"
        + " WHERE entity_ref = 'component:default/failed'");

    Set<String> processed = db.tx().read("peers", t -> WriteResultsBatch.everProcessed(t, REFS));

    assertThat(processed).containsExactlyInAnyOrder(
        "component:default/new", "component:default/done", "component:default/failed");
  }

  @Test
  void sqlite_looksTheRefsUpInThePartialIndex() throws SQLException {
    String sql = db.tx().read("render", t -> t.dsl().render(WriteResultsBatch.everProcessedQuery(t, 2)));

    assertThat(db.plan(sql, "component:default/done"))
        .anyMatch(d -> d.contains("INDEX " + PREFIX + Dialect.PROCESSED_INDEX))
        .noneMatch(d -> d.contains("SCAN"));
  }
}
