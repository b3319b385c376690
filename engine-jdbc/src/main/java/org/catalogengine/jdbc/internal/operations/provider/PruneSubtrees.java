package org.catalogengine.jdbc.internal.operations.provider;

import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_ENTITY_REF;
import static org.catalogengine.jdbc.internal.schema.Tables.SOURCE_KEY;
import static org.catalogengine.jdbc.internal.schema.Tables.TARGET_ENTITY_REF;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.processing.MarkForReprocessing;
import org.catalogengine.jdbc.internal.tx.Tx;

/**
 * Eager pruning of removed subtrees (P7, CS16, CS17, CS24). Set-based, in chunked queries on the edge indexes:
 *
 * <ol>
 *   <li>roots: the refs this provider has an edge to (other refs are untouched, CS21);
 *   <li>descendants: everything reachable from the roots through parent edges;
 *   <li>ancestors: walking upwards from the descendants, every edge into the subtree or its ancestors;
 *   <li>live: nodes reachable from a root edge that is not being removed (another provider's, or this
 *       provider's edge to a root it keeps) — they are retained;
 *   <li>the rest is deleted (cascades, S10) after the entities with relations to it are marked for reprocessing
 *       and restitching (P7/O4); finally this provider's edges to retained roots are deleted.
 * </ol>
 */
public final class PruneSubtrees {
  private PruneSubtrees() {}

  /** What was deleted (sorted). */
  public record Result(List<String> deleted) {}

  public static Result run(Tx tx, String source, Collection<String> refs) {
    if (refs.isEmpty()) {
      return new Result(List.of());
    }
    Set<String> removing = new HashSet<>(refs);
    List<String> roots = new ArrayList<>();
    for (List<String> chunk : Chunks.of(refs.stream().sorted().toList(), Chunks.IN_LIST)) {
      roots.addAll(tx.dsl().select(TARGET_ENTITY_REF).from(tx.t().references)
          .where(SOURCE_KEY.eq(source)).and(TARGET_ENTITY_REF.in(chunk))
          .fetch(TARGET_ENTITY_REF));
    }
    if (roots.isEmpty()) {
      return new Result(List.of());
    }

    Set<String> subtree = new HashSet<>(roots);
    List<String> frontier = roots;
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (List<String> chunk : Chunks.of(frontier, Chunks.IN_LIST)) {
        for (String child : tx.dsl().select(TARGET_ENTITY_REF).from(tx.t().references)
            .where(SOURCE_ENTITY_REF.in(chunk)).fetch(TARGET_ENTITY_REF)) {
          if (subtree.add(child)) {
            next.add(child);
          }
        }
      }
      frontier = next;
    }

    Map<String, List<String>> children = new HashMap<>();
    Set<String> liveRoots = new HashSet<>();
    Set<String> seen = new HashSet<>(subtree);
    frontier = new ArrayList<>(subtree);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (List<String> chunk : Chunks.of(frontier, Chunks.IN_LIST)) {
        for (var e : tx.dsl().select(SOURCE_KEY, SOURCE_ENTITY_REF, TARGET_ENTITY_REF).from(tx.t().references)
            .where(TARGET_ENTITY_REF.in(chunk)).fetch()) {
          String key = e.value1();
          String parent = e.value2();
          String target = e.value3();
          if (key != null) {
            if (!(key.equals(source) && removing.contains(target))) {
              liveRoots.add(target);
            }
          } else if (parent != null) {
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(target);
            if (seen.add(parent)) {
              next.add(parent);
            }
          }
        }
      }
      frontier = next;
    }

    Set<String> live = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(liveRoots);
    while (!queue.isEmpty()) {
      String n = queue.pop();
      if (live.add(n)) {
        queue.addAll(children.getOrDefault(n, List.of()));
      }
    }

    List<String> doomed = subtree.stream().filter(r -> !live.contains(r)).sorted().toList();
    MarkForReprocessing.relationSourcesOf(tx, doomed);
    DeleteEntities.run(tx, doomed);
    List<String> retainedRoots = roots.stream().filter(live::contains).sorted().toList();
    DeleteProviderEdges.run(tx, source, retainedRoots);
    return new Result(doomed);
  }
}
