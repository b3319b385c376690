package org.catalogengine.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.catalogengine.error.InputException;
import org.junit.jupiter.api.Test;

class LocationRefTest {

  @Test
  void parse_splitsAtFirstColon() {
    LocationRef ref = LocationRef.parse("url:https://git/x.yaml");

    assertThat(ref.type()).isEqualTo("url");
    assertThat(ref.target()).isEqualTo("https://git/x.yaml");
    assertThat(ref.toString()).isEqualTo("url:https://git/x.yaml");
  }

  @Test
  void parse_fileTargetRoundTrips() {
    assertThat(LocationRef.parse("file:/srv/catalog.yaml")).isEqualTo(LocationRef.of("file", "/srv/catalog.yaml"));
  }

  @Test
  void parse_emptyTypeIsInputErrorNamingValue() {
    assertThatThrownBy(() -> LocationRef.parse(":https://x"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("':https://x'")
        .hasMessageContaining("empty type");
  }

  @Test
  void parse_emptyTargetIsInputErrorNamingValue() {
    assertThatThrownBy(() -> LocationRef.parse("url: "))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'url: '")
        .hasMessageContaining("empty target");
  }

  @Test
  void parse_missingColonIsInputError() {
    assertThatThrownBy(() -> LocationRef.parse("catalog.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'catalog.yaml'");
  }

  @Test
  void parse_bareUrlAsksForUrlPrefix() {
    assertThatThrownBy(() -> LocationRef.parse("https://git/x.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'url:https://git/x.yaml'");
  }

  @Test
  void of_rejectsEmptyParts() {
    assertThatThrownBy(() -> LocationRef.of("", "x")).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> LocationRef.of("url", "")).isInstanceOf(InputException.class);
  }
}
