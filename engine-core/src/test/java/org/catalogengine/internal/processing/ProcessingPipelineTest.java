package org.catalogengine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.internal.processing.Fixtures.component;
import static org.catalogengine.internal.processing.Fixtures.json;
import static org.catalogengine.internal.processing.Fixtures.location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessingResult;
import org.catalogengine.spi.provider.DeferredEntity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;

class ProcessingPipelineTest {

  private static final String ROOT = "url:https://git/org/repo/blob/main/catalog-info.yaml";

  private final FakeUrlReader urls = new FakeUrlReader("url");

  private ProcessingPipeline pipeline(CatalogProcessor... processors) {
    return pipeline(CatalogRules.allowAll(), processors);
  }

  private ProcessingPipeline pipeline(CatalogRules rules, CatalogProcessor... processors) {
    return ProcessingPipeline.builder()
        .readers(List.of(urls))
        .rules(rules)
        .processors(List.of(processors))
        .build();
  }

  private static List<String> errorNames(PipelineOutput out) {
    return out.errors().stream().map(ProcessingError::name).toList();
  }

  private static String errorText(PipelineOutput out) {
    return out.errors().toString();
  }

  @Test
  void run_validComponentIsOkAndCompleted() {
    PipelineOutput out = pipeline().run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.ok()).as(errorText(out)).isTrue();
    assertThat(out.completed()).get().extracting(Entity::ref)
        .isEqualTo(EntityRef.parse("component:default/petstore"));
    assertThat(out.errors()).isEmpty();
    assertThat(out.resultHash()).hasSize(40);
  }

  @Test
  void run_brokenEnvelopeFailsWithEnvelopeError() {
    PipelineOutput out = pipeline().run(PipelineInput.of(json("{\"kind\":\"Component\",\"metadata\":{}}")));

    assertThat(out.ok()).isFalse();
    assertThat(out.completed()).isEmpty();
    assertThat(errorText(out)).contains("Entity envelope failed validation before processing");
  }

  @Test
  void run_missingLocationAnnotationIsInputError() {
    ObjectNode e = component("petstore", ROOT);
    ((ObjectNode) e.get("metadata").get("annotations")).remove(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION);

    PipelineOutput out = pipeline().run(PipelineInput.of(e));

    assertThat(out.ok()).isFalse();
    assertThat(errorNames(out)).containsExactly("InputError");
    assertThat(errorText(out)).contains("component:default/petstore")
        .contains(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION);
  }

  @Test
  void cs08_unknownKindIsNotRecognised() {
    ObjectNode e = json("""
        {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"gizmo","annotations":{}}}""");
    Fixtures.annotate(e, ROOT, ROOT);

    PipelineOutput out = pipeline().run(PipelineInput.of(e));

    assertThat(out.ok()).isFalse();
    assertThat(errorText(out)).contains("No processor recognized the entity widget:default/gizmo as valid");
  }

  @Test
  void validateEntityKind_customProcessorRecognisesItsKind() {
    ObjectNode e = json("""
        {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"gizmo","annotations":{}}}""");
    Fixtures.annotate(e, ROOT, ROOT);

    PipelineOutput out = pipeline(new ScriptedProcessor("widgets").kinds(x -> x.kind().equals("Widget")))
        .run(PipelineInput.of(e));

    assertThat(out.ok()).as(errorText(out)).isTrue();
  }

  @Test
  void cs36_processorChangingTheNameFailsTheRun() {
    ScriptedProcessor renamer = new ScriptedProcessor("renamer")
        .pre((e, emit, cache) -> e.with(j -> ((ObjectNode) j.get("metadata")).put("name", "other")));

    PipelineOutput out = pipeline(renamer).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(errorNames(out)).containsExactly("ConflictError");
    assertThat(errorText(out)).contains("kind, namespace, or name changed during processing")
        .contains("component:default/petstore");
  }

  @Test
  void preProcess_throwNamesTheProcessor() {
    ScriptedProcessor thrower = new ScriptedProcessor("thrower").pre((e, emit, cache) -> {
      throw new IllegalStateException("disk on fire");
    });

    PipelineOutput out = pipeline(thrower).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(errorText(out)).contains("Processor thrower threw an error while preprocessing: disk on fire");
  }

  @Test
  void postProcess_throwFailsTheRunAndDropsItsChildren() {
    ScriptedProcessor p = new ScriptedProcessor("late").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.entity(LocationSpec.parse(ROOT),
          Entity.of(component("child", ROOT))));
      throw new IllegalArgumentException("nope");
    });

    PipelineOutput out = pipeline(p).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(out.children()).isEmpty();
    assertThat(errorText(out)).contains("Processor late threw an error while postprocessing: nope");
  }

  @Test
  void emittedError_makesTheRunNotOk() {
    ScriptedProcessor p = new ScriptedProcessor("complainer").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.inputError(LocationSpec.parse(ROOT), "bad thing in catalog-info.yaml"));
      return e;
    });

    PipelineOutput out = pipeline(p).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(out.errors()).containsExactly(new ProcessingError("InputError", "bad thing in catalog-info.yaml"));
  }

  @Test
  void cs40_emittingTheEntityItselfIsIgnoredWithAWarning() {
    ScriptedProcessor p = new ScriptedProcessor("selfish").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.entity(LocationSpec.parse(ROOT), e));
      return e;
    });

    PipelineOutput out = pipeline(p).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.ok()).as(errorText(out)).isTrue();
    assertThat(out.children()).isEmpty();
    assertThat(out.warnings()).singleElement().asString().contains("component:default/petstore");
  }

  @Test
  void emitEntity_overwritesLocationAnnotationsAndDefaultsTheKey() {
    LocationSpec childLocation = LocationSpec.parse("url:https://git/org/repo/blob/main/svc.yaml");
    ObjectNode child = component("svc", "url:https://elsewhere/forged.yaml", "url:https://elsewhere/forged.yaml");
    ScriptedProcessor p = new ScriptedProcessor("emitter").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.entity(childLocation, child));
      return e;
    });

    PipelineOutput out = pipeline(p).run(
        PipelineInput.of(component("petstore", ROOT, "url:https://git/origin.yaml")));

    assertThat(out.ok()).as(errorText(out)).isTrue();
    DeferredEntity d = out.children().get(0);
    assertThat(d.locationKey()).isEqualTo(childLocation.toString());
    assertThat(d.entity().annotations())
        .containsEntry(LocationAnnotations.MANAGED_BY_LOCATION, childLocation.toString())
        .containsEntry(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION, "url:https://git/origin.yaml");
  }

  @Test
  void emitEntity_explicitNullKeyIsKept() {
    LocationSpec childLocation = LocationSpec.parse("url:https://git/org/repo/blob/main/svc.yaml");
    ScriptedProcessor p = new ScriptedProcessor("emitter").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.entity(childLocation, Entity.of(component("svc", ROOT)), null));
      emit.accept(ProcessingResult.entity(childLocation, Entity.of(component("svc2", ROOT)), "custom-key"));
      return e;
    });

    PipelineOutput out = pipeline(p).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.children()).extracting(DeferredEntity::locationKey).containsExactly(null, "custom-key");
  }

  @Test
  void emitEntity_brokenEnvelopeIsAnErrorItem() {
    ScriptedProcessor p = new ScriptedProcessor("emitter").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.entity(LocationSpec.parse(ROOT), json("{\"kind\":\"Component\"}")));
      return e;
    });

    PipelineOutput out = pipeline(p).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(errorText(out)).contains("Processor emitter emitted an entity at " + ROOT)
        .contains("apiVersion");
  }

  @Test
  void emitLocation_generatesALocationEntityKeyedByTheParentsLocation() {
    LocationSpec target = LocationSpec.of("url", "https://git/org/other/blob/main/catalog-info.yaml");
    ScriptedProcessor p = new ScriptedProcessor("discover").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.location(target));
      return e;
    });

    PipelineOutput out = pipeline(p).run(PipelineInput.of(component("petstore", ROOT, "url:https://git/o.yaml")));

    assertThat(out.ok()).as(errorText(out)).isTrue();
    DeferredEntity d = out.children().get(0);
    assertThat(d.locationKey()).isEqualTo(ROOT);
    assertThat(d.entity().kind()).isEqualTo("Location");
    assertThat(d.entity().name()).isEqualTo(LocationAnnotations.generatedName(target))
        .isEqualTo("generated-" + sha1Hex("url:https://git/org/other/blob/main/catalog-info.yaml"));
    assertThat(d.entity().annotations())
        .containsEntry(LocationAnnotations.MANAGED_BY_LOCATION, ROOT)
        .containsEntry(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION, "url:https://git/o.yaml");
    assertThat(d.entity().stringAt("/spec/target")).contains(target.target());
  }

  @Test
  void emitRelation_refsAreCanonicalAndDuplicatesCollapse() {
    ScriptedProcessor p = new ScriptedProcessor("rel").post((e, emit, cache) -> {
      emit.accept(ProcessingResult.relation(new Relation(EntityRef.parse("Component:Default/PetStore"),
          "watchedBy", EntityRef.parse("Group:default/Team-B"))));
      emit.accept(ProcessingResult.relation(new Relation(EntityRef.parse("component:default/petstore"),
          "watchedBy", EntityRef.parse("group:default/team-b"))));
      return e;
    });

    PipelineOutput out = pipeline(p).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.relations()).filteredOn(r -> r.type().equals("watchedBy"))
        .containsExactly(new Relation(EntityRef.parse("component:default/petstore"), "watchedBy",
            EntityRef.parse("group:default/team-b")));
  }

  @Test
  void builtinKinds_emitTheRelationPairsOfTheSpec() {
    PipelineOutput out = pipeline().run(PipelineInput.of(component("petstore", ROOT)));

    EntityRef self = EntityRef.parse("component:default/petstore");
    EntityRef team = EntityRef.parse("group:default/team-a");
    assertThat(out.relations()).containsExactlyInAnyOrder(
        new Relation(self, Relation.OWNED_BY, team), new Relation(team, Relation.OWNER_OF, self));
  }

  @Test
  void policies_invalidFieldFailsWithPolicyCheckMessage() {
    ObjectNode e = component("petstore", ROOT);
    ((ObjectNode) e.get("metadata")).putArray("tags").add("Java");

    PipelineOutput out = pipeline().run(PipelineInput.of(e));

    assertThat(out.ok()).isFalse();
    assertThat(errorText(out)).contains("Policy check failed for component:default/petstore")
        .contains("metadata.tags[0]");
  }

  @Test
  void policies_namespaceIsWrittenIntoTheCompletedEntity() {
    PipelineOutput out = pipeline().run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(out.completed().orElseThrow().stringAt("/metadata/namespace")).contains("default");
  }

  @Test
  void processors_runByPriorityThenRegistrationOrder() {
    List<String> calls = new ArrayList<>();
    ScriptedProcessor a = new ScriptedProcessor("a").priority(30).pre((e, emit, c) -> record(calls, "a", e));
    ScriptedProcessor b = new ScriptedProcessor("b").pre((e, emit, c) -> record(calls, "b", e));
    ScriptedProcessor c1 = new ScriptedProcessor("c").priority(10).pre((e, emit, c) -> record(calls, "c", e));
    ScriptedProcessor d = new ScriptedProcessor("d").pre((e, emit, c) -> record(calls, "d", e));

    pipeline(a, b, c1, d).run(PipelineInput.of(component("petstore", ROOT)));

    assertThat(calls).containsExactly("c", "b", "d", "a");
  }

  private static Entity record(List<String> calls, String name, Entity e) {
    calls.add(name);
    return e;
  }

  @Test
  void emit_afterTheRunCompletedIsDroppedWithoutEffect() {
    ScriptedProcessor keeper = new ScriptedProcessor("keeper");
    PipelineOutput out = pipeline(keeper).run(PipelineInput.of(component("petstore", ROOT)));

    keeper.lastEmitter.accept(ProcessingResult.refresh("url:https://late"));

    assertThat(out.refreshKeys()).doesNotContain("url:https://late");
    assertThat(out.ok()).isTrue();
  }

  @Test
  void builder_duplicateProcessorNameIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> pipeline(new ScriptedProcessor("placeholder")))
        .hasMessageContaining("'placeholder'");
  }

  // ---- Location step (L10)

  @Test
  void cs35_optionalLocationPointingAtMissingUrlIsOk() {
    PipelineOutput out = pipeline().run(PipelineInput.of(location("opt",
        "{\"type\":\"url\",\"target\":\"https://git/org/missing.yaml\",\"presence\":\"optional\"}", ROOT)));

    assertThat(out.ok()).as(errorText(out)).isTrue();
    assertThat(out.errors()).isEmpty();
    assertThat(out.children()).isEmpty();
    assertThat(urls.readTargets()).containsExactly("https://git/org/missing.yaml");
  }

  @Test
  void locationStep_requiredMissingUrlIsNotFoundError() {
    PipelineOutput out = pipeline().run(PipelineInput.of(location("req",
        "{\"type\":\"url\",\"target\":\"https://git/org/missing.yaml\"}", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(errorNames(out)).containsExactly("NotFoundError");
    assertThat(errorText(out)).contains("https://git/org/missing.yaml");
  }

  @Test
  void locationStep_relativeUrlTargetIsResolvedAgainstTheLocation() {
    pipeline().run(PipelineInput.of(location("rel", "{\"target\":\"./svc/catalog-info.yaml\"}", ROOT)));

    assertThat(urls.readTargets()).containsExactly("https://git/org/repo/blob/main/svc/catalog-info.yaml");
  }

  @Test
  void resolveTarget_onlyResolvesWhenTheTypesMatch() {
    LocationSpec file = LocationSpec.parse("file:/repo/sub/catalog.yaml");

    assertThat(ProcessingPipeline.resolveTarget(file, "file", "./a.yaml")).isEqualTo("/repo/sub/a.yaml");
    assertThat(ProcessingPipeline.resolveTarget(file, "file", "../b.yaml")).isEqualTo("/repo/b.yaml");
    assertThat(ProcessingPipeline.resolveTarget(file, "file", "/abs/c.yaml")).isEqualTo("/abs/c.yaml");
    assertThat(ProcessingPipeline.resolveTarget(file, "url", "./a.yaml")).isEqualTo("./a.yaml");
    assertThat(ProcessingPipeline.resolveTarget(LocationSpec.parse(ROOT), "url", "../other/x.yaml"))
        .isEqualTo("https://git/org/repo/blob/other/x.yaml");
  }

  @Test
  void locationStep_unknownTypeHasNoReader() {
    PipelineOutput out = pipeline().run(PipelineInput.of(location("odd",
        "{\"type\":\"carrier-pigeon\",\"target\":\"coop-7\"}", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(errorText(out)).contains("No processor was able to handle reading of carrier-pigeon:coop-7");
  }

  @Test
  void cs53_fileTargetsAreReadInOrderAndADirectoryTargetIsAnInputError() {
    List<String> read = new ArrayList<>();
    ScriptedProcessor files = new ScriptedProcessor("files").priority(0).read((loc, emit) -> {
      read.add(loc.toString());
      return loc.type().equals("file");
    });

    PipelineOutput out = pipeline(files).run(PipelineInput.of(location("repo",
        "{\"target\":\"./a.yaml\",\"targets\":[\"./b.yaml\",\"./dir/\"]}", "file:/repo/catalog.yaml")));

    assertThat(read).containsExactly("file:/repo/a.yaml", "file:/repo/b.yaml");
    assertThat(out.ok()).isFalse();
    assertThat(errorNames(out)).containsExactly("InputError");
    assertThat(errorText(out)).contains("./dir/");
  }

  @Test
  void cs47_notModifiedReEmitsCachedEntitiesAndTheRefreshKey() {
    String target = "https://git/org/repo/blob/main/all.yaml";
    urls.serve(target, "--- not parsed on a 304 ---", "E1");
    ObjectNode v1 = json("{\"etag\":\"E1\",\"value\":[]}");
    for (String name : List.of("one", "two")) {
      ObjectNode item = ((tools.jackson.databind.node.ArrayNode) v1.get("value")).addObject();
      item.put("location", "url:" + target);
      item.set("entity", json("""
          {"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"%s"},
           "spec":{"type":"service","lifecycle":"production","owner":"team-a"}}""".formatted(name)));
    }
    ObjectNode stored = CanonicalJson.MAPPER.createObjectNode();
    stored.putObject("url-reader").putObject(target).set("v1", v1);
    ProcessorCacheState cache = ProcessorCacheState.of(stored, 5);

    PipelineOutput out = pipeline().run(new PipelineInput(
        location("all", "{\"type\":\"url\",\"target\":\"" + target + "\"}", ROOT), cache, ParentLookup.NONE));

    assertThat(out.ok()).as(errorText(out)).isTrue();
    assertThat(urls.requests).singleElement().satisfies(r -> assertThat(r.options().etag()).isEqualTo("E1"));
    assertThat(out.children()).extracting(c -> c.entity().name()).containsExactly("one", "two");
    assertThat(out.children()).allSatisfy(c -> assertThat(c.locationKey()).isEqualTo("url:" + target));
    assertThat(out.refreshKeys()).contains("url:" + target);
    assertThat(out.cache()).isEqualTo(cache);
    assertThat(out.cacheChanged()).isFalse();
  }

  // ---- Rules (L12, C1)

  @Test
  void cs41_disallowedChildFailsTheRunAndWritesNoChildren() {
    CatalogRules rules = CatalogRules.of(List.of(new CatalogRules.Rule(
        List.of(CatalogRules.Allow.kind("Component"), CatalogRules.Allow.kind("Location")), List.of())));
    ScriptedProcessor reader = new ScriptedProcessor("hr").read((loc, emit) -> {
      emit.accept(ProcessingResult.entity(loc, Entity.of(component("svc", ROOT))));
      emit.accept(ProcessingResult.entity(loc, json("""
          {"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a"},
           "spec":{"type":"team","children":[]}}""")));
      return true;
    });

    PipelineOutput out = pipeline(rules, reader).run(PipelineInput.of(location("hr",
        "{\"type\":\"hr\",\"target\":\"people\"}", ROOT)));

    assertThat(out.ok()).isFalse();
    assertThat(out.children()).isEmpty();
    assertThat(errorNames(out)).containsExactly("NotAllowedError");
    assertThat(errorText(out)).contains("group:default/team-a").contains(ROOT);
  }

  @Test
  void cs42_groupIsAllowedFromAnOriginMatchingTheRulePattern() {
    CatalogRules rules = CatalogRules.of(List.of(
        new CatalogRules.Rule(List.of(CatalogRules.Allow.kind("Location")), List.of()),
        new CatalogRules.Rule(List.of(CatalogRules.Allow.kind("Group")),
            List.of(CatalogRules.LocationMatcher.pattern("url", "https://git/org/*/users.yaml")))));
    ScriptedProcessor reader = new ScriptedProcessor("hr").read((loc, emit) -> {
      emit.accept(ProcessingResult.entity(loc, json("""
          {"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team-a"},
           "spec":{"type":"team","children":[]}}""")));
      return true;
    });
    ObjectNode allowed = location("hr", "{\"type\":\"hr\",\"target\":\"people\"}", ROOT);
    Fixtures.annotate(allowed, ROOT, "url:https://git/org/hr/users.yaml");
    ObjectNode denied = location("hr", "{\"type\":\"hr\",\"target\":\"people\"}", ROOT);
    Fixtures.annotate(denied, ROOT, "url:https://git/org/hr/nested/users.yaml");

    ProcessingPipeline p = pipeline(rules, reader);

    assertThat(p.run(PipelineInput.of(allowed)).children()).hasSize(1);
    assertThat(p.run(PipelineInput.of(denied)).ok()).isFalse();
  }

  // ---- Processor cache (L27, L28)

  @Test
  void cs43_cacheValuesPersistUntilAProcessorSetsOtherKeys() {
    List<String> seen = new ArrayList<>();
    String[] toSet = {"a"};
    ScriptedProcessor memo = new ScriptedProcessor("memo").pre((e, emit, cache) -> {
      seen.add(cache.get("a").map(Object::toString).orElse("-") + "/" + cache.get("b").map(Object::toString)
          .orElse("-"));
      if (toSet[0] != null) {
        cache.set(toSet[0], IntNode.valueOf(seen.size()));
      }
      return e;
    });
    ProcessingPipeline p = pipeline(memo);
    ObjectNode entity = component("petstore", ROOT);

    PipelineOutput run1 = p.run(PipelineInput.of(entity));
    toSet[0] = null;
    PipelineOutput run2 = p.run(new PipelineInput(entity, run1.cache(), ParentLookup.NONE));
    toSet[0] = "b";
    PipelineOutput run3 = p.run(new PipelineInput(entity, run2.cache(), ParentLookup.NONE));
    PipelineOutput run4 = p.run(new PipelineInput(entity, run3.cache(), ParentLookup.NONE));

    assertThat(seen).containsExactly("-/-", "1/-", "1/-", "-/3");
    assertThat(run1.cache().ttl()).isEqualTo(5);
    assertThat(run2.cacheChanged()).isFalse();
    assertThat(run4.ok()).isTrue();
  }

  @Test
  void cs44_failedRunsCountDownTheTtlThenClearTheCache() {
    ScriptedProcessor failing = new ScriptedProcessor("memo").pre((e, emit, cache) -> {
      throw new IllegalStateException("still broken");
    });
    ObjectNode stored = CanonicalJson.MAPPER.createObjectNode();
    stored.putObject("memo").put("a", 1);
    ProcessorCacheState ttl1 = ProcessorCacheState.of(stored, 1);
    ProcessingPipeline p = pipeline(failing);
    ObjectNode entity = component("petstore", ROOT);

    PipelineOutput first = p.run(new PipelineInput(entity, ttl1, ParentLookup.NONE));
    PipelineOutput second = p.run(new PipelineInput(entity, first.cache(), ParentLookup.NONE));

    assertThat(first.ok()).isFalse();
    assertThat(first.cache().ttl()).isZero();
    assertThat(first.cache().processors()).isEqualTo(stored);
    assertThat(second.cache().isEmpty()).isTrue();
    assertThat(second.cacheChanged()).isTrue();
  }

  // ---- Result hash (L25)

  @Test
  void cs38_identicalOutputGivesAnIdenticalHash() {
    ProcessingPipeline p = pipeline();
    ParentLookup parents = ParentLookup.of(Map.of(EntityRef.parse("component:default/petstore"),
        List.of(EntityRef.parse("location:default/root"))));

    PipelineOutput a = p.run(new PipelineInput(component("petstore", ROOT), ProcessorCacheState.EMPTY, parents));
    PipelineOutput b = p.run(new PipelineInput(component("petstore", ROOT), ProcessorCacheState.EMPTY, parents));

    assertThat(a.resultHash()).isEqualTo(b.resultHash());
  }

  @Test
  void cs39_reorderedTagsChangeTheHash() {
    ObjectNode one = component("petstore", ROOT);
    ((ObjectNode) one.get("metadata")).putArray("tags").add("java").add("go");
    ObjectNode two = component("petstore", ROOT);
    ((ObjectNode) two.get("metadata")).putArray("tags").add("go").add("java");

    ProcessingPipeline p = pipeline();

    assertThat(p.run(PipelineInput.of(one)).resultHash()).isNotEqualTo(p.run(PipelineInput.of(two)).resultHash());
  }

  @Test
  void resultHash_changesWhenTheParentsChange() {
    ProcessingPipeline p = pipeline();
    EntityRef self = EntityRef.parse("component:default/petstore");

    String withParent = p.run(new PipelineInput(component("petstore", ROOT), ProcessorCacheState.EMPTY,
        ParentLookup.of(Map.of(self, List.of(EntityRef.parse("location:default/root")))))).resultHash();
    String orphan = p.run(PipelineInput.of(component("petstore", ROOT))).resultHash();

    assertThat(withParent).isNotEqualTo(orphan);
  }

  @Test
  void resultHash_ofAFailedRunCoversOnlyTheErrors() {
    PipelineOutput out = pipeline().run(PipelineInput.of(json("{\"kind\":\"Component\",\"metadata\":{}}")));

    assertThat(out.resultHash()).isEqualTo(CanonicalJson.sha1(ProcessingError.toJson(out.errors())));
  }

  private static String sha1Hex(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
