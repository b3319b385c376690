package org.catalogengine.jdbc.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.TestDb;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store analyzes its PostgreSQL tables once its changes reach the threshold (they double after that). */
class PlannerStatisticsTest {
  private TestDb db;

  @BeforeEach
  void open() {
    db = TestDb.create(Backend.POSTGRES);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void mutationOfFiveThousandEntitiesLeavesStatisticsThePlannerCanUse() {
    try (JdbcCatalogStore store = db.storeBuilder().build()) {
      store.applyMutation("teams", EntityMutation.full(groups(PlannerStatistics.FIRST)));

      // ANALYZE records the row estimate in pg_class; a never-analyzed table has -1 (or 0 before PostgreSQL 14)
      assertThat(db.single("SELECT c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = '" + db.name + "' AND c.relname = 'refresh_state'"))
          .isEqualTo(PlannerStatistics.FIRST);
    }
  }

  private static List<DeferredEntity> groups(long n) {
    List<DeferredEntity> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(DeferredEntity.of(Entity.parse("{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Group\","
          + "\"metadata\":{\"name\":\"team-" + i + "\"},\"spec\":{\"type\":\"team\",\"children\":[]}}"), "url:teams"));
    }
    return out;
  }
}
