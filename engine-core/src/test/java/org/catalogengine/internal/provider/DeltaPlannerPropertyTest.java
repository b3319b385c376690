package org.catalogengine.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.RemovedEntity;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Checks the planner against a plain set-difference model over a small universe, so overlaps are common. */
class DeltaPlannerPropertyTest {

  static final int NAMES = 6;
  static final int VERSIONS = 3;
  static final String[] KEYS = {null, "url:a", "url:b"};
  static final Entity[][] ENTITIES = new Entity[NAMES][VERSIONS];

  static {
    for (int n = 0; n < NAMES; n++) {
      for (int v = 0; v < VERSIONS; v++) {
        ENTITIES[n][v] = DeltaPlannerTest.component("n" + n, v);
      }
    }
  }

  static final Gen<DeferredEntity> ITEMS = integers().between(0, NAMES - 1)
      .zip(integers().between(0, VERSIONS - 1), integers().between(0, KEYS.length - 1),
          (n, v, k) -> new DeferredEntity(ENTITIES[n][v], KEYS[k]));

  static final Gen<StoredEntry> ROWS = integers().between(0, NAMES - 1)
      .zip(integers().between(0, VERSIONS - 1), integers().between(0, KEYS.length - 1),
          (n, v, k) -> new StoredEntry(ENTITIES[n][v].ref(), ENTITIES[n][v].contentHash(), KEYS[k]));

  static final Gen<RemovedEntity> REMOVALS =
      integers().between(0, NAMES - 1).map(n -> RemovedEntity.of(ENTITIES[n][0].ref()));

  /** The expected plan, built the obvious way. */
  record Model(List<DeferredEntity> inserts, List<DeferredEntity> updates, List<DeferredEntity> replaces,
      List<EntityRef> deletes, int unchanged, int duplicates) {}

  static Map<EntityRef, StoredEntry> rowsByRef(List<StoredEntry> rows) {
    Map<EntityRef, StoredEntry> byRef = new LinkedHashMap<>();
    rows.forEach(r -> byRef.putIfAbsent(r.ref(), r));
    return byRef;
  }

  static Map<EntityRef, DeferredEntity> lastWins(List<DeferredEntity> items) {
    Map<EntityRef, DeferredEntity> byRef = new LinkedHashMap<>();
    items.forEach(d -> byRef.put(d.entity().ref(), d));
    return byRef;
  }

  static Model model(Map<EntityRef, StoredEntry> known, List<DeferredEntity> items, Set<EntityRef> toDelete) {
    Map<EntityRef, DeferredEntity> incoming = lastWins(items);
    List<DeferredEntity> inserts = new ArrayList<>();
    List<DeferredEntity> updates = new ArrayList<>();
    List<DeferredEntity> replaces = new ArrayList<>();
    int unchanged = 0;
    for (DeferredEntity d : incoming.values()) {
      StoredEntry row = known.get(d.entity().ref());
      if (row == null) {
        inserts.add(d);
      } else if (!Objects.equals(row.locationKey(), d.locationKey())) {
        replaces.add(d);
      } else if (!row.unprocessedHash().equals(d.entity().contentHash())) {
        updates.add(d);
      } else {
        unchanged++;
      }
    }
    Comparator<DeferredEntity> byRef = Comparator.comparing(d -> d.entity().ref());
    inserts.sort(byRef);
    updates.sort(byRef);
    replaces.sort(byRef);
    List<EntityRef> deletes = toDelete.stream().filter(r -> !incoming.containsKey(r)).sorted().toList();
    return new Model(inserts, updates, replaces, deletes, unchanged, items.size() - incoming.size());
  }

  static void assertMatches(MutationPlan plan, Model expected) {
    assertThat(plan.inserts()).containsExactlyElementsOf(expected.inserts());
    assertThat(plan.updates()).containsExactlyElementsOf(expected.updates());
    assertThat(plan.replaces()).containsExactlyElementsOf(expected.replaces());
    assertThat(plan.deletes()).containsExactlyElementsOf(expected.deletes());
    assertThat(plan.unchanged()).isEqualTo(expected.unchanged());
    assertThat(plan.duplicateCount()).isEqualTo(expected.duplicates());
    assertThat(plan.isEmpty()).isEqualTo(expected.inserts().isEmpty() && expected.updates().isEmpty()
        && expected.replaces().isEmpty() && expected.deletes().isEmpty());
  }

  @Test
  void planFull_agreesWithSetDifferenceModel() {
    qt().forAll(lists().of(ROWS).ofSizeBetween(0, 8), lists().of(ITEMS).ofSizeBetween(0, 10))
        .checkAssert((rows, items) -> {
          Map<EntityRef, StoredEntry> bucket = rowsByRef(rows);
          MutationPlan plan = DeltaPlanner.planFull(bucket.values(), items);
          assertMatches(plan, model(bucket, items, bucket.keySet()));
          assertThat(plan.overriddenRemovals()).isEmpty();
        });
  }

  @Test
  void planDelta_agreesWithSetDifferenceModel() {
    qt().forAll(lists().of(ROWS).ofSizeBetween(0, 8), lists().of(ITEMS).ofSizeBetween(0, 10),
            lists().of(REMOVALS).ofSizeBetween(0, 4))
        .checkAssert((rows, items, removals) -> {
          Map<EntityRef, StoredEntry> existing = rowsByRef(rows);
          Set<EntityRef> removed = new LinkedHashSet<>();
          removals.forEach(r -> removed.add(r.ref()));

          MutationPlan plan = DeltaPlanner.planDelta(existing, items, removals);

          assertMatches(plan, model(existing, items, removed));
          Set<EntityRef> added = lastWins(items).keySet();
          assertThat(plan.overriddenRemovals())
              .containsExactlyElementsOf(removed.stream().filter(added::contains).sorted().toList());
        });
  }
}
