package org.catalogengine.jdbc.internal.store;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.catalogengine.spi.storage.RefreshKeys;
import org.catalogengine.jdbc.internal.operations.Chunks;
import org.catalogengine.jdbc.internal.operations.conflicts.ClearConflicts;
import org.catalogengine.jdbc.internal.operations.conflicts.RecordConflicts;
import org.catalogengine.jdbc.internal.operations.processing.ParentsOf;
import org.catalogengine.jdbc.internal.operations.processing.RequestStitch;
import org.catalogengine.jdbc.internal.operations.processing.WriteResultsBatch;
import org.catalogengine.jdbc.internal.operations.processing.RelationRows;
import org.catalogengine.jdbc.internal.operations.processing.RelationRows.Row;
import org.catalogengine.jdbc.internal.tx.Tx;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.storage.ConflictRecord;
import org.catalogengine.spi.storage.ProcessingOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of processing outcomes in one transaction (spec L19–L23, L28, O2 improved; DESIGN decisions
 * 1–3): statements grow with the batch, not with its entities. Lock order: refresh state rows (by id, the
 * processed and failed updates), the child entity rows (by ref), edges, relations, refresh keys, the stitch
 * queue (by ref), the processing queue (by id).
 */
public final class ProcessingWrites {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessingWrites.class);
  private static final int MAX_REF_LENGTH = 255;
  /** The first retry of a failing entity; each further failure doubles it, up to the processing interval. */
  private static final long FIRST_BACKOFF_MILLIS = 5_000;

  /** The order of one entity's relation rows in the statements (after the originating entity id). */
  private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::source).thenComparing(Row::type)
      .thenComparing(Row::target).thenComparing(Row::reverseType, Comparator.nullsFirst(Comparator.naturalOrder()));

  private ProcessingWrites() {}

  /**
   * What a batch's write needs that follows from the outcomes alone, worked out before the write transaction (on
   * SQLite, outside the single writer lock, while the other worker writes): the outcomes in ref order, the
   * processed bodies' JSON, and each succeeded entity's relation rows, as a set and in statement order.
   */
  public static final class Prepared {
    private final List<ProcessingOutcome> sorted;
    private final Map<String, Set<Row>> rows = new HashMap<>();
    private final Map<String, List<Row>> orderedRows = new HashMap<>();

    private Prepared(List<ProcessingOutcome> outcomes) {
      sorted = List.copyOf(Chunks.sortedBy(outcomes, o -> o.ref().toString()));
      for (ProcessingOutcome o : sorted) {
        if (o instanceof ProcessingOutcome.Succeeded s) {
          s.processed().toString(); // the entity keeps its JSON text
          Set<Row> set = RelationRows.of(s.relations());
          List<Row> ordered = new ArrayList<>(set);
          ordered.sort(ROW_ORDER);
          rows.put(s.entityId(), set);
          orderedRows.put(s.entityId(), ordered);
        }
      }
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
      return sorted.isEmpty();
    }
  }

  /** Prepares {@code outcomes} for {@link #write}; no database access. */
  public static Prepared prepare(List<ProcessingOutcome> outcomes) {
    return new Prepared(outcomes);
  }

  /** Newly seen conflicts: (source, hit), to log and publish after commit. */
  public static void write(Tx t, Prepared prepared, long intervalMillis,
      BiConsumer<String, RecordConflicts.Hit> newConflict) {
    if (prepared.isEmpty()) {
      return;
    }
    List<ProcessingOutcome> sorted = new ArrayList<>(prepared.sorted);
    Set<String> alive = WriteResultsBatch.existing(t, sorted.stream().map(ProcessingOutcome::entityId).toList());
    sorted.removeIf(o -> !alive.contains(o.entityId()));

    TreeSet<String> stitch = new TreeSet<>();
    Map<String, String> caches = new HashMap<>();
    List<WriteResultsBatch.Processed> processed = new ArrayList<>();
    List<WriteResultsBatch.Failure> failures = new ArrayList<>();
    List<ProcessingOutcome.Succeeded> succeeded = new ArrayList<>();
    Set<String> failedIds = new HashSet<>();
    for (ProcessingOutcome o : sorted) {
      if (o.cacheJson() != null) {
        caches.put(o.entityId(), o.cacheJson());
      }
      if (o instanceof ProcessingOutcome.Unchanged u) {
        if (!u.ok()) {
          failedIds.add(u.entityId());
        }
      } else if (o instanceof ProcessingOutcome.Succeeded s) {
        processed.add(new WriteResultsBatch.Processed(s.entityId(), s.claimedLocationKey(),
            s.processed().toString(), s.resultHash()));
        succeeded.add(s);
      } else if (o instanceof ProcessingOutcome.Failed f) {
        failures.add(new WriteResultsBatch.Failure(f.entityId(), f.errorsJson(), f.resultHash()));
        failedIds.add(f.entityId());
        stitch.add(f.ref().toString());
      }
    }

    Set<String> refused = WriteResultsBatch.processed(t, processed);
    if (!refused.isEmpty()) {
      succeeded.removeIf(s -> {
        if (refused.contains(s.entityId())) {
          t.afterCommit(() -> LOG.warn("Processing result of {} rejected (K5): the entity was claimed with location"
              + " key {} but is now owned by another location; it is processed again on its next run", s.ref(),
              s.claimedLocationKey()));
          return true;
        }
        return false;
      });
    }
    WriteResultsBatch.failures(t, failures);
    WriteResultsBatch.caches(t, caches);
    succeeded.forEach(s -> stitch.add(s.ref().toString()));

    Set<String> peers = new HashSet<>();
    if (!succeeded.isEmpty()) {
      writeChildren(t, succeeded, stitch, newConflict);
      writeRelations(t, prepared, succeeded, stitch, peers);
      writeRefreshKeys(t, succeeded);
    }
    schedule(t, sorted, failedIds, intervalMillis);
    // last: other writers (the stitcher, the other workers) wait for the stitch-queue rows of hot refs until this
    // transaction commits, so they are locked as late as possible; own and peer requests in one ref-ordered batch
    stitch.addAll(peers);
    RequestStitch.run(t, List.copyOf(stitch), peers);
  }

  private static void writeChildren(Tx t, List<ProcessingOutcome.Succeeded> parents, Set<String> stitch,
      BiConsumer<String, RecordConflicts.Hit> newConflict) {
    List<String> parentRefs = parents.stream().map(s -> s.ref().toString()).toList();
    Map<String, List<String>> oldChildren = ParentsOf.childrenOf(t, parentRefs);
    // a child emitted by two parents of this batch is written in a second round, so each round has distinct refs
    List<TreeMap<String, DeferredEntity>> rounds = new ArrayList<>();
    List<Map<String, String>> roundParents = new ArrayList<>();
    Map<String, List<String>> emittedBy = new LinkedHashMap<>();
    for (ProcessingOutcome.Succeeded s : parents) {
      String parent = s.ref().toString();
      Set<String> seen = new HashSet<>();
      for (DeferredEntity d : s.children()) {
        String ref = d.entity().ref().toString();
        if (ref.equals(parent)) {
          t.afterCommit(() -> LOG.warn("Entity {} emitted itself as a child; the emission is ignored (CS40)", parent));
          continue;
        }
        if (ref.length() > MAX_REF_LENGTH) {
          t.afterCommit(() -> LOG.warn("Entity {} emitted a child whose ref is {} characters long; at most {} fit,"
              + " the child is ignored", parent, ref.length(), MAX_REF_LENGTH));
          continue;
        }
        if (!seen.add(ref)) {
          continue;
        }
        int round = 0;
        while (round < rounds.size() && rounds.get(round).containsKey(ref)) {
          round++;
        }
        if (round == rounds.size()) {
          rounds.add(new TreeMap<>());
          roundParents.add(new HashMap<>());
        }
        rounds.get(round).put(ref, d);
        roundParents.get(round).put(ref, parent);
      }
      emittedBy.put(parent, new ArrayList<>());
    }
    Map<String, String> childToParent = new HashMap<>();
    Map<String, List<RecordConflicts.Hit>> hitsBySource = new TreeMap<>();
    Set<String> untouched = new HashSet<>();
    for (int r = 0; r < rounds.size(); r++) {
      EntityWrites.Outcome out = EntityWrites.write(t, List.copyOf(rounds.get(r).values()));
      untouched.addAll(out.untouched());
      Map<String, String> owner = roundParents.get(r);
      for (String child : out.written()) {
        String parent = owner.get(child);
        String previous = childToParent.put(child, parent);
        if (previous != null) {
          emittedBy.get(previous).remove(child);
        }
        emittedBy.get(parent).add(child);
      }
      for (RecordConflicts.Hit h : out.conflicts()) {
        hitsBySource.computeIfAbsent(ConflictRecord.entitySource(
            org.catalogengine.model.EntityRef.parse(owner.get(h.ref()))), k -> new ArrayList<>()).add(h);
      }
    }
    // On a single writer the edges read above are all there are, so only parents that had children lose edges
    // (a first load's parents have none: 100,000 index probes less). Concurrent writers delete by every parent.
    List<String> withEdges = t.dialect().singleWriter()
        ? parentRefs.stream().filter(oldChildren::containsKey).toList() : parentRefs;
    WriteResultsBatch.replaceEdges(t, withEdges, childToParent);
    // O2 improved: a child its parent no longer emits is restitched now, so its orphan mark shows this cycle
    for (String parent : parentRefs) {
      Set<String> now = new HashSet<>(emittedBy.get(parent));
      Set<String> before = new HashSet<>(oldChildren.getOrDefault(parent, List.of()));
      for (String old : before) {
        if (!now.contains(old)) {
          stitch.add(old);
        }
      }
      // O3: an unchanged child that gains this parent (a reclaimed orphan, a moved child) is not made due by
      // its write, so its orphan mark is refreshed by a stitch now
      for (String child : now) {
        if (!before.contains(child) && untouched.contains(child)) {
          stitch.add(child);
        }
      }
    }
    conflicts(t, parentRefs, hitsBySource, stitch, newConflict);
  }

  private static void conflicts(Tx t, List<String> parentRefs, Map<String, List<RecordConflicts.Hit>> hitsBySource,
      Set<String> stitch, BiConsumer<String, RecordConflicts.Hit> newConflict) {
    List<String> sources = parentRefs.stream()
        .map(p -> ConflictRecord.entitySource(org.catalogengine.model.EntityRef.parse(p))).toList();
    Map<String, Set<String>> known = ConflictRefs.bySource(t, sources);
    for (String source : sources) {
      List<RecordConflicts.Hit> hits = hitsBySource.getOrDefault(source, List.of());
      Set<String> stale = new HashSet<>(known.getOrDefault(source, Set.of()));
      hits.forEach(h -> stale.remove(h.ref()));
      if (!stale.isEmpty()) {
        ClearConflicts.run(t, source, stale);
        stitch.addAll(stale);
      }
      if (!hits.isEmpty()) {
        List<RecordConflicts.Hit> byRef = new ArrayList<>(hits);
        byRef.sort(Comparator.comparing(RecordConflicts.Hit::ref));
        for (RecordConflicts.Hit h : RecordConflicts.run(t, source, byRef)) {
          stitch.add(h.ref());
          newConflict.accept(source, h);
        }
      }
    }
  }

  /**
   * Replaces the relations of the succeeded entities; {@code peers} receives the other entities whose relations
   * changed with them (their stitch requests are relation peers', after the entities' own).
   */
  private static void writeRelations(Tx t, Prepared prepared, List<ProcessingOutcome.Succeeded> succeeded,
      Set<String> stitch, Set<String> peers) {
    List<ProcessingOutcome.Succeeded> byId = new ArrayList<>(succeeded);
    byId.sort(Comparator.comparing(ProcessingOutcome.Succeeded::entityId));
    Map<String, Set<Row>> existing =
        WriteResultsBatch.relations(t, byId.stream().map(ProcessingOutcome.Succeeded::entityId).toList());
    List<Map.Entry<String, Row>> deletes = new ArrayList<>();
    // in statement order as built: entity ids ascending, each entity's rows in ROW_ORDER
    List<Map.Entry<String, Row>> inserts = new ArrayList<>();
    Set<String> sources = new HashSet<>();
    for (ProcessingOutcome.Succeeded s : byId) {
      Set<Row> old = existing.getOrDefault(s.entityId(), Set.of());
      Set<Row> next = prepared.rows.get(s.entityId());
      for (Row r : old) {
        if (!next.contains(r)) {
          deletes.add(new SimpleImmutableEntry<>(s.entityId(), r));
          r.forEachSource(sources::add);
        }
      }
      for (Row r : prepared.orderedRows.get(s.entityId())) {
        if (!old.contains(r)) {
          inserts.add(new SimpleImmutableEntry<>(s.entityId(), r));
          r.forEachSource(sources::add);
        }
      }
    }
    sources.removeAll(stitch);
    if (t.dialect().singleWriter()) {
      // Writers take turns here, so a peer that has never been processed is stitched only after this commit, by
      // its own first result, and then reads these rows; a request now would settle to nothing. On a first load
      // that is about half of the peers (DESIGN decision 4). Where writers run concurrently this is not safe
      // without locking the peers, and every source is requested.
      sources.retainAll(WriteResultsBatch.everProcessed(t, sources));
    }
    peers.addAll(sources);
    deletes.sort(Map.Entry.<String, Row>comparingByKey().thenComparing(Map.Entry::getValue, ROW_ORDER));
    WriteResultsBatch.deleteRelations(t, deletes);
    WriteResultsBatch.insertRelations(t, inserts);
  }

  private static void writeRefreshKeys(Tx t, List<ProcessingOutcome.Succeeded> succeeded) {
    Map<String, Set<String>> existing =
        WriteResultsBatch.refreshKeys(t, succeeded.stream().map(ProcessingOutcome.Succeeded::entityId).toList());
    List<Map.Entry<String, String>> deletes = new ArrayList<>();
    List<Map.Entry<String, String>> inserts = new ArrayList<>();
    for (ProcessingOutcome.Succeeded s : succeeded) {
      Set<String> old = existing.getOrDefault(s.entityId(), Set.of());
      Set<String> next = new TreeSet<>();
      s.refreshKeys().forEach(k -> next.add(RefreshKeys.normalize(k)));
      old.stream().filter(k -> !next.contains(k)).sorted()
          .forEach(k -> deletes.add(new SimpleImmutableEntry<>(s.entityId(), k)));
      next.stream().filter(k -> !old.contains(k))
          .forEach(k -> inserts.add(new SimpleImmutableEntry<>(s.entityId(), k)));
    }
    WriteResultsBatch.deleteRefreshKeys(t, deletes);
    WriteResultsBatch.insertRefreshKeys(t, inserts);
  }

  private static void schedule(Tx t, List<ProcessingOutcome> sorted, Set<String> failedIds, long intervalMillis) {
    Map<String, Integer> counts = failedIds.isEmpty() ? Map.of() : WriteResultsBatch.failureCounts(t, failedIds);
    List<WriteResultsBatch.Schedule> rows = new ArrayList<>(sorted.size());
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (ProcessingOutcome o : sorted) {
      if (failedIds.contains(o.entityId())) {
        int failures = counts.getOrDefault(o.entityId(), 0);
        rows.add(new WriteResultsBatch.Schedule(o.entityId(), t.now() + backoffMillis(failures, intervalMillis),
            failures + 1));
      } else {
        // CS32: uniformly in [X, 1.5X], so entities written together spread out over later cycles
        long next = intervalMillis + (intervalMillis <= 1 ? 0 : random.nextLong(intervalMillis / 2 + 1));
        rows.add(new WriteResultsBatch.Schedule(o.entityId(), t.now() + next, 0));
      }
    }
    // rows stay in ref order: the lock order of every writer (operations/README.md)
    WriteResultsBatch.schedule(t, rows);
  }

  /** L3 improved: 5 s, 10 s, 20 s … after consecutive failures, never more than the processing interval. */
  static long backoffMillis(int previousFailures, long intervalMillis) {
    long b = FIRST_BACKOFF_MILLIS << Math.min(previousFailures, 30);
    return Math.min(Math.max(b, 0), intervalMillis);
  }
}
