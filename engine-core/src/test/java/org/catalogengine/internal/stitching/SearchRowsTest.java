package org.catalogengine.internal.stitching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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

  /** The rows of T9 as written: every marked element row also yields its {@code <path>.<element> = true} row. */
  private static List<SearchRow> t9(List<SearchRow> rows) {
    List<SearchRow> out = new ArrayList<>(rows);
    for (SearchRow r : rows) {
      String implied = r.impliedElementKey();
      if (implied != null) {
        out.add(new SearchRow(implied, "true", "true"));
      }
    }
    return out;
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

    assertThat(withKey(rows, "spec.aliases")).containsExactly(new SearchRow("spec.aliases", "foo", "Foo", true));
    assertThat(withKey(t9(rows), "spec.aliases.foo"))
        .containsExactly(new SearchRow("spec.aliases.foo", "true", "true"));
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
    assertThat(withKey(t9(rows), "spec.matrix.a")).containsExactly(new SearchRow("spec.matrix.a", "true", "true"));
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

    assertThat(withKey(rows, "spec.tags")).containsExactly(new SearchRow("spec.tags", "java", "Java", true));
  }

  @Test
  void t9_anArrayElementsRowStandsForItsPathDotElementRow() {
    List<SearchRow> rows = rows(entity("{\"tags\":[\"Java\",\"go\"],\"owner\":\"team-a\",\"ports\":[8080]}"));

    assertThat(withKey(rows, "spec.tags")).containsExactly(
        new SearchRow("spec.tags", "go", "go", true), new SearchRow("spec.tags", "java", "Java", true));
    assertThat(rows).as("no row of its own").noneMatch(r -> r.key().startsWith("spec.tags."));
    assertThat(withKey(rows, "spec.owner")).as("a plain string is no element")
        .containsExactly(new SearchRow("spec.owner", "team-a", "team-a"));
    assertThat(withKey(rows, "spec.ports")).as("only string elements imply a row")
        .containsExactly(new SearchRow("spec.ports", "8080", "8080"));
    assertThat(rows.get(rows.indexOf(new SearchRow("spec.tags", "java", "Java", true))).impliedElementKey())
        .isEqualTo("spec.tags.java");
  }

  @Test
  void t9_aLeafAndAnArrayElementWithTheSameKeyAndValueShareOneMarkedRow() {
    List<SearchRow> rows = rows(entity("{\"x\":[{\"y\":\"a\"},{\"y\":[\"a\"]}]}"));

    assertThat(withKey(rows, "spec.x.y")).containsExactly(new SearchRow("spec.x.y", "a", "a", true));
  }

  @Test
  void t10_anElementWhoseKeyWouldBeLongerThan200CharsImpliesNoRow() {
    String element = "e".repeat(200 - "spec.tags.".length() + 1);
    List<SearchRow> rows = rows(entity("{\"tags\":[\"" + element + "\",\"ok\"]}"));

    assertThat(withKey(rows, "spec.tags")).containsExactly(
        new SearchRow("spec.tags", element, element), new SearchRow("spec.tags", "ok", "ok", true));
  }

  @Test
  void t10_anElementWhoseKeyLowerCasesDifferentlyInContextKeepsARowOfItsOwn() {
    // a capital sigma after a letter and a dot lower-cases to the final form in the joined key only
    String joined = SearchRows.lower("spec.tags.\u03a3");
    List<SearchRow> rows = rows(entity("{\"tags\":[\"\u03a3\"]}"));

    assertThat(joined).isNotEqualTo("spec.tags." + SearchRows.lower("\u03a3"));
    assertThat(withKey(rows, "spec.tags")).containsExactly(new SearchRow("spec.tags", "\u03c3", "\u03a3"));
    assertThat(withKey(rows, joined)).containsExactly(new SearchRow(joined, "true", "true"));
  }

  @Test
  void t11_anElementKeyStillTakesPartInTheCasingCheck() {
    JsonNode json = CanonicalJson.MAPPER.readTree(entity("{\"x\":[\"A\",{\"a\":1}]}"));

    assertThatThrownBy(() -> SearchRows.of(json))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'spec.x.a'");
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
