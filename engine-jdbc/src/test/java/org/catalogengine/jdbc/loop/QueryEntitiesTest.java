package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.query.EntityFilter.allOf;
import static org.catalogengine.query.EntityFilter.anyOf;
import static org.catalogengine.query.EntityFilter.not;
import static org.catalogengine.query.EntityFilter.valueIn;

import java.util.List;
import java.util.Locale;
import org.catalogengine.CatalogEngine;
import org.catalogengine.error.InputException;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.query.EntityFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code CatalogStore.queryEntities} (spec R2) on every backend, over entities that went through the real engine:
 * processed (built-in relations), stitched, with the search and relation rows the stitcher wrote.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.catalogengine.jdbc.testing.Backend#all")
class QueryEntitiesTest extends StoreTestBase {

  private static final String PETSTORE = "component:default/petstore";
  private static final String WEBSITE = "component:default/website";
  private static final String LEGACY = "component:default/legacy";
  private static final String API = "api:default/petstore-api";
  private static final String TEAM_A = "group:default/team-a";
  private static final String TEAM_B = "group:default/team-b";
  private static final List<String> EVERY = List.of(API, LEGACY, PETSTORE, WEBSITE, TEAM_A, TEAM_B);

  @Parameter
  Backend backend;

  final LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
  CatalogEngine engine;

  @Override
  protected Backend backend() {
    return backend;
  }

  private static ObjectNode component(String name, String type, String lifecycle, String owner) {
    ObjectNode json = LoopEntities.base("Component", name);
    json.putObject("spec").put("type", type).put("lifecycle", lifecycle).put("owner", owner);
    return json;
  }

  /** Six entities with the shapes the filters below tell apart. */
  private static Entity[] catalog() {
    ObjectNode petstore = component("petstore", "service", "production", "team-a");
    ((ObjectNode) petstore.get("spec")).put("system", "shop");
    ObjectNode petstoreMeta = (ObjectNode) petstore.get("metadata");
    petstoreMeta.put("description", "");
    ArrayNode tags = petstoreMeta.putArray("tags");
    tags.add("java");
    tags.add("web");

    ObjectNode website = component("website", "website", "Experimental", "team-b");
    ((ObjectNode) website.get("metadata")).put("description", "The shop front");
    ((ObjectNode) website.get("metadata")).putArray("tags").add("typescript");

    ObjectNode legacy = component("legacy", "service", "deprecated", "team-a");
    ((ObjectNode) legacy.get("spec")).putNull("retired");
    ((ObjectNode) legacy.get("spec")).putArray("aliases").add("legacy.v1").add("Old.Shop");

    ObjectNode api = LoopEntities.base("API", "petstore-api");
    api.putObject("spec").put("type", "openapi").put("lifecycle", "production").put("owner", "team-a")
        .put("definition", "openapi: 3.0.0");

    return new Entity[] {Entity.of(petstore), Entity.of(website), Entity.of(legacy), Entity.of(api),
        LoopEntities.group("team-a"), LoopEntities.group("team-b")};
  }

  @BeforeEach
  void ingest() {
    engine = CatalogEngine.builder().store(store).provider(provider).allowAllKinds().clock(clock).build();
    engine.runUntilIdle(); // connects the provider
    provider.full(catalog());
    engine.runUntilIdle();
    assertThat(refs(store.finalEntities(null, 100))).as("every entity stitched").containsExactlyElementsOf(EVERY);
  }

  private List<String> query(EntityFilter filter) {
    return queryRefs(filter);
  }

  private List<String> query(String... params) {
    return queryRefs(params);
  }

  private static List<String> refs(List<Entity> entities) {
    return entities.stream().map(e -> e.ref().toString()).toList();
  }

  private String uid(String ref) {
    return store.finalEntity(EntityRef.parse(ref)).orElseThrow().toJson().at("/metadata/uid").stringValue();
  }

  // ------------------------------------------------------------------------------------------ key = value

  @Test
  void r2_keyValueMatchesTheSearchRow() {
    assertThat(query("kind=component")).containsExactly(LEGACY, PETSTORE, WEBSITE);
    assertThat(query("spec.lifecycle=production")).containsExactly(API, PETSTORE);
  }

  @Test
  void r2_statementsOfOneParamAreAnded() {
    assertThat(query("kind=component,spec.type=service,spec.lifecycle=production")).containsExactly(PETSTORE);
  }

  @Test
  void r2_keyAndValueAreCaseInsensitive() {
    // the stored value is "Experimental"; search rows are lower-cased, and so is the filter
    assertThat(query("KIND=Component,Spec.Lifecycle=EXPERIMENTAL")).containsExactly(WEBSITE);
    assertThat(query(valueIn("Metadata.Name", "PetStore"))).containsExactly(PETSTORE);
  }

