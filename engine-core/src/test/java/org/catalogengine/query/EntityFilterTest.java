package org.catalogengine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.query.EntityFilter.allOf;
import static org.catalogengine.query.EntityFilter.anyOf;
import static org.catalogengine.query.EntityFilter.exists;
import static org.catalogengine.query.EntityFilter.not;
import static org.catalogengine.query.EntityFilter.valueIn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.catalogengine.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter model and the R2 query-parameter syntax. */
class EntityFilterTest {

  private static EntityFilter parse(String... params) {
    return EntityFilter.parse(List.of(params));
  }

  // ------------------------------------------------------------------------------------------------ parsing

  @Test
  void r2_oneStatementIsOneKeyValue() {
    assertThat(parse("kind=component")).isEqualTo(new EntityFilter.ValueIn("kind", List.of("component")));
  }

  @Test
  void r2_statementsOfOneParamAreAnded() {
    assertThat(parse("kind=component,spec.type=service"))
        .isEqualTo(allOf(valueIn("kind", "component"), valueIn("spec.type", "service")));
  }

  @Test
  void r2_severalParamsAreOred() {
    assertThat(parse("kind=api", "kind=component,spec.type=service"))
        .isEqualTo(anyOf(valueIn("kind", "api"), allOf(valueIn("kind", "component"), valueIn("spec.type", "service"))));
  }

  @Test
  void r2_repeatedKeyOrsValues() {
    assertThat(parse("kind=api,spec.type=service,kind=component,kind=api"))
        .isEqualTo(allOf(valueIn("kind", "api", "component"), valueIn("spec.type", "service")));
  }

  @Test
  void r2_repeatedKeyOrsValuesOnlyWithinItsParam() {
    assertThat(parse("kind=api", "kind=component"))
        .isEqualTo(anyOf(valueIn("kind", "api"), valueIn("kind", "component")));
  }

  @Test
  void r2_bareKeyMeansExists() {
    assertThat(parse("metadata.tags.java")).isEqualTo(new EntityFilter.KeyExists("metadata.tags.java"));
  }

  @Test
  void r2_bareKeyAmongItsValuesMeansExists() {
    // "exists, or has value x" is "exists", in either order
    assertThat(parse("spec.owner=x,spec.owner")).isEqualTo(exists("spec.owner"));
    assertThat(parse("spec.owner,spec.owner=x,kind=api")).isEqualTo(allOf(exists("spec.owner"), valueIn("kind", "api")));
  }

  @Test
  void r2_keyWithEqualsAndNothingMatchesTheEmptyString() {
    assertThat(parse("metadata.description=")).isEqualTo(valueIn("metadata.description", ""));
    assertThat(parse("metadata.description =  ")).isEqualTo(valueIn("metadata.description", ""));
  }

  @Test
  void r2_splitsOnlyOnTheFirstEquals() {
    assertThat(parse("metadata.annotations.a=b=c")).isEqualTo(valueIn("metadata.annotations.a", "b=c"));
  }

  @Test
  void r2_keysAndValuesAreLowerCased() {
    assertThat(parse("Kind=Component,Relations.OwnedBy=Group:Default/Team-A"))
        .isEqualTo(allOf(valueIn("kind", "component"), valueIn("relations.ownedby", "group:default/team-a")));
  }

