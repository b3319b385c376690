package org.catalogengine.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.junit.jupiter.api.Test;

class GeneratedLocationsTest {

  static final LocationRef LOCATION = LocationRef.of("url", "https://git/org/repo/catalog-info.yaml");

  @Test
  void metadataName_isGeneratedPlusSha1OfTypeColonTarget() throws Exception {
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
        .digest("url:https://git/org/repo/catalog-info.yaml".getBytes(StandardCharsets.UTF_8)));

    assertThat(GeneratedLocations.metadataName(LOCATION)).isEqualTo("generated-" + sha1);
  }

  @Test
  void metadataName_pinnedValue() {
    // sha1("file:/srv/catalog.yaml"), computed independently with `printf %s file:/srv/catalog.yaml | sha1sum`.
    assertThat(GeneratedLocations.metadataName(LocationRef.of("file", "/srv/catalog.yaml")))
        .isEqualTo("generated-0af6351b4f7ceebf0bdf6761758dc108682bf318");
  }

  @Test
  void deferred_hasBackstageShapeAndLocationKey() {
    DeferredEntity d = GeneratedLocations.deferred(LOCATION);
    String name = GeneratedLocations.metadataName(LOCATION);

    assertThat(d.locationKey()).isEqualTo("url:https://git/org/repo/catalog-info.yaml");
    assertThat(d.entity().ref()).isEqualTo(EntityRef.of("location", "default", name));
    assertThat(d.entity().toJson()).isEqualTo(CanonicalJson.MAPPER.readTree("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Location",
         "metadata":{"name":"%s","annotations":{
           "backstage.io/managed-by-location":"url:https://git/org/repo/catalog-info.yaml",
           "backstage.io/managed-by-origin-location":"url:https://git/org/repo/catalog-info.yaml"}},
         "spec":{"type":"url","target":"https://git/org/repo/catalog-info.yaml"}}""".formatted(name)));
  }

  @Test
  void entity_includesPresenceWhenGiven() {
    Entity e = GeneratedLocations.entity(LOCATION, GeneratedLocations.Presence.OPTIONAL);

    assertThat(e.stringAt("/spec/presence")).contains("optional");
  }

  @Test
  void childEntity_takesParentLocations() {
    Entity e = GeneratedLocations.childEntity(LOCATION, null, "url:https://git/parent.yaml", "file:/root.yaml");

    assertThat(e.annotation(GeneratedLocations.LOCATION_ANNOTATION)).contains("url:https://git/parent.yaml");
    assertThat(e.annotation(GeneratedLocations.ORIGIN_LOCATION_ANNOTATION)).contains("file:/root.yaml");
    assertThat(e.ref()).isEqualTo(GeneratedLocations.ref(LOCATION));
  }
}
