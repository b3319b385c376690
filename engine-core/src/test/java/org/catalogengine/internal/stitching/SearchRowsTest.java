package org.catalogengine.internal.stitching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.catalogengine.error.InputException;
import org.catalogengine.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SearchRowsTest {

  private static List<SearchRow> rows(String json) {
    return SearchRows.of(CanonicalJson.MAPPER.readTree(json));
  }

  private static List<SearchRow> withKey(List<SearchRow> rows, String key) {
    return rows.stream().filter(r -> r.key().equals(key)).toList();
  }

  private static String entity(String spec) {
    return """
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component",
         "metadata":{"name":"Petstore","namespace":"default","uid":"u-1","etag":"e-1"},
         "spec":%s}""".formatted(spec);
  }

  @Test
  void cs58_caseVariantArrayElementsCollapse() {
    List<SearchRow> rows = rows(entity("{\"aliases\":[\"Foo\",\"foo\"]}"));

    assertThat(withKey(rows, "spec.aliases")).containsExactly(new SearchRow("spec.aliases", "foo", "Foo"));
    assertThat(withKey(rows, "spec.aliases.foo")).containsExactly(new SearchRow("spec.aliases.foo", "true", "true"));
  }

  @Test
  void cs59_valueLongerThan200CharsIsStoredAsNull() {
    String longValue = "x".repeat(300);
    List<SearchRow> rows = rows("""
        {"apiVersion":"v1","kind":"Component",
         "metadata":{"name":"a","annotations":{"example.com/long":"%s","example.com/edge":"%s"}}}"""
        .formatted(longValue, "y".repeat(200)));

    assertThat(withKey(rows, "metadata.annotations.example.com/long"))
        .containsExactly(new SearchRow("metadata.annotations.example.com/long", null, null));
    assertThat(withKey(rows, "metadata.annotations.example.com/edge"))
        .containsExactly(new SearchRow("metadata.annotations.example.com/edge", "y".repeat(200), "y".repeat(200)));
  }

  @Test
  void of_keysLongerThan200CharsAreDropped() {
    String longKey = "k".repeat(200);
    List<SearchRow> rows = rows(entity("{\"" + longKey + "\":\"v\",\"short\":\"v\"}"));

    assertThat(rows).noneMatch(r -> r.key().contains(longKey));
    assertThat(withKey(rows, "spec.short")).hasSize(1);
  }

  @Test
  void of_lowerCasesKeysAndValuesAndKeepsOriginal() {
    List<SearchRow> rows = rows(entity("{\"providesApis\":\"Pets-API\"}"));

    assertThat(withKey(rows, "spec.providesapis")).containsExactly(
        new SearchRow("spec.providesapis", "pets-api", "Pets-API"));
    assertThat(withKey(rows, "metadata.name")).containsExactly(new SearchRow("metadata.name", "petstore", "Petstore"));
    assertThat(withKey(rows, "kind")).containsExactly(new SearchRow("kind", "component", "Component"));
    assertThat(withKey(rows, "apiversion")).containsExactly(
        new SearchRow("apiversion", "backstage.io/v1alpha1", "backstage.io/v1alpha1"));
  }

  @Test
  void of_scalarsBecomeStringsAndNullBecomesNullRow() {
    List<SearchRow> rows = rows(entity("{\"replicas\":3,\"ratio\":1.5,\"whole\":2.0,\"on\":true,\"gone\":null}"));

    assertThat(withKey(rows, "spec.replicas")).containsExactly(new SearchRow("spec.replicas", "3", "3"));
    assertThat(withKey(rows, "spec.ratio")).containsExactly(new SearchRow("spec.ratio", "1.5", "1.5"));
    assertThat(withKey(rows, "spec.whole")).containsExactly(new SearchRow("spec.whole", "2", "2"));
    assertThat(withKey(rows, "spec.on")).containsExactly(new SearchRow("spec.on", "true", "true"));
    assertThat(withKey(rows, "spec.gone")).containsExactly(new SearchRow("spec.gone", null, null));
  }

  @Test
  void of_arraysAreVisitedUnderTheirOwnPath() {
    List<SearchRow> rows = rows(entity("{\"ports\":[{\"n\":1},{\"n\":2}],\"matrix\":[[\"A\"],[\"b\"]]}"));

    assertThat(withKey(rows, "spec.ports.n")).extracting(SearchRow::value).containsExactly("1", "2");
    assertThat(withKey(rows, "spec.matrix")).extracting(SearchRow::value).containsExactly("a", "b");
    assertThat(withKey(rows, "spec.matrix.a")).containsExactly(new SearchRow("spec.matrix.a", "true", "true"));
    assertThat(withKey(rows, "spec.ports.1")).isEmpty();
  }

  @Test
  void of_skipsSpecialKeysInTheWalkAndLeavesRelationsAndUidToTheirTables() {
    List<SearchRow> rows = rows("""
        {"apiVersion":"v1","kind":"Component","metadata":{"name":"a","uid":"u-1","etag":"e"},
         "status":{"items":[{"level":"error"}]},"attachments":{"x":"y"},
         "relations":[{"type":"ownedBy","targetRef":"group:default/team-a"},
                      {"type":"ownedBy","targetRef":"group:default/team-b"}]}""");

    assertThat(rows).noneMatch(r -> r.key().startsWith("status") || r.key().startsWith("attachments")
        || r.key().startsWith("metadata.etag") || r.key().startsWith("relations.targetref"));
    assertThat(withKey(rows, "metadata.name")).containsExactly(new SearchRow("metadata.name", "a", "a"));
    // the uid is the final entity's id and relations live in the relations table (DESIGN decision 3)
    assertThat(withKey(rows, "metadata.uid")).isEmpty();
    assertThat(rows).noneMatch(r -> r.key().startsWith("relations"));
  }

  @Test
  void of_absentNamespaceYieldsNullAndDefaultRows() {
    List<SearchRow> rows = rows("{\"apiVersion\":\"v1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"a\"}}");

    assertThat(withKey(rows, "metadata.namespace")).containsExactly(
        new SearchRow("metadata.namespace", null, null),
        new SearchRow("metadata.namespace", "default", "default"));
  }

  @Test
  void of_duplicateKeyValueRowsCollapseKeepingTheFirstOriginal() {
    List<SearchRow> rows = rows(entity("{\"tags\":[\"Java\",\"java\",\"JAVA\"]}"));

    assertThat(withKey(rows, "spec.tags")).containsExactly(new SearchRow("spec.tags", "java", "Java"));
  }

  @Test
  void of_rowsAreSortedByKeyThenValueNullsFirstAndImmutable() {
    List<SearchRow> rows = rows(entity("{\"b\":[\"z\",null,\"a\"],\"a\":\"x\"}"));

    assertThat(rows).isSortedAccordingTo(SearchRow.ORDER);
    assertThat(withKey(rows, "spec.b")).extracting(SearchRow::value).containsExactly(null, "a", "z");
    assertThatThrownBy(() -> rows.add(new SearchRow("k", null, null)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void of_keysThatDifferOnlyInCaseThrowNamingThem() {
    JsonNode json = CanonicalJson.MAPPER.readTree(entity("{\"owner\":\"a\",\"OWNER\":\"b\",\"Tier\":1,\"tier\":2}"));

    assertThatThrownBy(() -> SearchRows.of(json))
        .isInstanceOf(InputException.class)
        .hasMessage("Entity has duplicate keys that vary only in casing, 'spec.owner', 'spec.tier'"
            + " in entity component:default/petstore (rule T11)");
  }

  @Test
  void of_caseVariantElementKeyDoesNotTripT11() {
    // "spec.x.Foo" is emitted once; "spec.x.foo" is deduplicated before the casing check sees it
    assertThat(rows(entity("{\"x\":[\"Foo\",\"foo\"]}"))).isNotEmpty();
  }

  @Test
  void sorted_ordersRowsReadBackFromStorage() {
    List<SearchRow> rows = SearchRows.sorted(List.of(
        new SearchRow("b", "1", "1"), new SearchRow("a", "2", "2"), new SearchRow("a", null, null)));

    assertThat(rows).containsExactly(
        new SearchRow("a", null, null), new SearchRow("a", "2", "2"), new SearchRow("b", "1", "1"));
  }
}
