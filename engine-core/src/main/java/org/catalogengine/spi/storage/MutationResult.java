package org.catalogengine.spi.storage;

/**
 * What one provider mutation changed (spec P4–P7).
 *
 * @param inserted entities newly written to the store by this mutation (including re-inserts after a key change)
 * @param updated existing entities whose unprocessed body or key this mutation overwrote
 * @param deleted entities removed by eager pruning (removed roots and their exclusive descendants)
 * @param unchanged incoming entities identical to what was stored (no write)
 * @param conflicts incoming entities rejected by the locationKey rules (K1–K3)
 * @param removals the pruned entities with the generations of their removal, for the change listeners (DESIGN
 *     decision 11), sorted by ref
 * @since 0.1 (experimental)
 */
public record MutationResult(int inserted, int updated, int deleted, int unchanged, int conflicts,
    java.util.List<StitchCommit> removals) {

  /** A mutation that changed nothing. */
  public static final MutationResult NONE = new MutationResult(0, 0, 0, 0, 0);

  /** Copies the removals. */
  public MutationResult {
    removals = java.util.List.copyOf(removals);
  }

  /** A result without removals to announce. */
  public MutationResult(int inserted, int updated, int deleted, int unchanged, int conflicts) {
    this(inserted, updated, deleted, unchanged, conflicts, java.util.List.of());
  }

  /** True when the mutation wrote no entity row. */
  public boolean wroteNothing() {
    return inserted == 0 && updated == 0 && deleted == 0;
  }
}
