package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.jdbc.loop.LoopEntities.base;
import static org.catalogengine.jdbc.loop.LoopEntities.eref;
import static org.catalogengine.jdbc.loop.LoopEntities.group;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.catalogengine.CatalogEngine;
import org.catalogengine.jdbc.internal.operations.processing.MarkForReprocessing;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relation rows that hold a relation and its reverse (schema V3) on every backend: both directions reach the final
 * entities (T1), the filters (R2) and the reprocessing of a removal's peers (P7), whichever ref of the pair sorts
 * first, and rows of the earlier one-relation layout are read as before and replaced on the next write.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class RelationRowsScenariosTest extends StoreTestBase {
  private static final String SVC = "component:default/svc";
  private static final String DB = "component:default/db";
  private static final String TEAM = "group:default/team-a";

  @Parameter
  Backend backend;

  final LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
  CatalogEngine engine;

  @Override
  protected Backend backend() {
    return backend;
  }

  @BeforeEach
  void connect() {
    engine = CatalogEngine.builder().store(store).provider(provider).allowAllKinds().clock(clock)
        .backgroundWorkers(false).build();
    engine.runUntilIdle();
  }

  /** svc, owned by team-a, depends on db: db sorts before svc, svc before team-a. */
  private static Entity svc() {
    ObjectNode json = base("Component", "svc");
    json.putObject("spec").put("type", "service").put("lifecycle", "production").put("owner", "team-a")
        .putArray("dependsOn").add(DB);
    return Entity.of(json);
  }

  private static Entity db() {
    ObjectNode json = base("Component", "db");
    json.putObject("spec").put("type", "database").put("lifecycle", "production").put("owner", "team-a");
    return Entity.of(json);
  }

  private String relationsOf(String ref) {
    return engine.entity(eref(ref)).orElseThrow(() -> new AssertionError("no final entity " + ref)).toJson()
        .get("relations").toString();
  }

  private List<String> rowsOf(String originatingName) {
    return f.db.rows("SELECT source_entity_ref, type, target_entity_ref, reverse_type FROM " + f.t("relations")
        + " WHERE originating_entity_id = '" + state(originatingName).entityId() + "'"
        + " ORDER BY source_entity_ref, type");
  }

  @Test
  void t1_aRelationAndItsReverseShareOneRowAndBothReachTheFinalEntities() {
    provider.full(svc(), db(), group("team-a"));
    engine.runUntilIdle();

    assertThat(rowsOf("svc")).containsExactly(
        "source_entity_ref=" + DB + " | type=dependencyOf | target_entity_ref=" + SVC + " | reverse_type=dependsOn",
        "source_entity_ref=" + SVC + " | type=ownedBy | target_entity_ref=" + TEAM + " | reverse_type=ownerOf");
    assertThat(store.statistics().relations()).as("relations, not rows: svc's 4 and db's 2").isEqualTo(6);
    assertThat(relationsOf(SVC)).contains("\"targetRef\":\"" + DB + "\",\"type\":\"dependsOn\"")
        .contains("\"targetRef\":\"" + TEAM + "\",\"type\":\"ownedBy\"");
    assertThat(relationsOf(DB)).contains("\"targetRef\":\"" + SVC + "\",\"type\":\"dependencyOf\"");
    assertThat(relationsOf(TEAM)).contains("\"targetRef\":\"" + SVC + "\",\"type\":\"ownerOf\"")
        .contains("\"targetRef\":\"" + DB + "\",\"type\":\"ownerOf\"");
  }

  @Test
  void r2_relationFiltersMatchBothRelationsOfARow() {
    provider.full(svc(), db(), group("team-a"));
    engine.runUntilIdle();

    assertThat(queryRefs("relations.dependson=" + DB)).containsExactly(SVC);
    assertThat(queryRefs("relations.dependencyof=" + SVC)).containsExactly(DB);
    assertThat(queryRefs("relations.ownerof=" + SVC)).containsExactly(TEAM);
    assertThat(queryRefs("relations.ownedby=" + TEAM)).containsExactly(DB, SVC);
    assertThat(queryRefs("relations.dependencyof")).containsExactly(DB);
    assertThat(queryRefs("relations.dependson")).containsExactly(SVC);
  }

  @Test
  void p7_removingTheRefThatSortsFirstInARowReprocessesTheOtherSide() {
    provider.full(svc(), db(), group("team-a"));
    engine.runUntilIdle();
    Instant now = clock.advance(Duration.ofMinutes(5));

    provider.full(svc(), group("team-a")); // db goes: svc's relation to it is held by a row whose source is db

    assertThat(exists("db")).isFalse();
    assertThat(state("svc").nextUpdateAt()).as("svc is a relation peer of the removal")
        .isEqualTo(now.plusMillis(MarkForReprocessing.PEER_DELAY_MILLIS));
    engine.runUntilIdle();
    assertThat(relationsOf(TEAM)).doesNotContain(DB);
  }

  @Test
  void rowsOfTheOneRelationLayoutAreReadAndReplacedOnTheNextWrite() {
    provider.full(db(), group("team-a"));
    engine.runUntilIdle();
    // db's relations as a store before schema V3 wrote them: one row per relation
    String db = state("db").entityId();
    f.db.exec("DELETE FROM " + f.t("relations") + " WHERE originating_entity_id = ?", db);
    f.db.exec("INSERT INTO " + f.t("relations") + " (originating_entity_id, source_entity_ref, type,"
        + " target_entity_ref) VALUES (?, ?, ?, ?), (?, ?, ?, ?)", db, DB, "ownedBy", TEAM, db, TEAM, "ownerOf", DB);
    assertThat(store.statistics().relations()).isEqualTo(2);
    assertThat(queryRefs("relations.ownerof=" + DB)).containsExactly(TEAM);

    // a changed db is processed again: its unchanged relations now share a row
    clock.advance(Duration.ofMinutes(5));
    provider.full(db().with(j -> ((ObjectNode) j.get("metadata")).put("description", "changed")),
        group("team-a"));
    engine.runUntilIdle();

    assertThat(rowsOf("db")).containsExactly(
        "source_entity_ref=" + DB + " | type=ownedBy | target_entity_ref=" + TEAM + " | reverse_type=ownerOf");
    assertThat(relationsOf(TEAM)).contains("\"targetRef\":\"" + DB + "\",\"type\":\"ownerOf\"");
    assertThat(queryRefs("relations.ownerof=" + DB)).containsExactly(TEAM);
  }
}
