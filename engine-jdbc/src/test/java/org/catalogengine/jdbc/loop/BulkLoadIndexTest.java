package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.CatalogEngine;
import org.catalogengine.error.InputException;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.TestDb;
import org.catalogengine.model.Entity;
import org.catalogengine.query.EntityFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search lookup index around a bulk load ({@code JdbcCatalogStore.Builder.bulkLoadThreshold}) on every backend:
 * dropped for a large mutation into a nearly empty catalog, built again when the work is done, when the store
 * closes or when a store opens a catalog without it; kept for anything else.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class BulkLoadIndexTest {
  private static final String PREFIX = "ce_";
  private static final String LOOKUP = "ce_search_key_value_ix";
  private static final int THRESHOLD = 20;

  @Parameter
  Backend backend;

  TestDb db;
  final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void createDatabase() {
    db = TestDb.create(backend);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    db.close();
  }

  private JdbcCatalogStore store(JdbcCatalogStore.Builder builder) {
    JdbcCatalogStore store = builder.build();
    open.add(store);
    return store;
  }

  private JdbcCatalogStore store() {
    return store(db.storeBuilder().tablePrefix(PREFIX).bulkLoadThreshold(THRESHOLD));
  }

  /** An engine on {@code store} with a test provider, connected; the engine is {@link #engine}. */
  private LoopEntities.TestProvider connect(JdbcCatalogStore store) {
    LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
    engine = CatalogEngine.builder().store(store).provider(provider).allowAllKinds().build();
    open.add(engine);
    engine.runUntilIdle(); // connects the provider
    return provider;
  }

  CatalogEngine engine;

  private boolean hasLookupIndex() {
    return db.indexes(PREFIX + "search").contains(LOOKUP);
  }

  /** {@code n} services owned by team-a, and team-a. */
  private static Entity[] catalog(int n) {
    Entity[] out = new Entity[n + 1];
    for (int i = 0; i < n; i++) {
      out[i] = LoopEntities.component("service-" + i, "team-a");
    }
    out[n] = LoopEntities.group("team-a");
    return out;
  }

  private List<String> owned(JdbcCatalogStore store) {
    return store.queryEntities(EntityFilter.parse(List.of("kind=component,spec.owner=team-a")), null, 100)
        .stream().map(e -> e.name()).sorted().toList();
  }

  @Test
  void aLargeFirstLoadDropsTheIndexUntilItsWorkIsDone() {
    JdbcCatalogStore store = store();
    assertThat(hasLookupIndex()).as("a new catalog has the index").isTrue();
    LoopEntities.TestProvider provider = connect(store);

    provider.full(catalog(THRESHOLD));

    assertThat(hasLookupIndex()).as("dropped for a mutation of %d new entities", THRESHOLD + 1).isFalse();
    assertThat(store.idle()).as("the mutation's entities are due").isFalse();
    assertThat(hasLookupIndex()).as("not built while work is due").isFalse();

    engine.runUntilIdle();

    assertThat(hasLookupIndex()).as("built once the stitches are written").isTrue();
    assertThat(owned(store)).hasSize(THRESHOLD);
  }

  @Test
  void filtersAnswerTheSameWhileTheIndexIsMissing() {
    JdbcCatalogStore store = store();
    LoopEntities.TestProvider provider = connect(store);
    provider.full(catalog(THRESHOLD));
    engine.runUntilIdle();
    List<String> indexed = owned(store);

    db.exec("DROP INDEX " + (backend == Backend.POSTGRES ? "\"" + db.name + "\"." : "") + LOOKUP
        + (backend == Backend.MARIADB ? " ON " + db.table(PREFIX + "search") : ""));
    assertThat(hasLookupIndex()).isFalse();

    assertThat(owned(store)).hasSize(THRESHOLD).isEqualTo(indexed);
  }

  @Test
  void idleBuildsTheIndexWhenAnotherProcessDidTheWork() {
    JdbcCatalogStore deferring = store();
    connect(deferring).full(catalog(THRESHOLD));
    assertThat(hasLookupIndex()).isFalse();
    // a second process sharing the catalog processes and stitches everything; it did not drop the index, so its
    // stitch writes do not build it
    JdbcCatalogStore other = store(db.storeBuilder().tablePrefix(PREFIX).migrateOnStart(false));
    CatalogEngine worker = CatalogEngine.builder().store(other).provider(new LoopEntities.TestProvider())
        .allowAllKinds().build();
    open.add(worker);
    assertThat(worker.runUntilIdle()).isPositive();
    assertThat(hasLookupIndex()).isFalse();

    assertThat(deferring.idle()).isTrue();
    assertThat(hasLookupIndex()).as("built before idle is reported").isTrue();
    assertThat(owned(deferring)).hasSize(THRESHOLD);
  }

  @Test
  void closingTheStoreBuildsADeferredIndex() {
    JdbcCatalogStore store = store();
    connect(store).full(catalog(THRESHOLD));
    assertThat(hasLookupIndex()).isFalse();

    open.remove(engine);
    engine.close();
    open.remove(store);
    store.close();

    assertThat(hasLookupIndex()).as("built on close, with its work still due").isTrue();
  }

  @Test
  void aStoreOpeningACatalogWithoutTheIndexBuildsIt() {
    // as a process that stopped mid-load leaves it: the index dropped, the store gone without closing
    JdbcCatalogStore first = store();
    connect(first).full(catalog(THRESHOLD));
    assertThat(hasLookupIndex()).isFalse();
    // (a second store on the same catalog while the first is still open, as after a crash the next process is)
    store();

    assertThat(hasLookupIndex()).as("built when a store opens").isTrue();
  }

  @Test
  void aLargeMutationIntoAPopulatedCatalogKeepsTheIndex() {
    JdbcCatalogStore store = store(db.storeBuilder().tablePrefix(PREFIX).bulkLoadThreshold(0));
    LoopEntities.TestProvider provider = connect(store);
    provider.full(catalog(THRESHOLD));
    engine.runUntilIdle();
    JdbcCatalogStore bulk = store();
    LoopEntities.TestProvider again = connect(bulk);

    // 2 × THRESHOLD new entities, but the catalog has more than a tenth as many stitched already
    again.full(catalog(3 * THRESHOLD));

    assertThat(hasLookupIndex()).isTrue();
  }

  @Test
  void smallMutationsKeepTheIndex() {
    JdbcCatalogStore store = store();
    connect(store).full(catalog(THRESHOLD - 2));

    assertThat(hasLookupIndex()).as("%d new entities, below the threshold", THRESHOLD - 1).isTrue();
  }

  @Test
  void aStoreThatDoesNotMigrateNeverDropsTheIndex() {
    store(db.storeBuilder().tablePrefix(PREFIX));
    JdbcCatalogStore store = store(db.storeBuilder().tablePrefix(PREFIX).migrateOnStart(false)
        .bulkLoadThreshold(THRESHOLD));

    connect(store).full(catalog(THRESHOLD));

    assertThat(hasLookupIndex()).isTrue();
  }

  @Test
  void aNegativeThresholdIsRejected() {
    assertThatThrownBy(() -> JdbcCatalogStore.builder().bulkLoadThreshold(-1))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bulkLoadThreshold")
        .hasMessageContaining("-1");
  }
}
