package org.catalogengine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.catalogengine.internal.processing.Fixtures.component;

import java.util.List;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.provider.DeferredEntity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ResultHasherTest {

  private static final String LOC = "url:https://git/x.yaml";

  @Test
  void hash_equalsSha1OverTheCanonicalJsonOfEachPart() {
    Entity self = Entity.of(component("petstore", LOC));
    ObjectNode childJson = component("child", LOC);
    ((ObjectNode) childJson.get("metadata")).put("description", "needs \"escaping\" ü \n");
    Entity child = Entity.of(childJson);
    Relation rel = new Relation(self.ref(), "ownedBy", EntityRef.parse("group:default/team-a"));
    List<EntityRef> parents = List.of(EntityRef.parse("location:default/z"), EntityRef.parse("location:default/a"),
        EntityRef.parse("location:default/a"));

    String hash = ResultHasher.hash(List.of(), self, List.of(new DeferredEntity(child, null)), List.of(rel),
        List.of("url:https://git/x.yaml"), parents);

    ArrayNode children = CanonicalJson.MAPPER.createArrayNode();
    ObjectNode c = children.addObject();
    c.set("entity", child.toJson());
    c.putNull("locationKey");
    ArrayNode relations = CanonicalJson.MAPPER.createArrayNode();
    relations.addObject().put("source", "component:default/petstore").put("type", "ownedBy")
        .put("target", "group:default/team-a");
    ArrayNode keys = CanonicalJson.MAPPER.createArrayNode().add("url:https://git/x.yaml");
    ArrayNode sortedParents = CanonicalJson.MAPPER.createArrayNode().add("location:default/a")
        .add("location:default/z");
    String expected = new CanonicalJson.Sha1()
        .update(CanonicalJson.MAPPER.createArrayNode())
        .update(self.toJson())
        .update(children)
        .update(relations)
        .update(keys)
        .update(sortedParents)
        .hex();
    assertThat(hash).isEqualTo(expected);
  }

  @Test
  void hash_childKeyIsPartOfTheHash() {
    Entity self = Entity.of(component("petstore", LOC));
    Entity child = Entity.of(component("child", LOC));

    String withKey = ResultHasher.hash(List.of(), self, List.of(new DeferredEntity(child, LOC)), List.of(),
        List.of(), List.of());
    String withoutKey = ResultHasher.hash(List.of(), self, List.of(new DeferredEntity(child, null)), List.of(),
        List.of(), List.of());

    assertThat(withKey).isNotEqualTo(withoutKey);
  }

  @Test
  void hash_parentOrderAndDuplicatesDoNotMatter() {
    Entity self = Entity.of(component("petstore", LOC));
    EntityRef a = EntityRef.parse("location:default/a");
    EntityRef b = EntityRef.parse("location:default/b");

    assertThat(ResultHasher.hash(List.of(), self, List.of(), List.of(), List.of(), List.of(a, b, a)))
        .isEqualTo(ResultHasher.hash(List.of(), self, List.of(), List.of(), List.of(), List.of(b, a)));
  }
}