  @Test
  void r2_repeatedKeyOrsValues() {
    assertThat(query("spec.type=website,spec.type=openapi")).containsExactly(API, WEBSITE);
    assertThat(query("kind=component,spec.lifecycle=experimental,spec.lifecycle=deprecated"))
        .containsExactly(LEGACY, WEBSITE);
  }

  @Test
  void r2_severalParamsAreOred() {
    assertThat(query("kind=api", "spec.lifecycle=deprecated")).containsExactly(API, LEGACY);
    assertThat(query("kind=group,metadata.name=team-b", "spec.owner=team-b")).containsExactly(WEBSITE, TEAM_B);
  }

  @Test
  void r2_unknownKeyOrValueMatchesNothing() {
    assertThat(query("kind=domain")).isEmpty();
    assertThat(query("spec.nothing")).isEmpty();
    assertThat(query("kind=component' OR '1'='1")).as("values are bound, not spliced").isEmpty();
  }

  // --------------------------------------------------------------------------------------- exists, "", null

  @Test
  void r2_bareKeyMatchesEntitiesThatHaveTheKey() {
    assertThat(query("spec.system")).containsExactly(PETSTORE);
    assertThat(query("metadata.description")).containsExactly(PETSTORE, WEBSITE);
  }

  @Test
  void r2_bareKeyMatchesAKeyWhoseValueIsNull() {
    assertThat(query("spec.retired")).containsExactly(LEGACY);
    assertThat(query("spec.retired=")).as("null is not the empty string").isEmpty();
    assertThat(query("spec.retired=null")).isEmpty();
  }

  @Test
  void r2_emptyValueMatchesTheEmptyString() {
    assertThat(query("metadata.description=")).containsExactly(PETSTORE);
  }

  @Test
  void r2_tagsMatchAsKeysAndAsValues() {
    assertThat(query("metadata.tags.java")).containsExactly(PETSTORE);
    assertThat(query("metadata.tags.java=true")).containsExactly(PETSTORE);
    assertThat(query("metadata.tags=typescript")).containsExactly(WEBSITE);
    assertThat(query("metadata.tags.Web", "metadata.tags.typescript")).containsExactly(PETSTORE, WEBSITE);
  }

  @Test
  void t9_elementKeysAreAnsweredFromTheElementsOwnRows() {
    assertThat(f.db.single("SELECT COUNT(*) FROM " + f.t("search") + " WHERE search_key LIKE 'metadata.tags.%'"))
        .as("no row of their own (schema V4)").isZero();
    assertThat(query("metadata.tags.java=false")).isEmpty();
    assertThat(query("metadata.tags.java=true", "metadata.tags.java=false")).containsExactly(PETSTORE);
    assertThat(query(not(EntityFilter.exists("metadata.tags.web")))).containsExactly(API, LEGACY, WEBSITE, TEAM_A,
        TEAM_B);
    assertThat(query("spec.owner.team-a")).as("a plain string value implies no key").isEmpty();
    assertThat(query("spec.owner=team-a")).containsExactly(API, LEGACY, PETSTORE);
  }

  @Test
  void t9_elementsWithDotsMatchAtTheirOwnSplitOfTheKey() {
    assertThat(query("spec.aliases.legacy.v1")).containsExactly(LEGACY);
    assertThat(query("spec.aliases.old.shop=true")).containsExactly(LEGACY);
    assertThat(query("spec.aliases=old.shop")).containsExactly(LEGACY);
    assertThat(query("spec.aliases.legacy")).isEmpty();
    assertThat(query("spec.aliases.legacy.v1.x")).isEmpty();
  }

  @Test
  void t9_elementKeyRowsOfTheEarlierLayoutStillMatch() {
    // a store before schema V4 wrote <path>.<element> = true as a row of its own
    f.db.exec("INSERT INTO " + f.t("search") + " (entity_id, search_key, search_value) VALUES (?, ?, ?)",
        state("petstore").entityId(), "metadata.tags.kotlin", "true");

    assertThat(query("metadata.tags.kotlin")).containsExactly(PETSTORE);
    assertThat(query("metadata.tags.kotlin=true", "metadata.tags.typescript")).containsExactly(PETSTORE, WEBSITE);

    // the next stitch of a changed petstore writes its rows as they are now: the stray row goes
    Entity[] changed = catalog();
    changed[0] = changed[0].with(j -> ((ObjectNode) j.get("metadata")).put("description", "changed"));
    provider.full(changed);
    engine.runUntilIdle();

    assertThat(query("metadata.tags.kotlin")).isEmpty();
    assertThat(query("metadata.tags.java")).containsExactly(PETSTORE);
  }

  // ------------------------------------------------------------------------------- relations.* and the uid

