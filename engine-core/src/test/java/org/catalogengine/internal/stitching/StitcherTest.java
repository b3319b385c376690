package org.catalogengine.internal.stitching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.catalogengine.spi.storage.ConflictRecord;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StitcherTest {

  private static final String UID = "0b1c2d3e-0000-4000-8000-000000000001";
  private static final EntityRef SELF = EntityRef.parse("component:default/petstore");

  private static Entity petstore(String extraMetadata) {
    return Entity.parse("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component",
         "metadata":{"name":"petstore"%s},
         "spec":{"type":"service","owner":"team-a","lifecycle":"production"}}"""
        .formatted(extraMetadata.isEmpty() ? "" : "," + extraMetadata));
  }

  private static StitchResult.Stitched stitched(StitchInput input) {
    StitchResult result = Stitcher.stitch(input);
    assertThat(result).isInstanceOf(StitchResult.Stitched.class);
    return (StitchResult.Stitched) result;
  }

  private static JsonNode finalJson(StitchInput input) {
    return CanonicalJson.MAPPER.readTree(stitched(input).finalJson());
  }

  private static Relation rel(String type, String target) {
    return new Relation(SELF, type, EntityRef.parse(target));
  }

  @Test
  void cs55_etagEqualsHashAndUnchangedBodyIsNotRewritten() {
    StitchInput input = StitchInput.of(UID, petstore(""), List.of(rel("ownedBy", "group:default/team-a")));

    StitchResult.Stitched first = stitched(input);
    Entity entity = first.entity();

    assertThat(entity.etag()).contains(first.hash());
    assertThat(entity.uid()).contains(UID);
    assertThat(Stitcher.stitch(input.withPreviousHash(first.hash())))
        .isEqualTo(new StitchResult.Unchanged(first.hash()));
  }

  @Test
  void stitch_hashCoversBodyWithUidButWithoutGeneratedEtag() {
    StitchResult.Stitched result = stitched(StitchInput.of(UID, petstore(""), List.of()));

    ObjectNode withoutEtag = result.entity().toJson();
    ((ObjectNode) withoutEtag.get("metadata")).remove("etag");

    assertThat(result.hash()).isEqualTo(CanonicalJson.sha1(withoutEtag));
    assertThat(withoutEtag.at("/metadata/uid").stringValue()).isEqualTo(UID);
  }

  @Test
  void stitch_finalJsonIsCanonicalWithEtagInKeyOrder() {
    // metadata keys on both sides of "etag" exercise the splice between them
    Entity e = petstore("\"annotations\":{\"a\":\"1\"},\"description\":\"d\",\"title\":\"T\"");

    StitchResult.Stitched result = stitched(StitchInput.of(UID, e, List.of()));

    assertThat(result.finalJson()).isEqualTo(CanonicalJson.toJson(result.entity().toJson()));
    assertThat(result.finalJson()).contains("\"description\":\"d\",\"etag\":\"" + result.hash() + "\",\"name\"");
  }

  @Test
  void stitch_etagGoesFirstWhenNoMetadataKeySortsBeforeIt() {
    StitchResult.Stitched result = stitched(StitchInput.of(UID, petstore(""), List.of()));

    assertThat(result.finalJson()).contains("\"metadata\":{\"etag\":\"" + result.hash() + "\",\"name\"");
    assertThat(result.finalJson()).isEqualTo(CanonicalJson.toJson(result.entity().toJson()));
  }

  @Test
  void stitch_etagFromSourceIsKeptAndHashed() {
    StitchResult.Stitched result = stitched(StitchInput.of(UID, petstore("\"etag\":\"source-etag\""), List.of()));

    assertThat(result.entity().etag()).contains("source-etag");
    assertThat(result.hash()).isEqualTo(CanonicalJson.sha1(result.entity().toJson()));
  }

  @Test
  void stitch_uidIsTheEntityIdEvenWhenTheProcessedEntityCarriesAnother() {
    StitchResult.Stitched result = stitched(StitchInput.of(UID, petstore("\"uid\":\"stale\""), List.of()));

    assertThat(result.entity().uid()).contains(UID);
  }

  @Test
  void stitch_changedRelationsChangeTheHash() {
    StitchInput input = StitchInput.of(UID, petstore(""), List.of());
    String before = stitched(input).hash();

    StitchInput withRelation = StitchInput.of(UID, petstore(""), List.of(rel("ownedBy", "group:default/team-a")));

    assertThat(Stitcher.stitch(withRelation.withPreviousHash(before))).isInstanceOf(StitchResult.Stitched.class);
  }

  @Test
  void cs45_orphanFlagAddsOrphanAnnotation() {
    StitchInput input = new StitchInput(UID, petstore("\"annotations\":{\"x\":\"y\"}"), List.of(), List.of(),
        true, List.of(), null);

    JsonNode json = finalJson(input);

    assertThat(json.at("/metadata/annotations/backstage.io~1orphan").stringValue()).isEqualTo("true");
    assertThat(json.at("/metadata/annotations/x").stringValue()).isEqualTo("y");
  }

  @Test
  void stitch_nonOrphanGetsNoOrphanAnnotation() {
    JsonNode json = finalJson(StitchInput.of(UID, petstore(""), List.of()));

    assertThat(json.at("/metadata/annotations").isMissingNode()).isTrue();
  }

  @Test
  void cs52_javascriptViewUrlIsReplaced() {
    JsonNode json = finalJson(StitchInput.of(UID,
        petstore("\"annotations\":{\"backstage.io/view-url\":\"javascript:alert(1)\"}"), List.of()));

    assertThat(json.at("/metadata/annotations/backstage.io~1view-url").stringValue())
        .isEqualTo(Stitcher.REJECTED_URL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"  javascript:alert(1)", "\u0001\u001f javascript:x", "java\tscript:x",
      "JavaScript:x", "j\na\rv\ta\nscript\t:x", "\n\tJAVASCRIPT:void(0)"})
  void b8_obfuscatedJavascriptEditUrlIsReplaced(String url) {
    ObjectNode annotations = CanonicalJson.MAPPER.createObjectNode().put("backstage.io/edit-url", url);
    Entity e = petstore("").with(j -> ((ObjectNode) j.get("metadata")).set("annotations", annotations));

    JsonNode json = finalJson(StitchInput.of(UID, e, List.of()));

    assertThat(json.at("/metadata/annotations/backstage.io~1edit-url").stringValue())
        .isEqualTo(Stitcher.REJECTED_URL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://github.com/org/repo/blob/main/catalog-info.yaml", "java script:x",
      "javascript", "xjavascript:x", "/javascript:relative"})
  void b8_otherUrlsAreUntouched(String url) {
    ObjectNode annotations = CanonicalJson.MAPPER.createObjectNode()
        .put("backstage.io/view-url", url).put("backstage.io/edit-url", url);
    Entity e = petstore("").with(j -> ((ObjectNode) j.get("metadata")).set("annotations", annotations));

    JsonNode json = finalJson(StitchInput.of(UID, e, List.of()));

    assertThat(json.at("/metadata/annotations/backstage.io~1view-url").stringValue()).isEqualTo(url);
    assertThat(json.at("/metadata/annotations/backstage.io~1edit-url").stringValue()).isEqualTo(url);
  }

  @Test
  void b8_otherAnnotationsAreNotSanitized() {
    JsonNode json = finalJson(StitchInput.of(UID,
        petstore("\"annotations\":{\"example.com/link\":\"javascript:alert(1)\"}"), List.of()));

    assertThat(json.at("/metadata/annotations/example.com~1link").stringValue()).isEqualTo("javascript:alert(1)");
  }

  @Test
  void stitch_errorsBecomeStatusItemsAfterExistingItems() {
    Entity e = petstore("").with(j -> j.putObject("status").putArray("items").addObject()
        .put("type", "example.com/custom").put("level", "info").put("message", "kept"));
    List<ProcessingError> errors = List.of(
        ProcessingError.of("InputError", "Missing spec.owner"),
        new ProcessingError("NotFoundError", "No file", "{\"name\":\"NotFoundError\",\"message\":\"No file\","
            + "\"stack\":\"at x\"}"));

    JsonNode items = finalJson(new StitchInput(UID, e, List.of(), errors, false, List.of(), null))
        .at("/status/items");

    assertThat(items).hasSize(3);
    assertThat(items.get(0).get("message").stringValue()).isEqualTo("kept");
    assertThat(items.get(1).get("type").stringValue()).isEqualTo(Stitcher.PROCESSING_STATUS_TYPE);
    assertThat(items.get(1).get("level").stringValue()).isEqualTo("error");
    assertThat(items.get(1).get("message").stringValue()).isEqualTo("InputError: Missing spec.owner");
    assertThat(items.get(1).get("error")).isEqualTo(CanonicalJson.MAPPER.readTree(
        "{\"name\":\"InputError\",\"message\":\"Missing spec.owner\"}"));
    assertThat(items.get(2).get("message").stringValue()).isEqualTo("NotFoundError: No file");
    assertThat(items.get(2).at("/error/stack").stringValue()).isEqualTo("at x");
  }

  @Test
  void stitch_damagedSerializedErrorFallsBackToNameAndMessage() {
    List<ProcessingError> errors = List.of(new ProcessingError("Error", "boom", "{not json"));

    JsonNode item = finalJson(new StitchInput(UID, petstore(""), List.of(), errors, false, List.of(), null))
        .at("/status/items/0");

    assertThat(item.at("/error/name").stringValue()).isEqualTo("Error");
    assertThat(item.at("/error/message").stringValue()).isEqualTo("boom");
  }

  @Test
  void stitch_relationsAreDistinctAndSortedByTypeThenTarget() {
    List<Relation> relations = List.of(
        rel("ownedBy", "group:default/team-b"),
        rel("dependsOn", "resource:default/db"),
        rel("ownedBy", "group:default/team-a"),
        rel("ownedBy", "group:default/team-b"),
        rel("dependsOn", "component:default/auth"));

    JsonNode json = finalJson(StitchInput.of(UID, petstore(""), relations));

    assertThat(json.get("relations")).isEqualTo(CanonicalJson.MAPPER.readTree("""
        [{"type":"dependsOn","targetRef":"component:default/auth"},
         {"type":"dependsOn","targetRef":"resource:default/db"},
         {"type":"ownedBy","targetRef":"group:default/team-a"},
         {"type":"ownedBy","targetRef":"group:default/team-b"}]"""));
  }

  @Test
  void stitch_relationsOfTheProcessedEntityAreReplaced() {
    Entity e = petstore("").with(j -> j.putArray("relations").addObject()
        .put("type", "stale").put("targetRef", "group:default/old"));

    JsonNode json = finalJson(StitchInput.of(UID, e, List.of()));

    assertThat(json.get("relations")).isEmpty();
  }

  @Test
  void stitch_conflictShowsAsWarningStatusItemOnTheWinner() {
    ConflictRecord conflict = new ConflictRecord(SELF, "provider:github-provider",
        "url:https://git/a/catalog-info.yaml", "url:https://git/b/catalog-info.yaml", Instant.parse("2026-11-01T10:00:00Z"),
        Instant.parse("2026-11-20T10:00:00Z"), 7);

    JsonNode items = finalJson(new StitchInput(UID, petstore(""), List.of(),
        List.of(ProcessingError.of("InputError", "x")), false, List.of(conflict), null)).at("/status/items");

    assertThat(items).hasSize(2);
    JsonNode item = items.get(1);
    assertThat(item.get("type").stringValue()).isEqualTo(Stitcher.CONFLICT_STATUS_TYPE);
    assertThat(item.get("level").stringValue()).isEqualTo("warning");
    assertThat(item.get("message").stringValue())
        .contains("url:https://git/b/catalog-info.yaml", "github-provider", "url:https://git/a/catalog-info.yaml");
    assertThat(item.at("/error/rejectedLocationKey").stringValue()).isEqualTo("url:https://git/b/catalog-info.yaml");
  }

  @Test
  void stitch_conflictSeenAgainDoesNotChangeTheFinalEntity() {
    Instant first = Instant.parse("2026-11-01T10:00:00Z");
    ConflictRecord once = new ConflictRecord(SELF, "entity:component:default/parent", "url:a", null, first, first, 1);
    ConflictRecord again = new ConflictRecord(SELF, "entity:component:default/parent", "url:a", null, first,
        first.plusSeconds(3600), 2);
    String hash = stitched(new StitchInput(UID, petstore(""), List.of(), List.of(), false, List.of(once), null))
        .hash();

    StitchResult result = Stitcher.stitch(
        new StitchInput(UID, petstore(""), List.of(), List.of(), false, List.of(again), hash));

    assertThat(result).isEqualTo(new StitchResult.Unchanged(hash));
  }

  @Test
  void cs60_keysThatDifferOnlyInCaseFailTheStitch() {
    Entity e = Entity.parse("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"petstore"},
         "spec":{"owner":"a","OWNER":"b"}}""");

    StitchResult result = Stitcher.stitch(StitchInput.of(UID, e, List.of()));

    assertThat(result).isInstanceOf(StitchResult.Failed.class);
    assertThat(((StitchResult.Failed) result).reason())
        .startsWith("Entity has duplicate keys that vary only in casing")
        .contains("'spec.owner'", "component:default/petstore");
  }

  @Test
  void stitch_relationTypesThatDifferOnlyInCaseFail() {
    StitchResult result = Stitcher.stitch(StitchInput.of(UID, petstore(""),
        List.of(rel("dup", "group:default/a"), rel("DUP", "group:default/b"))));

    assertThat(result).isInstanceOf(StitchResult.Failed.class);
    assertThat(((StitchResult.Failed) result).reason()).contains("'relations.dup'");
  }

  @Test
  void stitch_searchRowsDescribeTheFinalEntity() {
    StitchResult.Stitched result = stitched(StitchInput.of(UID, petstore(""),
        List.of(rel("ownedBy", "group:default/team-a"))));

    assertThat(result.searchRows()).contains(
        new SearchRow("metadata.name", "petstore", "petstore"),
        new SearchRow("spec.owner", "team-a", "team-a"),
        new SearchRow("kind", "component", "Component"));
    assertThat(result.searchRows()).noneMatch(r -> r.key().startsWith("metadata.etag")
        || r.key().startsWith("relations") || r.key().equals("metadata.uid"));
  }

  @Test
  void stitchInput_rejectsRelationFromAnotherEntity() {
    Relation foreign = new Relation(EntityRef.parse("component:default/other"), "ownedBy",
        EntityRef.parse("group:default/a"));

    assertThatThrownBy(() -> StitchInput.of(UID, petstore(""), List.of(foreign)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component:default/other");
  }
}
