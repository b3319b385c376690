// TEMP: replaced by the planner branch at merge
package org.catalogengine.internal.provider;

import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.provider.DeferredEntity;
import tools.jackson.databind.node.ObjectNode;

/** TEMP copy: the generated Location entity of P10. */
public final class GeneratedLocations {
  private GeneratedLocations() {}

  /** The generated Location entity for {@code type:target}, keyed by {@code type:target}. */
  public static DeferredEntity of(String type, String target) {
    String location = type + ":" + target;
    ObjectNode json = CanonicalJson.MAPPER.createObjectNode();
    json.put("apiVersion", "backstage.io/v1alpha1");
    json.put("kind", "Location");
    ObjectNode md = json.putObject("metadata");
    md.put("name", "generated-" + new CanonicalJson.Sha1().update(location).hex());
    md.put("namespace", "default");
    ObjectNode ann = md.putObject("annotations");
    ann.put("backstage.io/managed-by-location", location);
    ann.put("backstage.io/managed-by-origin-location", location);
    ObjectNode spec = json.putObject("spec");
    spec.put("type", type);
    spec.put("target", target);
    return DeferredEntity.of(Entity.of(json), location);
  }
}