  @Test
  void r2_relationFilterIsAnsweredFromTheRelationsTable() {
    assertThat(query("relations.ownedby=group:default/team-a")).containsExactly(API, LEGACY, PETSTORE);
    assertThat(query("relations.partof=system:default/shop")).as("a dangling target").containsExactly(PETSTORE);
    assertThat(query("relations.ownedby=group:default/team-a,kind=component,spec.type=service"))
        .containsExactly(LEGACY, PETSTORE);
  }

  @Test
  void r2_relationTypeAndTargetAreCaseInsensitive() {
    // stored type "ownedBy"; the group's ownerOf rows were made by processing the components
    assertThat(query("Relations.OwnedBy=Group:Default/Team-B")).containsExactly(WEBSITE);
    assertThat(query("relations.OWNEROF=component:default/petstore")).containsExactly(TEAM_A);
  }

  @Test
  void r2_relationValuesAreOred() {
    assertThat(query("relations.ownedby=group:default/team-b,relations.ownedby=group:default/nobody",
        // system:default/shop has this relation (made by processing petstore) but is no entity, so no final body
        "relations.hasPart=component:default/petstore")).containsExactly(WEBSITE);
  }

  @Test
  void r2_relationTypeExists() {
    assertThat(query("relations.ownerof")).containsExactly(TEAM_A, TEAM_B);
    assertThat(query("relations.partof")).containsExactly(PETSTORE);
    assertThat(query("relations.memberof")).isEmpty();
    assertThat(query("relations")).as("relations are not a search key of their own").isEmpty();
  }

  @Test
  void r2_relationFilterAgreesWithTheStitchedRelations() {
    for (Entity e : store.finalEntities(null, 100)) {
      for (var relation : e.toJson().path("relations")) {
        String key = "relations." + relation.path("type").stringValue();
        String target = relation.path("targetRef").stringValue();
        assertThat(query(key + "=" + target)).as(key + "=" + target).contains(e.ref().toString());
      }
    }
  }

