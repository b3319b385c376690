package org.catalogengine.internal.processing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.spi.processor.LocationSpec;
import tools.jackson.databind.node.ObjectNode;

/** Location annotation names and the generated Location entity of spec P10 / L15. */
public final class LocationAnnotations {

  public static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";
  public static final String MANAGED_BY_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";
  public static final String VIEW_URL = "backstage.io/view-url";
  public static final String EDIT_URL = "backstage.io/edit-url";
  public static final String SOURCE_LOCATION = "backstage.io/source-location";

  private LocationAnnotations() {}

  /** {@code generated-} + hex SHA-1 of {@code type:target} (P10). */
  public static String generatedName(LocationSpec spec) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(spec.toString().getBytes(StandardCharsets.UTF_8));
      return "generated-" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the Java platform", e);
    }
  }

  /**
   * The generated Location entity for {@code spec}, whose own annotations are the given location and origin
   * (for a provider root both are {@code spec}; for an emitted location, the parent's location and origin).
   */
  public static ObjectNode generatedLocation(LocationSpec spec, String ownLocation, String originLocation) {
    ObjectNode e = CanonicalJson.MAPPER.createObjectNode();
    e.put("apiVersion", "backstage.io/v1alpha1");
    e.put("kind", "Location");
    ObjectNode md = e.putObject("metadata");
    md.put("name", generatedName(spec));
    md.put("namespace", "default");
    ObjectNode ann = md.putObject("annotations");
    ann.put(MANAGED_BY_LOCATION, ownLocation);
    ann.put(MANAGED_BY_ORIGIN_LOCATION, originLocation);
    ObjectNode s = e.putObject("spec");
    s.put("type", spec.type());
    s.put("target", spec.target());
    if (spec.optional()) {
      s.put("presence", spec.presence().value());
    }
    return e;
  }
}
