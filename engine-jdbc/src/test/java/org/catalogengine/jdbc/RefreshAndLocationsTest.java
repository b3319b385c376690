package org.catalogengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.jdbc.testing.Entities.item;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.catalogengine.error.ConflictException;
import org.catalogengine.error.NotFoundException;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.storage.StoredLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Refresh keys (S9, P8, CS25) and registered locations (S8, R10) on every backend. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class RefreshAndLocationsTest extends StoreTestBase {
  private static final long FAR_FUTURE = 4_000_000_000_000L;

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  private void scheduleAllFarAway() {
    f.db.exec("UPDATE " + f.t("processing_queue") + " SET next_update_at = ?", FAR_FUTURE);
  }

  @Test
  void cs25_refreshByKeyMakesTheRegisteringEntityDueNow() {
    store.applyMutation("p", EntityMutation.full(List.of(item("l", "url:l"), item("other", "url:o"))));
    store.replaceRefreshKeys(ref("l"), List.of("url:https://git/x/catalog-info.yaml"));
    scheduleAllFarAway();
    Instant now = clock.advance(Duration.ofMinutes(7));

    int n = store.refresh(List.of("url:https://git/x/catalog-info.yaml"));

    assertThat(n).isEqualTo(1);
    assertThat(state("l").nextUpdateAt()).isEqualTo(now);
    assertThat(state("other").nextUpdateAt()).isEqualTo(Instant.ofEpochMilli(FAR_FUTURE));
  }

  @Test
  void cs25_keysLongerThan255CharactersMatchAfterHashing() {
    String longKey = "url:https://git/" + "x".repeat(400) + "/catalog-info.yaml";
    store.applyMutation("p", EntityMutation.full(List.of(item("l", "url:l"))));
    store.replaceRefreshKeys(ref("l"), List.of(longKey));
    scheduleAllFarAway();
    Instant now = clock.advance(Duration.ofMinutes(7));

    assertThat(store.refresh(List.of(longKey))).isEqualTo(1);

    assertThat(state("l").nextUpdateAt()).isEqualTo(now);
    assertThat(f.db.rows("SELECT refresh_key FROM " + f.t("refresh_keys"))).singleElement()
        .satisfies(row -> assertThat(row).startsWith("refresh_key=" + longKey.substring(0, 180) + "#sha256:")
            .hasSize("refresh_key=".length() + 180 + 8 + 64));
  }

  @Test
  void refresh_unknownKeyChangesNothing() {
    store.applyMutation("p", EntityMutation.full(List.of(item("l", "url:l"))));
    store.replaceRefreshKeys(ref("l"), List.of("url:a"));
    scheduleAllFarAway();

    assertThat(store.refresh(List.of("url:b"))).isZero();
    assertThat(state("l").nextUpdateAt()).isEqualTo(Instant.ofEpochMilli(FAR_FUTURE));
  }

  @Test
  void replaceRefreshKeys_replacesTheWholeSet() {
    store.applyMutation("p", EntityMutation.full(List.of(item("l", "url:l"))));
    store.replaceRefreshKeys(ref("l"), List.of("a", "b"));

    store.replaceRefreshKeys(ref("l"), List.of("b", "c", "c"));

    assertThat(f.db.rows("SELECT refresh_key FROM " + f.t("refresh_keys") + " ORDER BY refresh_key"))
        .containsExactly("refresh_key=b", "refresh_key=c");
  }

  @Test
  void replaceRefreshKeys_unknownEntityIsNotFound() {
    assertThatThrownBy(() -> store.replaceRefreshKeys(ref("ghost"), List.of("a")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("component:default/ghost");
  }

  @Test
  void insertLocation_storesTheLocationWithItsGeneratedEntityRef() {
    StoredLocation l = store.insertLocation("url", "https://git/org/repo/blob/main/catalog-info.yaml");

    assertThat(l.entityRef().kind()).isEqualTo("location");
    assertThat(l.entityRef().name()).startsWith("generated-");
    assertThat(store.location(l.id())).contains(l);
    assertThat(store.locations()).containsExactly(l);
  }

  @Test
  void insertLocation_duplicateTypeAndTargetIsAConflict() {
    store.insertLocation("url", "https://git/a.yaml");

    assertThatThrownBy(() -> store.insertLocation("url", "https://git/a.yaml"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("url:https://git/a.yaml");
    assertThat(store.locations()).hasSize(1);
  }

  @Test
  void deleteLocation_removesOnlyThatLocation() {
    StoredLocation a = store.insertLocation("url", "https://git/a.yaml");
    StoredLocation b = store.insertLocation("url", "https://git/b.yaml");

    assertThat(store.deleteLocation(a.id())).contains(a);

    assertThat(store.deleteLocation(a.id())).isEmpty();
    assertThat(store.locations()).containsExactly(b);
  }

  @Test
  void locations_longTargetsAreStoredWhole() {
    String target = "https://git/" + "d/".repeat(600) + "catalog-info.yaml";

    StoredLocation l = store.insertLocation("url", target);

    assertThat(store.location(l.id()).orElseThrow().target()).isEqualTo(target);
    assertThat(l.entityRef()).isNotEqualTo(EntityRef.of("location", "default", "x"));
  }
}
