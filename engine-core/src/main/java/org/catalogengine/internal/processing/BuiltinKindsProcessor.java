package org.catalogengine.internal.processing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.model.BuiltinRelations;
import org.catalogengine.model.Entity;
import org.catalogengine.model.Relation;
import org.catalogengine.spi.processor.CatalogProcessor;
import org.catalogengine.spi.processor.Emitter;
import org.catalogengine.spi.processor.LocationSpec;
import org.catalogengine.spi.processor.ProcessingResult;
import org.catalogengine.spi.processor.ProcessorCache;

/**
 * Built-in kinds (spec B6, E20): recognises the kinds of §1.4 and emits their relations.
 *
 * <p>Recognition checks the exact kind and apiVersion, as Backstage does; the kind's JSON Schema has already
 * been applied by the policy step ({@link org.catalogengine.model.EntityValidator}).
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

  @Override
  public Entity postProcessEntity(Entity entity, LocationSpec location, Emitter emit, ProcessorCache cache) {
    if (validateEntityKind(entity)) {
      for (Relation r : BuiltinRelations.of(entity)) {
        emit.accept(ProcessingResult.relation(r));
      }
    }
    return entity;
  }

  /** The built-in kind names. */
  static List<String> kinds() {
    return List.copyOf(KINDS.keySet());
  }
}
