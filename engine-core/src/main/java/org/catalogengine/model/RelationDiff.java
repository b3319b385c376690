package org.catalogengine.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The difference between the relation rows an entity originated before and after a processing run (spec L21),
 * and the entities that must be restitched because of it (spec L22).
 *
 * <p>Every added or removed row changes the final entity of its <em>source</em>: for the inverse rows of
 * E16 that is the other entity, so changing {@code spec.owner} from {@code team-a} to {@code team-b} restitches
 * the old and the new owner group as well as the entity itself (CS14).
 *
 * <pre>{@code
 * RelationDiff diff = RelationDiff.between(storedRows, emittedRows);
 * diff.added();               // rows to insert
 * diff.removed();             // rows to delete
 * diff.sourcesToRestitch();   // plus the processed entity itself, which L22 always restitches
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param added rows present only after, sorted
 * @param removed rows present only before, sorted
 * @since 0.1 (maintained)
 */
public record RelationDiff(List<Relation> added, List<Relation> removed) {

  public RelationDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  /**
   * Compares two sets of rows originated by the same entity; duplicates in either input count once.
   *
   * @param before the rows stored from the previous successful run
   * @param after the rows the current run emitted
   * @return the rows to add and to remove, each sorted
   */
  public static RelationDiff between(Collection<Relation> before, Collection<Relation> after) {
    Set<Relation> old = before instanceof Set<Relation> s ? s : new HashSet<>(before);
    Set<Relation> now = after instanceof Set<Relation> s ? s : new HashSet<>(after);
    List<Relation> added = new ArrayList<>();
    for (Relation r : now) {
      if (!old.contains(r)) {
        added.add(r);
      }
    }
    List<Relation> removed = new ArrayList<>();
    for (Relation r : old) {
      if (!now.contains(r)) {
        removed.add(r);
      }
    }
    Collections.sort(added);
    Collections.sort(removed);
    return new RelationDiff(added, removed);
  }

  /** True when the two sets were equal. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty();
  }

  /** The source ref of every added or removed row, sorted and distinct (spec L22). */
  public SortedSet<EntityRef> sourcesToRestitch() {
    TreeSet<EntityRef> refs = new TreeSet<>();
    for (Relation r : added) {
      refs.add(r.source());
    }
    for (Relation r : removed) {
      refs.add(r.source());
    }
    return Collections.unmodifiableSortedSet(refs);
  }

  /** Shorthand for {@code between(before, after).sourcesToRestitch()}. */
  public static SortedSet<EntityRef> sourcesToRestitch(Collection<Relation> before, Collection<Relation> after) {
    return between(before, after).sourcesToRestitch();
  }
}
