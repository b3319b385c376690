package org.catalogengine.internal.processing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.model.Entity;
import org.catalogengine.spi.processor.CatalogProcessor;

/**
 * Built-in kinds (spec B6, E20): recognises the kinds of §1.4 and emits their relations.
 *
 * <p>TODO(validate merge): recognise through the validator's kind schemas (full shape, not only
 * kind/apiVersion) and emit the relation pairs of {@code BuiltinRelations} in {@code postProcessEntity}.
 */
final class BuiltinKindsProcessor implements CatalogProcessor {

  private static final Set<String> BACKSTAGE = Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");

  // kind → accepted apiVersions, as Backstage's built-in kind validators check them
  private static final Map<String, Set<String>> KINDS = Map.of(
      "Component", BACKSTAGE,
      "API", BACKSTAGE,
      "Resource", BACKSTAGE,
      "System", BACKSTAGE,
      "Domain", BACKSTAGE,
      "Group", BACKSTAGE,
      "User", BACKSTAGE,
      "Location", BACKSTAGE,
      "Template", Set.of("scaffolder.backstage.io/v1beta3", "backstage.io/v1beta2", "backstage.io/v1beta3"));

  @Override
  public String name() {
    return "builtin-kinds";
  }

  @Override
  public boolean validateEntityKind(Entity entity) {
    Set<String> versions = KINDS.get(entity.kind());
    return versions != null && versions.contains(entity.apiVersion());
  }

  /** The built-in kind names. */
  static List<String> kinds() {
    return List.copyOf(KINDS.keySet());
  }
}
