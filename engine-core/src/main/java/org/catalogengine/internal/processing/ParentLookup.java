package org.catalogengine.internal.processing;

import java.util.List;
import java.util.Map;
import org.catalogengine.model.EntityRef;

/** Answers "which entities are parents of these refs" for the result hash (L25); the loop backs it with the edges table. */
@FunctionalInterface
public interface ParentLookup {

  /** No known parents. */
  ParentLookup NONE = refs -> List.of();

  /**
   * The parent refs (sources of reference edges; provider names are not refs and are left out) of the given
   * entities, in any order and possibly with duplicates.
   */
  List<EntityRef> parentsOf(List<EntityRef> refs);

  /** A lookup over a fixed map, for tests and in-memory runs. */
  static ParentLookup of(Map<EntityRef, List<EntityRef>> parents) {
    Map<EntityRef, List<EntityRef>> copy = Map.copyOf(parents);
    return refs -> refs.stream().flatMap(r -> copy.getOrDefault(r, List.of()).stream()).toList();
  }
}
