package org.catalogengine.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.model.EntityRef;
import org.catalogengine.query.EntityFilter;
import org.catalogengine.spi.storage.EntityState;
import org.catalogengine.spi.storage.ReferenceEdge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the backend-matrix tests: a wiped shared store and helpers. */
public abstract class StoreTestBase {
  protected Fixture f;
  protected JdbcCatalogStore store;
  protected ManualClock clock;

  /** The backend of this class invocation (an injected {@code @Parameter} field in the subclass). */
  protected abstract Backend backend();

  @BeforeEach
  final void openStore() {
    f = Fixture.fresh(backend());
    store = f.store;
    clock = f.clock;
  }

  /** Catalog invariants after every test: every queue row has its entity and vice versa. */
  @AfterEach
  final void checkInvariants() {
    if (f == null) {
      return;
    }
    var s = store.statistics();
    assertThat(s.queued()).as("one queue row per entity").isEqualTo(s.entities());
    // search and relation rows have no foreign key on PostgreSQL and MariaDB (schema V2): every deletion of an
    // entity must take them along
    assertThat(f.db.single("SELECT COUNT(*) FROM " + f.t("search") + " s WHERE NOT EXISTS (SELECT 1 FROM "
        + f.t("refresh_state") + " r WHERE r.entity_id = s.entity_id)")).as("search rows without their entity").isZero();
    assertThat(f.db.single("SELECT COUNT(*) FROM " + f.t("relations") + " x WHERE NOT EXISTS (SELECT 1 FROM "
        + f.t("refresh_state") + " r WHERE r.entity_id = x.originating_entity_id)"))
        .as("relation rows without the entity that made them").isZero();
  }

  protected EntityState state(String name) {
    return store.findEntityState(Entities.ref(name)).orElseThrow(() -> new AssertionError("no entity " + name));
  }

  protected boolean exists(String name) {
    return store.findEntityState(Entities.ref(name)).isPresent();
  }

  protected List<ReferenceEdge> edges(String name) {
    return store.edgesTo(Entities.ref(name));
  }

  protected static ReferenceEdge providerEdge(String provider, String name) {
    return ReferenceEdge.fromProvider(provider, Entities.ref(name));
  }

  protected static ReferenceEdge parentEdge(String parent, String name) {
    return ReferenceEdge.fromEntity(Entities.ref(parent), Entities.ref(name));
  }

  /** The refs of the final entities matching {@code filter}, in ref order (the first page of 100). */
  protected List<String> queryRefs(EntityFilter filter) {
    return store.queryEntities(filter, null, 100).stream().map(e -> e.ref().toString()).toList();
  }

  /** {@link #queryRefs(EntityFilter)} for R2 query parameters. */
  protected List<String> queryRefs(String... params) {
    return queryRefs(EntityFilter.parse(List.of(params)));
  }

  protected static EntityRef ref(String name) {
    return Entities.ref(name);
  }
}
