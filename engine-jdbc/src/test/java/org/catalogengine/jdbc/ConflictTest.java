package org.catalogengine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.jdbc.testing.Entities.component;
import static org.catalogengine.jdbc.testing.Entities.item;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.catalogengine.error.ConflictException;
import org.catalogengine.error.NotFoundException;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.LogCapture;
import org.catalogengine.jdbc.testing.ManualClock;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.storage.ChildWriteResult;
import org.catalogengine.spi.storage.ConflictEvent;
import org.catalogengine.spi.storage.ConflictRecord;
import org.catalogengine.spi.storage.EntityState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** locationKey conflicts on every backend (spec K1–K7, CS27–CS31, CS46). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class ConflictTest extends StoreTestBase {
  private static final String GITHUB = "github-provider";
  private static final String LDAP = "ldap-provider";

  @Parameter
  Backend backend;

  @Override
  protected Backend backend() {
    return backend;
  }

  private void full(String provider, DeferredEntity... items) {
    store.applyMutation(provider, EntityMutation.full(List.of(items)));
  }

  @Test
  void cs27_conflictingProviderIsRejectedAndTheConflictLogged() {
    full(GITHUB, item(component("petstore", "github"), "url:a/catalog-info.yaml"));
    EntityState before = state("petstore");

    String log = LogCapture.during(() ->
        full(LDAP, item(component("petstore", "ldap"), "url:b/catalog-info.yaml")));

    assertThat(state("petstore")).isEqualTo(before);
    assertThat(edges("petstore")).containsExactly(providerEdge(GITHUB, "petstore"));
    assertThat(store.sourceKeys()).containsExactly(GITHUB);
    assertThat(log).contains("WARN").contains("'" + LDAP + "'").contains("component:default/petstore")
        .contains("url:a/catalog-info.yaml").contains("url:b/catalog-info.yaml");
    assertThat(store.conflicts()).containsExactly(new ConflictRecord(ref("petstore"),
        ConflictRecord.providerSource(LDAP), "url:a/catalog-info.yaml", "url:b/catalog-info.yaml",
        ManualClock.T0, ManualClock.T0, 1));
  }

  @Test
  void cs28_rowWithNullKeyIsTakenOverByAKeyedWrite() {
    full(GITHUB, item(component("petstore", "github"), null));

    full(LDAP, item(component("petstore", "ldap"), "url:b"));

    EntityState s = state("petstore");
    assertThat(s.unprocessedEntity()).isEqualTo(component("petstore", "ldap"));
    assertThat(s.locationKey()).isEqualTo("url:b");
    assertThat(edges("petstore")).contains(providerEdge(LDAP, "petstore"));
    assertThat(store.conflicts()).isEmpty();
  }

  @Test
  void conflict_isLoggedOnceAndCountedWithFirstSeenKept() {
    full(GITHUB, item("x", "url:a"));
    Instant first = clock.instant();
    String firstLog = LogCapture.during(() -> full(LDAP, item("x", "url:b")));
    clock.advance(Duration.ofMinutes(1));
    String secondLog = LogCapture.during(() -> full(LDAP, item("x", "url:b")));
    Instant last = clock.advance(Duration.ofMinutes(1));
    String thirdLog = LogCapture.during(() -> full(LDAP, item("x", "url:b")));

    assertThat(firstLog).contains("component:default/x");
    assertThat(secondLog).doesNotContain("component:default/x");
    assertThat(thirdLog).doesNotContain("component:default/x");
    assertThat(store.conflicts()).containsExactly(new ConflictRecord(ref("x"), ConflictRecord.providerSource(LDAP),
        "url:a", "url:b", first, last, 3));
  }

  @Test
  void conflict_isRemovedWhenTheSourceStopsSendingTheRef() {
    full(GITHUB, item("x", "url:a"));
    full(LDAP, item("x", "url:b"), item("y", "url:b"));
    assertThat(store.conflicts()).hasSize(1);

    full(LDAP, item("y", "url:b"));

    assertThat(store.conflicts()).isEmpty();
  }

  @Test
  void conflict_isRemovedWhenTheSourceWritesTheRefSuccessfully() {
    full(GITHUB, item("x", "url:a"));
    full(LDAP, item("x", "url:b"));
    full(GITHUB);

    full(LDAP, item("x", "url:b"));

    assertThat(store.conflicts()).isEmpty();
    assertThat(state("x").locationKey()).isEqualTo("url:b");
    assertThat(edges("x")).containsExactly(providerEdge(LDAP, "x"));
  }

  @Test
  void conflict_ofADeltaIsRemovedWhenTheRefIsRemoved() {
    full(GITHUB, item("x", "url:a"));
    store.applyMutation(LDAP, EntityMutation.delta(List.of(item("x", "url:b")), List.of()));
    assertThat(store.conflicts()).hasSize(1);

    store.applyMutation(LDAP, EntityMutation.delta(List.of(),
        List.of(org.catalogengine.spi.provider.RemovedEntity.of(ref("x")))));

    assertThat(store.conflicts()).isEmpty();
    assertThat(exists("x")).isTrue();
  }

  @Test
  void cs29_childKeySequenceFollowsTheKeyRules() {
    full(GITHUB, item("parent", "url:p"));
    Entity v1 = component("child", "1");

    // null -> null: ok
    store.upsertChildren(ref("parent"), List.of(item(v1, null)));
    assertThat(state("child").locationKey()).isNull();
    // null -> x: ok, key x
    ChildWriteResult r = store.upsertChildren(ref("parent"), List.of(item(component("child", "2"), "x")));
    assertThat(r.written()).containsExactly(ref("child"));
    assertThat(state("child").locationKey()).isEqualTo("x");
    assertThat(state("child").unprocessedEntity()).isEqualTo(component("child", "2"));
    // x -> y: conflict, body unchanged, parent edge dropped
    r = store.upsertChildren(ref("parent"), List.of(item(component("child", "3"), "y")));
    assertThat(r.conflicted()).containsExactly(ref("child"));
    assertThat(state("child").unprocessedEntity()).isEqualTo(component("child", "2"));
    assertThat(state("child").locationKey()).isEqualTo("x");
    assertThat(edges("child")).isEmpty();
    // x -> null: conflict
    r = store.upsertChildren(ref("parent"), List.of(item(component("child", "4"), null)));
    assertThat(r.conflicted()).containsExactly(ref("child"));
    assertThat(state("child").unprocessedEntity()).isEqualTo(component("child", "2"));
    // x -> x: ok, body updated
    r = store.upsertChildren(ref("parent"), List.of(item(component("child", "5"), "x")));
    assertThat(r.written()).containsExactly(ref("child"));
    assertThat(state("child").unprocessedEntity()).isEqualTo(component("child", "5"));
    assertThat(edges("child")).containsExactly(parentEdge("parent", "child"));
    assertThat(store.conflicts()).isEmpty();
  }

  @Test
  void cs30_processedWriteClaimedWithAnotherKeyIsRejected() {
    full(GITHUB, item("a", "k"));
    Entity processed = component("a", "processed");

    assertThatThrownBy(() -> store.writeProcessedEntity(ref("a"), "fail", processed, "hash-1"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("component:default/a").hasMessageContaining("'fail'").hasMessageContaining("'k'");
    assertThat(state("a").processedEntity()).isNull();

    store.writeProcessedEntity(ref("a"), "k", processed, "hash-2");
    assertThat(state("a").processedEntity()).isEqualTo(processed);
    assertThat(state("a").resultHash()).isEqualTo("hash-2");
  }

  @Test
  void writeProcessedEntity_unknownEntityIsNotFound() {
    assertThatThrownBy(() -> store.writeProcessedEntity(ref("ghost"), null, component("ghost"), "h"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("component:default/ghost");
  }

  @Test
  void cs31_childConflictWithAKeyPublishesExactlyOneEvent() {
    full(GITHUB, item("parent", "url:p"), item("taken", "url:owner"));

    store.upsertChildren(ref("parent"), List.of(item(component("taken", "child"), "url:p")));
    store.upsertChildren(ref("parent"), List.of(item(component("taken", "child"), "url:p")));

    assertThat(f.events).hasSize(1);
    ConflictEvent e = f.events.get(0);
    assertThat(e.ref()).isEqualTo(ref("taken"));
    assertThat(e.existingLocationKey()).isEqualTo("url:owner");
    assertThat(e.rejectedLocationKey()).isEqualTo("url:p");
    assertThat(e.source()).isEqualTo(ConflictRecord.entitySource(ref("parent")));
    assertThat(e.rejectedEntity()).isEqualTo(component("taken", "child"));
    assertThat(store.conflicts()).singleElement().extracting(ConflictRecord::count).isEqualTo(2L);
  }

  @Test
  void conflictWithoutAKeyPublishesNoEvent() {
    full(GITHUB, item("parent", "url:p"), item("taken", "url:owner"));

    store.upsertChildren(ref("parent"), List.of(item("taken", null)));

    assertThat(f.events).isEmpty();
    assertThat(store.conflicts()).hasSize(1);
  }

  @Test
  void cs46_childEmittedByAnotherParentMovesToIt() {
    full(GITHUB, item("a", "url:a"), item("b", "url:b"));
    store.upsertChildren(ref("a"), List.of(item("c", null)));

    store.upsertChildren(ref("b"), List.of(item("c", null)));

    assertThat(edges("c")).containsExactly(parentEdge("b", "c"));
  }

  @Test
  void upsertChildren_unknownParentIsNotFoundAndWritesNothing() {
    assertThatThrownBy(() -> store.upsertChildren(ref("ghost"), List.of(item("c", null))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("component:default/ghost");
    assertThat(exists("c")).isFalse();
  }

  @Test
  void upsertChildren_selfEmissionIsIgnored() {
    full(GITHUB, item("a", "url:a"));

    ChildWriteResult r = store.upsertChildren(ref("a"), List.of(item("a", "url:a")));

    assertThat(r.written()).isEmpty();
    assertThat(edges("a")).containsExactly(providerEdge(GITHUB, "a"));
  }

  @Test
  void upsertChildren_droppedChildLosesItsParentEdgeButStays() {
    full(GITHUB, item("p", "url:p"));
    store.upsertChildren(ref("p"), List.of(item("c1", "url:p"), item("c2", "url:p")));

    store.upsertChildren(ref("p"), List.of(item("c1", "url:p")));

    assertThat(edges("c2")).isEmpty();
    assertThat(exists("c2")).isTrue();
    assertThat(edges("c1")).containsExactly(parentEdge("p", "c1"));
  }
}
