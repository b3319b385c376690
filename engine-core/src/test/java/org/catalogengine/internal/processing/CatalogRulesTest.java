package org.catalogengine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.internal.processing.Fixtures.json;

import java.util.List;
import org.catalogengine.error.InputException;
import org.catalogengine.internal.processing.CatalogRules.Allow;
import org.catalogengine.internal.processing.CatalogRules.LocationMatcher;
import org.catalogengine.internal.processing.CatalogRules.Rule;
import org.catalogengine.spi.processor.LocationSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogRulesTest {

  private static final JsonNode GROUP = json("{\"kind\":\"Group\",\"spec\":{\"type\":\"team\"}}");
  private static final JsonNode SERVICE = json("{\"kind\":\"component\",\"spec\":{\"type\":\"service\"}}");
  private static final JsonNode WEBSITE = json("{\"kind\":\"Component\",\"spec\":{\"type\":\"website\"}}");

  @Test
  void defaults_allowComponentApiAndLocationOnly() {
    CatalogRules rules = CatalogRules.defaults();
    LocationSpec any = LocationSpec.parse("url:https://git/x.yaml");

    assertThat(rules.isAllowed(SERVICE, any)).isTrue();
    assertThat(rules.isAllowed(json("{\"kind\":\"Location\"}"), any)).isTrue();
    assertThat(rules.isAllowed(GROUP, any)).isFalse();
  }

  @Test
  void cs42_patternMatchesCaseInsensitivelyAndStarStaysInOneSegment() {
    CatalogRules rules = CatalogRules.of(List.of(new Rule(List.of(Allow.kind("Group")),
        List.of(LocationMatcher.pattern("url", "https://git/org/*/users.yaml")))));

    assertThat(rules.isAllowed(GROUP, LocationSpec.parse("url:https://git/org/hr/users.yaml"))).isTrue();
    assertThat(rules.isAllowed(GROUP, LocationSpec.parse("url:HTTPS://GIT/ORG/HR/USERS.YAML"))).isTrue();
    assertThat(rules.isAllowed(GROUP, LocationSpec.parse("url:https://git/org/.hidden/users.yaml"))).isTrue();
    assertThat(rules.isAllowed(GROUP, LocationSpec.parse("url:https://git/org/hr/x/users.yaml"))).isFalse();
    assertThat(rules.isAllowed(GROUP, LocationSpec.parse("file:https://git/org/hr/users.yaml"))).isFalse();
  }

  @Test
  void exactMatcher_matchesOnlyThatTarget() {
    CatalogRules rules = CatalogRules.of(List.of(new Rule(List.of(Allow.kind("Group")),
        List.of(LocationMatcher.exact("file", "/repo/org.yaml")))));

    assertThat(rules.isAllowed(GROUP, LocationSpec.parse("file:/repo/org.yaml"))).isTrue();
    assertThat(rules.isAllowed(GROUP, LocationSpec.parse("file:/repo/ORG.yaml"))).isFalse();
  }

  @Test
  void allowEntry_withSpecTypeMatchesExactly() {
    CatalogRules rules = CatalogRules.of(List.of(new Rule(List.of(new Allow("Component", "service")), List.of())));
    LocationSpec any = LocationSpec.parse("url:https://git/x.yaml");

    assertThat(rules.isAllowed(SERVICE, any)).isTrue();
    assertThat(rules.isAllowed(WEBSITE, any)).isFalse();
  }

  @Test
  void matcher_exactAndPatternTogetherIsRejected() {
    assertThatThrownBy(() -> new LocationMatcher("url", "https://a", "https://*"))
        .isInstanceOf(InputException.class).hasMessageContaining("both 'exact' and 'pattern'");
  }

  @Test
  void globToRegex_doubleStarCrossesDirectories() {
    assertThat(CatalogRules.globToRegex("/repo/**/catalog-info.yaml").matcher("/repo/a/b/catalog-info.yaml")
        .matches()).isTrue();
    assertThat(CatalogRules.globToRegex("/repo/**/catalog-info.yaml").matcher("/repo/catalog-info.yaml")
        .matches()).isTrue();
    assertThat(CatalogRules.globToRegex("/repo/{a,b}.yaml").matcher("/repo/b.yaml").matches()).isTrue();
  }
}