  @Test
  void r2_lowerCasingIsLocaleIndependent() {
    // Locale.ROOT: a Turkish default locale would turn I into a dotless ı
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertThat(parse("KIND=API")).isEqualTo(new EntityFilter.ValueIn("kind", List.of("api")));
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void r2_keysAndValuesAreTrimmed() {
    assertThat(parse(" kind = component ,  spec.type= service,spec.lifecycle "))
        .isEqualTo(allOf(valueIn("kind", "component"), valueIn("spec.type", "service"), exists("spec.lifecycle")));
  }

  @Test
  void r2_spacesInsideAValueStay() {
    assertThat(parse("metadata.title=My  Service")).isEqualTo(valueIn("metadata.title", "my  service"));
  }

  @Test
  void r2_noParamsMatchEverything() {
    assertThat(EntityFilter.parse(List.of())).isSameAs(EntityFilter.ALL).isEqualTo(allOf());
  }

  @Test
  void parse_emptyParamIsRejected() {
    assertThatThrownBy(() -> parse("kind=api", ""))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("filter parameter #2")
        .hasMessageContaining("empty");
  }

  @Test
  void parse_blankParamIsRejected() {
    assertThatThrownBy(() -> parse("   "))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("filter parameter #1 '   '")
        .hasMessageContaining("empty");
  }

  @Test
  void parse_nullParamIsRejected() {
    List<String> params = new ArrayList<>(Arrays.asList("kind=api", null));
    assertThatThrownBy(() -> EntityFilter.parse(params))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("filter parameter #2")
        .hasMessageContaining("null");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "kind=api,,spec.type=service  | statement #2 of 3 is empty",
      "'kind=api, ,spec.type=service' | statement #2 of 3 is empty",
      "kind=api,                    | statement #2 of 2 is empty",
      ",kind=api                    | statement #1 of 2 is empty"})
  void parse_emptyStatementIsRejectedWithItsPosition(String param, String problem) {
    // between commas, blank, trailing and leading: each names the parameter and which statement is empty
    assertThatThrownBy(() -> parse(param))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'" + param + "'")
        .hasMessageContaining(problem);
  }

  @Test
  void parse_emptyKeyIsRejected() {
    assertThatThrownBy(() -> parse("x=2,=a"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'x=2,=a'")
        .hasMessageContaining("'=a' is not a valid statement, its key is empty");
    assertThatThrownBy(() -> parse("x=2, = a"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'= a' is not a valid statement");
    assertThatThrownBy(() -> parse("="))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'=' is not a valid statement");
  }

  @Test
  void parse_nullListIsRejected() {
    assertThatThrownBy(() -> EntityFilter.parse(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("filterParams");
  }

  // ------------------------------------------------------------------------------------------------- model

  @Test
  void valueIn_lowerCasesAndDeduplicatesKeepingFirstOccurrence() {
    EntityFilter.ValueIn f = (EntityFilter.ValueIn) valueIn("Spec.Type", "Service", "website", "SERVICE");

    assertThat(f.key()).isEqualTo("spec.type");
    assertThat(f.values()).containsExactly("service", "website");
  }

  @Test
  void valueIn_withoutValuesIsRejected() {
    assertThatThrownBy(() -> valueIn("kind"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("key 'kind' lists no values")
        .hasMessageContaining("EntityFilter.exists(\"kind\")");
    assertThatThrownBy(() -> valueIn("kind", List.of())).isInstanceOf(InputException.class);
  }

  @Test
  void valueIn_nullValueIsRejectedWithItsKey() {
    assertThatThrownBy(() -> valueIn("kind", "api", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'kind'");
  }

  @Test
  void keys_mustNotBeEmpty() {
    assertThatThrownBy(() -> exists("")).isInstanceOf(InputException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> valueIn("", "x")).isInstanceOf(InputException.class).hasMessageContaining("key");
  }

  @Test
  void exists_lowerCasesTheKey() {
    assertThat(exists("Metadata.Tags.Java")).isEqualTo(new EntityFilter.KeyExists("metadata.tags.java"));
  }

  @Test
  void composites_areImmutableCopies() {
    List<EntityFilter> parts = new ArrayList<>(List.of(exists("a")));
    EntityFilter.AllOf all = (EntityFilter.AllOf) allOf(parts);
    EntityFilter.AnyOf any = (EntityFilter.AnyOf) anyOf(parts);
    parts.add(exists("b"));

    assertThat(all.filters()).containsExactly(exists("a"));
    assertThat(any.filters()).containsExactly(exists("a"));
    assertThatThrownBy(() -> all.filters().add(exists("c"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void composites_rejectNullMembersByPosition() {
    assertThatThrownBy(() -> allOf(exists("a"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("allOf filter #2 is null");
    assertThatThrownBy(() -> anyOf(Arrays.asList(null, exists("a"))))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("anyOf filter #1 is null");
    assertThatThrownBy(() -> not(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void not_wrapsItsFilter() {
    assertThat(not(valueIn("kind", "api"))).isEqualTo(new EntityFilter.Not(new EntityFilter.ValueIn("kind",
        List.of("api"))));
  }
}
