package org.catalogengine.spi.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.catalogengine.error.InputException;
import org.catalogengine.model.Entity;
import org.catalogengine.model.CanonicalJson;
import org.junit.jupiter.api.Test;

class LocationSpecTest {

  @Test
  void parse_splitsAtTheFirstColonAndFormatsBack() {
    LocationSpec spec = LocationSpec.parse("url:https://git/org/repo/blob/main/catalog-info.yaml");

    assertThat(spec.type()).isEqualTo("url");
    assertThat(spec.target()).isEqualTo("https://git/org/repo/blob/main/catalog-info.yaml");
    assertThat(spec.optional()).isFalse();
    assertThat(spec).hasToString("url:https://git/org/repo/blob/main/catalog-info.yaml");
  }

  @Test
  void parse_rejectsMissingParts() {
    assertThatThrownBy(() -> LocationSpec.parse("no-colon")).isInstanceOf(InputException.class)
        .hasMessageContaining("'no-colon'");
    assertThatThrownBy(() -> LocationSpec.parse(":target")).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> LocationSpec.parse("url:")).isInstanceOf(InputException.class);
  }

  @Test
  void presence_parsesCaseInsensitivelyAndRejectsOthers() {
    assertThat(LocationSpec.Presence.parse("Optional")).isEqualTo(LocationSpec.Presence.OPTIONAL);
    assertThatThrownBy(() -> LocationSpec.Presence.parse("maybe")).hasMessageContaining("'maybe'");
  }

  @Test
  void entityResult_distinguishesDefaultKeyFromExplicitNull() {
    LocationSpec loc = LocationSpec.parse("url:https://git/x.yaml");
    Entity e = Entity.of(CanonicalJson.MAPPER.readTree(
        "{\"apiVersion\":\"v1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"x\"}}"));

    var byDefault = (ProcessingResult.EntityResult) ProcessingResult.entity(loc, e);
    var explicitNull = (ProcessingResult.EntityResult) ProcessingResult.entity(loc, e, null);

    assertThat(byDefault.effectiveLocationKey()).contains("url:https://git/x.yaml");
    assertThat(explicitNull.keyGiven()).isTrue();
    assertThat(explicitNull.effectiveLocationKey()).isEmpty();
  }
}