  @Test
  void r2_uidFilterIsAnsweredFromTheEntityId() {
    String uid = uid(WEBSITE);

    assertThat(query("metadata.uid=" + uid)).containsExactly(WEBSITE);
    assertThat(query("metadata.uid=" + uid.toUpperCase(Locale.ROOT))).containsExactly(WEBSITE);
    assertThat(query("metadata.uid=" + uid + ",metadata.uid=" + uid(TEAM_A))).containsExactly(WEBSITE, TEAM_A);
    assertThat(query("metadata.uid=" + uid + ",kind=api")).isEmpty();
    assertThat(query("metadata.uid=00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  @Test
  void r2_everyEntityHasAUid() {
    assertThat(query("metadata.uid")).containsExactlyElementsOf(EVERY);
    assertThat(query(not(EntityFilter.exists("metadata.uid")))).isEmpty();
  }

  // ----------------------------------------------------------------------------------- not, anyOf, allOf

  @Test
  void not_matchesEntitiesWithoutTheKey() {
    // groups have no spec.lifecycle row at all; they match the negation
    assertThat(query(not(valueIn("spec.lifecycle", "production")))).containsExactly(LEGACY, WEBSITE, TEAM_A, TEAM_B);
    assertThat(query(not(EntityFilter.exists("spec.lifecycle")))).containsExactly(TEAM_A, TEAM_B);
    assertThat(query(not(EntityFilter.exists("spec.retired")))).containsExactly(API, PETSTORE, WEBSITE, TEAM_A, TEAM_B);
  }

  @Test
  void not_ofARelationFilterMatchesEntitiesWithoutRelationsOfThatType() {
    assertThat(query(not(valueIn("relations.ownedby", "group:default/team-a"))))
        .containsExactly(WEBSITE, TEAM_A, TEAM_B);
    assertThat(query(not(valueIn("metadata.uid", uid(PETSTORE))))).containsExactly(API, LEGACY, WEBSITE, TEAM_A,
        TEAM_B);
  }

  @Test
  void not_twiceIsTheFilter() {
    assertThat(query(not(not(valueIn("kind", "component"))))).containsExactly(LEGACY, PETSTORE, WEBSITE);
  }

  @Test
  void nesting_anyOfInsideAllOfInsideNot() {
    EntityFilter ownedByTeamAButNotDeprecated = allOf(
        valueIn("relations.ownedby", "group:default/team-a"),
        not(anyOf(valueIn("spec.lifecycle", "deprecated"), EntityFilter.exists("metadata.tags.java"))));
    assertThat(query(ownedByTeamAButNotDeprecated)).containsExactly(API);

    EntityFilter groupsOrExperimental = anyOf(valueIn("kind", "group"),
        allOf(valueIn("kind", "component"), not(valueIn("spec.lifecycle", "production", "deprecated"))));
    assertThat(query(groupsOrExperimental)).containsExactly(WEBSITE, TEAM_A, TEAM_B);
    assertThat(query(not(groupsOrExperimental))).containsExactly(API, LEGACY, PETSTORE);
  }

  @Test
  void emptyAllOfMatchesEverythingAndEmptyAnyOfNothing() {
    assertThat(query(EntityFilter.ALL)).containsExactlyElementsOf(EVERY);
    assertThat(query(anyOf())).isEmpty();
    assertThat(query(not(anyOf()))).containsExactlyElementsOf(EVERY);
    assertThat(query(allOf(valueIn("kind", "api"), allOf()))).containsExactly(API);
  }

  // -------------------------------------------------------------------------------------------- paging

  @Test
  void queryEntities_pagesByRefAfterTheGivenRef() {
    EntityFilter components = valueIn("kind", "component");

    List<Entity> first = store.queryEntities(components, null, 2);
    List<Entity> second = store.queryEntities(components, first.get(1).ref(), 2);
    List<Entity> third = store.queryEntities(components, second.get(0).ref(), 2);

    assertThat(refs(first)).containsExactly(LEGACY, PETSTORE);
    assertThat(refs(second)).containsExactly(WEBSITE);
    assertThat(third).isEmpty();
  }

  @Test
  void queryEntities_afterARefThatIsNotInTheResult() {
    // keyset paging needs only the order: "after" may name any ref, even one the filter excludes
    assertThat(refs(store.queryEntities(EntityFilter.ALL, EntityRef.parse("component:default/m"), 3)))
        .containsExactly(PETSTORE, WEBSITE, TEAM_A);
  }

  @Test
  void queryEntities_returnsTheStitchedBodies() {
    Entity petstore = store.queryEntities(valueIn("metadata.name", "petstore"), null, 1).get(0);

    assertThat(petstore).isEqualTo(store.finalEntity(EntityRef.parse(PETSTORE)).orElseThrow());
    assertThat(petstore.toJson().at("/metadata/uid").stringValue()).isEqualTo(state("petstore").entityId());
  }

  // ------------------------------------------------------------------------------ not stitched, bad input

  @Test
  void r2_entitiesWithoutAFinalBodyAreNotReturned() {
    // a final row whose body is null (the schema allows it: "not stitched yet"), its search rows still there
    f.db.exec("UPDATE " + f.t("final_entities") + " SET final_entity = NULL WHERE entity_ref = ?", LEGACY);
    // and an entity the provider sent that has not been processed or stitched at all
    List<Entity> sent = new java.util.ArrayList<>(List.of(catalog()));
    sent.add(Entity.of(component("newcomer", "service", "production", "team-a")));
    provider.full(sent.toArray(Entity[]::new));
    assertThat(exists("newcomer")).isTrue();

    assertThat(query("kind=component")).containsExactly(PETSTORE, WEBSITE);
    assertThat(query("spec.retired")).isEmpty();
    assertThat(query(not(valueIn("kind", "group")))).containsExactly(API, PETSTORE, WEBSITE);
    assertThat(query(EntityFilter.ALL)).containsExactly(API, PETSTORE, WEBSITE, TEAM_A, TEAM_B);
  }

  @Test
  void queryEntities_limitMustBePositive() {
    assertThatThrownBy(() -> store.queryEntities(EntityFilter.ALL, null, 0))
        .isInstanceOf(InputException.class).hasMessage("limit must be at least 1, got 0");
    assertThatThrownBy(() -> store.queryEntities(EntityFilter.ALL, null, -5))
        .isInstanceOf(InputException.class).hasMessageContaining("limit");
  }

  @Test
  void queryEntities_nullFilterIsRejected() {
    assertThatThrownBy(() -> store.queryEntities(null, null, 10))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("filter");
  }

  @Test
  void parse_badInputFailsBeforeTheQuery() {
    assertThatThrownBy(() -> query("kind=component,,spec.type=service"))
        .isInstanceOf(InputException.class).hasMessageContaining("statement #2 of 3 is empty");
    assertThatThrownBy(() -> query("kind=component", " "))
        .isInstanceOf(InputException.class).hasMessageContaining("filter parameter #2");
    assertThatThrownBy(() -> query("=component"))
        .isInstanceOf(InputException.class).hasMessageContaining("'=component'");
  }

  @Test
  void r2_overlongKeysAndValuesMatchNothingAndFailNothing() {
    // search keys and values are at most 200 characters (T10); longer filter text simply finds no row
    String longText = "x".repeat(300);
    assertThat(query("kind=" + longText)).isEmpty();
    assertThat(query(longText)).isEmpty();
    assertThat(query(not(valueIn("relations." + longText, longText)))).containsExactlyElementsOf(EVERY);
  }
}
