package org.catalogengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.jdbc.testing.Entities.item;

import java.util.ArrayList;
import java.util.List;
import org.catalogengine.CatalogEngine;
import org.catalogengine.OrphanProviderStrategy;
import org.catalogengine.error.ConflictException;
import org.catalogengine.error.InputException;
import org.catalogengine.error.NotFoundException;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.LogCapture;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.provider.EntityProviderConnection;
import org.catalogengine.spi.provider.JsonEntity;
import org.catalogengine.model.CanonicalJson;
import tools.jackson.databind.JsonNode;
import org.catalogengine.spi.storage.ReferenceEdge;
import org.catalogengine.spi.storage.StoredLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine front door on every backend: provider wiring (P1, P9, P10, CS26) and registered locations. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class EngineTest extends StoreTestBase {

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  /** A provider that applies one full mutation when connected. */
  static final class FullProvider implements EntityProvider {
    private final String name;
    private final List<DeferredEntity> items;
    EntityProviderConnection connection;

    FullProvider(String name, DeferredEntity... items) {
      this.name = name;
      this.items = List.of(items);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void connect(EntityProviderConnection connection) {
      this.connection = connection;
      connection.applyMutation(EntityMutation.full(items));
    }
  }

  /** Another provider class, to check that a duplicate-name message names both classes. */
  static final class OtherProvider implements EntityProvider {
    @Override
    public String name() {
      return "github";
    }

    @Override
    public void connect(EntityProviderConnection connection) {}
  }

  /** A provider whose connect fails. */
  static final class BrokenProvider implements EntityProvider {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public void connect(EntityProviderConnection connection) {
      throw new IllegalStateException("token expired");
    }
  }

  @Test
  void build_duplicateProviderNamesFailNamingBoth() {
    var builder = CatalogEngine.builder().store(store).backgroundWorkers(false)
        .provider(new FullProvider("github"))
        .provider(new OtherProvider());

    assertThatThrownBy(builder::build)
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'github'")
        .hasMessageContaining(FullProvider.class.getName())
        .hasMessageContaining(OtherProvider.class.getName());
  }

  @Test
  void build_providerNamedLikeABuiltInFails() {
    var builder = CatalogEngine.builder().store(store).backgroundWorkers(false).provider(new FullProvider("location-store"));

    assertThatThrownBy(builder::build).isInstanceOf(InputException.class).hasMessageContaining("'location-store'");
  }

  @Test
  void build_withoutAStoreFails() {
    assertThatThrownBy(() -> CatalogEngine.builder().build()).isInstanceOf(InputException.class)
        .hasMessageContaining("store");
  }

  @Test
  void cs26_bucketOfAProviderNoLongerConfiguredIsRemovedAtStart() {
    store.applyMutation("old-provider", EntityMutation.full(List.of(item("old-root", "url:old"))));
    store.upsertChildren(ref("old-root"), List.of(item("old-child", "url:old")));
    store.applyMutation("kept-provider", EntityMutation.full(List.of(item("kept", "url:kept"))));

    CatalogEngine engine = CatalogEngine.builder().store(store).backgroundWorkers(false)
        .provider(new FullProvider("kept-provider", item("kept", "url:kept")))
        .build();
    engine.start();

    assertThat(exists("old-root")).isFalse();
    assertThat(exists("old-child")).isFalse();
    assertThat(exists("kept")).isTrue();
    assertThat(store.sourceKeys()).doesNotContain("old-provider").contains("kept-provider");
  }

  @Test
  void start_withKeepStrategyLeavesUnconfiguredBuckets() {
    store.applyMutation("old-provider", EntityMutation.full(List.of(item("old-root", "url:old"))));

    CatalogEngine.builder().store(store).backgroundWorkers(false).orphanProviderStrategy(OrphanProviderStrategy.KEEP).build().start();

    assertThat(exists("old-root")).isTrue();
    assertThat(store.sourceKeys()).contains("old-provider");
  }

  @Test
  void start_failingProviderIsLoggedByNameAndTheOthersConnect() {
    FullProvider good = new FullProvider("good", item("a", "url:a"));
    CatalogEngine engine = CatalogEngine.builder().store(store).backgroundWorkers(false).provider(new BrokenProvider()).provider(good).build();

    String log = LogCapture.during(engine::start);

    assertThat(log).contains("'broken'").contains("token expired");
    assertThat(exists("a")).isTrue();
    assertThat(edges("a")).containsExactly(providerEdge("good", "a"));
  }

  @Test
  void start_configLocationsBecomeGeneratedLocationEntities() {
    CatalogEngine.builder().store(store).backgroundWorkers(false).configLocation("url", "https://git/a/catalog-info.yaml").build().start();

    List<EntityRef> roots = new ArrayList<>();
    assertThat(store.sourceKeys()).contains("config-locations");
    assertThat(store.statistics().entities()).isEqualTo(1);
    // the entity's ref is derived from type:target; registering the same location gives the same ref
    StoredLocation registered = store.insertLocation("url", "https://git/a/catalog-info.yaml");
    roots.add(registered.entityRef());
    var state = store.findEntityState(registered.entityRef()).orElseThrow();
    assertThat(state.locationKey()).isEqualTo("url:https://git/a/catalog-info.yaml");
    assertThat(state.unprocessedEntity().annotation("backstage.io/managed-by-location"))
        .contains("url:https://git/a/catalog-info.yaml");
    assertThat(store.edgesTo(roots.get(0)))
        .containsExactly(ReferenceEdge.fromProvider("config-locations", roots.get(0)));
  }

  @Test
  void locations_registerAddsTheGeneratedEntityAndUnregisterPrunesIt() {
    CatalogEngine engine = CatalogEngine.builder().store(store).backgroundWorkers(false).build();
    engine.start();

    StoredLocation l = engine.locations().register("url", "https://git/b/catalog-info.yaml");
    assertThat(store.findEntityState(l.entityRef())).isPresent();
    assertThat(store.edgesTo(l.entityRef())).containsExactly(ReferenceEdge.fromProvider("location-store",
        l.entityRef()));
    store.upsertChildren(l.entityRef(), List.of(item("from-location", "url:https://git/b/catalog-info.yaml")));
    assertThat(engine.locations().list()).containsExactly(l);
    assertThat(engine.locations().get(l.id())).contains(l);

    engine.locations().unregister(l.id());

    assertThat(store.findEntityState(l.entityRef())).isEmpty();
    assertThat(exists("from-location")).isFalse();
    assertThat(engine.locations().list()).isEmpty();
  }

  @Test
  void locations_duplicateRegistrationIsAConflictAndUnknownIdNotFound() {
    CatalogEngine engine = CatalogEngine.builder().store(store).backgroundWorkers(false).build();
    engine.locations().register("url", "https://git/c.yaml");

    assertThatThrownBy(() -> engine.locations().register("url", "https://git/c.yaml"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> engine.locations().unregister("no-such-id"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-id");
  }

  @Test
  void start_registeredLocationsAreReappliedAndSurviveOrphanCleanup() {
    store.insertLocation("url", "https://git/d.yaml");

    CatalogEngine.builder().store(store).backgroundWorkers(false).build().start();

    assertThat(store.statistics().entities()).isEqualTo(1);
    assertThat(store.sourceKeys()).containsExactly("location-store");
  }

  @Test
  void connection_refreshMakesRegisteredKeysDue() {
    FullProvider p = new FullProvider("p", item("a", "url:a"));
    CatalogEngine.builder().store(store).backgroundWorkers(false).provider(p).build().start();
    store.replaceRefreshKeys(ref("a"), List.of("url:a"));

    p.connection.refresh(List.of("url:a"));

    assertThat(state("a").nextUpdateAt()).isEqualTo(clock.instant());
  }

  @Test
  void applyFullJson_malformedItemThrowsNamingProviderAndItemAndStoresNothing() {
    FullProvider p = new FullProvider("github", item("a", "url:a"));
    CatalogEngine.builder().store(store).backgroundWorkers(false).provider(p).build().start();
    JsonNode good = CanonicalJson.MAPPER.readTree("""
        {"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "b"}}""");
    JsonNode noName = CanonicalJson.MAPPER.readTree("""
        {"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"title": "B"}}""");
    JsonNode notAnObject = CanonicalJson.MAPPER.readTree("[1, 2]");

    assertThatThrownBy(() -> p.connection.applyFullJson(
            List.of(new JsonEntity(good, "url:b"), new JsonEntity(noName, "url:c"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Provider 'github'")
        .hasMessageContaining("item 1 of a full mutation (location key url:c)")
        .hasMessageContaining("'metadata.name' must be a non-empty string");
    assertThatThrownBy(() -> p.connection.applyDeltaJson(List.of(new JsonEntity(notAnObject, null)), List.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("item 0 of a delta mutation")
        .hasMessageContaining("must be a JSON object, got an array");

    // The bucket still holds exactly what the last good mutation stored.
    assertThat(store.findEntityState(ref("a"))).isPresent();
    assertThat(store.findEntityState(ref("b"))).isEmpty();
    assertThat(store.statistics().entities()).isEqualTo(1);
  }

  @Test
  void applyFullJson_wellFormedItemsAreStored() {
    FullProvider p = new FullProvider("github");
    CatalogEngine.builder().store(store).backgroundWorkers(false).provider(p).build().start();
    JsonNode b = CanonicalJson.MAPPER.readTree("""
        {"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "b"}}""");

    p.connection.applyFullJson(List.of(new JsonEntity(b, "url:b")));

    assertThat(state("b").locationKey()).isEqualTo("url:b");
    assertThat(p.connection.providerName()).isEqualTo("github");
  }
}
