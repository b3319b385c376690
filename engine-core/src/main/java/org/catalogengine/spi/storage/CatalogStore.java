package org.catalogengine.spi.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.query.EntityFilter;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.jspecify.annotations.Nullable;

/**
 * The contract a storage backend implements: provider buckets, reference edges, locationKey conflicts,
 * refresh keys and registered locations (spec §2–§4). engine-jdbc's {@code JdbcCatalogStore} implements it on
 * SQLite, PostgreSQL and MariaDB.
 *
 * <p>Every write method is one transaction: it either applies completely or not at all. Retryable database
 * failures (deadlocks, serialization failures, a busy SQLite database, two writers racing to insert the same
ref) are retried a bounded number of times
 * before a {@link org.catalogengine.error.StorageException} is thrown. Implementations are thread-safe.
 *
 * <pre>{@code
 * try (CatalogStore store = JdbcCatalogStore.builder().jdbcUrl("jdbc:sqlite:catalog.db").build()) {
 *   store.applyMutation("github", EntityMutation.full(entities));
 *   store.refresh(List.of("url:https://git/x/catalog-info.yaml"));
 * }
 * }</pre>
 *
 * @since 0.1 (experimental)
 */
public interface CatalogStore extends AutoCloseable {

  /**
   * Applies a provider mutation to the bucket of {@code source} in one transaction (spec P4–P7, K1–K3):
   * plans it against the stored rows, eagerly prunes removed subtrees, writes inserts and updates in ref order,
   * records conflicts (logged once, when first seen) and clears the ones that no longer occur. An identical
   * repeated full mutation writes no row.
   *
   * @param source the provider name (the bucket's source key)
   * @param mutation the full or delta mutation; items are assumed envelope-valid ({@link Entity} guarantees it)
   * @return what changed
   * @throws org.catalogengine.error.InputException if an item cannot be stored (e.g. a ref longer than 255
   *     characters); nothing of the mutation is stored
   * @throws org.catalogengine.error.StorageException if the database fails after bounded retries
   */
  MutationResult applyMutation(String source, EntityMutation mutation);

  /** Removes a provider's whole bucket, as an empty full mutation would (spec P9). */
  default MutationResult deleteBucket(String source) {
    return applyMutation(source, EntityMutation.full(List.of()));
  }

  /**
   * Makes every entity that registered one of the keys due for processing now (spec P8, S9); keys longer than
   * 255 characters are matched after hashing.
   *
   * @return the number of entities made due
   */
  int refresh(Collection<String> keys);

  /**
   * Replaces the refresh keys registered by {@code ref} (spec L21, S9); used by the processing loop.
   *
   * @throws org.catalogengine.error.NotFoundException if the entity does not exist
   */
  void replaceRefreshKeys(EntityRef ref, Collection<String> keys);

  /** Every provider name that owns at least one reference edge (spec P9). */
  Set<String> sourceKeys();

  /**
   * Writes the children a parent emitted in a successful run (spec L20, K1, K2, K4): each child is inserted or
   * updated (made due now) when the locationKey rules allow it; the parent's outgoing edges are replaced by
   * edges to the written children (which lose every other incoming entity edge), and rejected children are
   * recorded as conflicts (published to the {@link ConflictListener} when first seen).
   *
   * @throws org.catalogengine.error.NotFoundException if the parent does not exist
   */
  ChildWriteResult upsertChildren(EntityRef parent, List<DeferredEntity> children);

  /**
   * Stores a successful processing result under the key guard of spec K5: applied only if the row's
   * location key is null or equals {@code claimedLocationKey}.
   *
   * @throws org.catalogengine.error.ConflictException if the row's key differs from the claimed key
   * @throws org.catalogengine.error.NotFoundException if the entity does not exist
   */
  void writeProcessedEntity(EntityRef ref, @Nullable String claimedLocationKey, Entity processed, String resultHash);

  /**
   * Registers a location (spec S8, R10).
   *
   * @throws org.catalogengine.error.ConflictException if {@code type:target} is already registered
   */
  StoredLocation insertLocation(String type, String target);

  /** Removes a registered location; returns it, or empty if no location has that id. */
  Optional<StoredLocation> deleteLocation(String id);

  /** A registered location by id. */
  Optional<StoredLocation> location(String id);

  /** All registered locations, ordered by type then target. */
  List<StoredLocation> locations();

  /** The stored state of an entity. */
  Optional<EntityState> findEntityState(EntityRef ref);

  /** The reference edges pointing at {@code target}, providers first, then parents, each sorted. */
  List<ReferenceEdge> edgesTo(EntityRef target);

  /** All recorded conflicts, ordered by ref then source. */
  List<ConflictRecord> conflicts();

  /** Row counts of every table. */
  StoreStatistics statistics();

  /** Releases the store's resources (a pool it created); a handed-in {@code DataSource} is left open. */
  @Override
  void close();

  // ------------------------------------------------------------------ processing loop and stitching (issue 4)

  /**
   * Claims up to {@code limit} due entities for processing (spec L2, L3 improved): rows with
   * {@code next_update_at <= now} and no live lease, oldest first, skipping rows other workers hold
   * ({@code FOR UPDATE SKIP LOCKED} where the database has it). Each claimed row gets a lease of
   * {@code lease} owned by {@code owner}; an expired lease makes the row claimable again.
   *
   * @return the claimed entities, sorted by ref
   */
  List<ClaimedEntity> claimDue(int limit, String owner, java.time.Duration lease);

  /**
   * The parent refs (sources of reference edges that are entities) of each given ref; refs without parents are
   * absent from the map. Used for the result hash of emitted children (L25).
   */
  java.util.Map<EntityRef, List<EntityRef>> parentsOf(Collection<EntityRef> refs);

  /**
   * Writes a batch of processing results in one transaction (spec L19–L23, L28, O2 improved), sorted by ref:
   * processed entities under the K5 guard, children under the K-rules with their edges, the relation diff,
   * refresh keys, errors, caches and stitch requests (each entity written, the sources of added or removed
   * relation rows, children a parent dropped); then every entity's schedule: {@code now + interval} drawn
   * uniformly from {@code [interval, 1.5 interval]} after success, an exponential back-off capped at
   * {@code interval} after failure; leases are released.
   */
  void writeProcessingResults(List<ProcessingOutcome> outcomes, java.time.Duration interval);

  /**
   * Writes a batch of processing results as {@link #writeProcessingResults} does and claims the next batch as
   * {@link #claimDue} does ({@code nextLimit} entities at most; 0 claims nothing), the claim's leases in the same
   * transaction as the results. A worker working through a backlog so passes the store's write path once per batch
   * instead of twice, and has its next batch as soon as this one is written: on a single-writer database its claim
   * no longer waits behind the other workers' writes. The default runs the two calls in turn.
   *
   * @return the claimed entities, sorted by ref
   */
  default List<ClaimedEntity> writeProcessingResultsAndClaim(List<ProcessingOutcome> outcomes,
      java.time.Duration interval, int nextLimit, String owner, java.time.Duration lease) {
    requireNextLimit(nextLimit);
    writeProcessingResults(outcomes, interval);
    return nextLimit == 0 ? List.of() : claimDue(nextLimit, owner, lease);
  }

  /** Requests a stitch of each ref (T7): requests for the same ref coalesce into one with a new ticket. */
  void requestStitch(Collection<EntityRef> refs);

  /**
   * Claims up to {@code limit} due stitch requests: each gets a new ticket and is hidden for {@code lease}
   * (then it is due again: a crashed worker's request is retried). Entities' own requests come first; relation
   * peers' requests, due later, are claimed ahead of their due time when no own request is due, and, with
   * {@code peersWaitForProcessing}, only when no entity is due for processing either (a change is processed and
   * stitched before the peers it makes due; a first load, whose peers are most of its requests, passes false).
   */
  List<StitchTicket> claimStitches(int limit, java.time.Duration lease, boolean peersWaitForProcessing);

  /** {@link #claimStitches(int, java.time.Duration, boolean)} with relation peers waiting for processing. */
  default List<StitchTicket> claimStitches(int limit, java.time.Duration lease) {
    return claimStitches(limit, lease, true);
  }

  /** Loads the stitch inputs of the given refs (T1), set-based; refs without an entity are absent. */
  List<StitchSource> loadStitchInputs(Collection<EntityRef> refs);

  /**
   * Writes stitch results in one transaction (T4, T5): for each outcome whose queue row still carries its
   * ticket, the final entity with its search-row diff and a new generation, then the queue row is deleted.
   *
   * @return the committed changes in generation order (unchanged and fenced-off outcomes are not listed)
   */
  List<StitchCommit> writeStitched(List<StitchOutcome> outcomes);

  /**
   * Writes stitch results as {@link #writeStitched} does and, in the same transaction, claims up to
   * {@code nextLimit} due stitch requests as {@link #claimStitches(int, java.time.Duration, boolean)} does (0 claims
   * nothing): a stitch worker with a backlog loads and stitches its next batch while another worker writes, instead
   * of waiting for the write path twice. The default runs the two calls in turn.
   */
  default StitchWrite writeStitchedAndClaim(List<StitchOutcome> outcomes, int nextLimit,
      java.time.Duration lease, boolean peersWaitForProcessing) {
    requireNextLimit(nextLimit);
    List<StitchCommit> commits = writeStitched(outcomes);
    return new StitchWrite(commits,
        nextLimit == 0 ? List.of() : claimStitches(nextLimit, lease, peersWaitForProcessing));
  }

  private static void requireNextLimit(int nextLimit) {
    if (nextLimit < 0) {
      throw new org.catalogengine.error.InputException("nextLimit must not be negative, got " + nextLimit);
    }
  }

  /** The final entity of a ref, if it has been stitched. */
  Optional<Entity> finalEntity(EntityRef ref);

  /** Up to {@code limit} final entities with refs greater than {@code after} (all when null), sorted by ref. */
  List<Entity> finalEntities(@Nullable EntityRef after, int limit);

  /**
   * Up to {@code limit} final entities that match {@code filter} (spec R2) with refs greater than {@code after}
   * (all when null), sorted by ref: a keyset page, so the next page starts after the last ref of this one.
   * Entities not stitched yet (no final body) are never returned.
   *
   * <pre>{@code
   * EntityFilter services = EntityFilter.parse(List.of("kind=component,spec.type=service"));
   * List<Entity> page = store.queryEntities(services, null, 100);
   * while (!page.isEmpty()) {
   *   page.forEach(this::index);
   *   page = store.queryEntities(services, page.get(page.size() - 1).ref(), 100);
   * }
   * }</pre>
   *
   * @param filter which entities; {@link EntityFilter#ALL} for every one
   * @param after the last ref of the previous page, or null for the first page
   * @param limit the page size, at least 1
   * @return the matching entities, sorted by ref; empty after the last page
   * @throws org.catalogengine.error.InputException if {@code limit} is less than 1
   * @since 0.1 (experimental)
   */
  List<Entity> queryEntities(EntityFilter filter, @Nullable EntityRef after, int limit);

  /** Outstanding processing and stitching work now. */
  WorkStatus workStatus();

  /**
   * True when nothing is due, leased or queued for stitching: {@code workStatus().idle()}, which stores may answer
   * more cheaply (existence instead of counts), since {@code awaitIdle} asks it many times a second.
   */
  default boolean idle() {
    return workStatus().idle();
  }

  /**
   * One round of orphan deletion (spec O4): deletes up to {@code limit} entities without incoming reference
   * edge (cascading, S10) and makes the sources of relations to them due and restitched. Each removal takes a
   * generation in the same transaction.
   *
   * @return the removals (final JSON null), sorted by ref
   */
  List<StitchCommit> deleteOrphans(int limit);

  /**
   * Makes every entity due for processing now (the command line's {@code ingest --refresh}; a full re-read of
   * every location).
   *
   * @return the number of entities made due
   */
  int refreshAll();

  /**
   * Queue depths and delays at {@code now}, for {@link org.catalogengine.CatalogEngine#metrics()}: meant to be
   * cheap enough to run on every metrics scrape (a few aggregate queries served by the due indexes).
   *
   * <p>The default derives the counts from {@link #workStatus()} and {@link #statistics()} and reports zero
   * ages (it cannot see them); stores should override it.
   */
  default QueueStatistics queueStatistics(java.time.Instant now) {
    WorkStatus work = workStatus();
    return new QueueStatistics(work.due(), work.leased(), statistics().entities(), java.time.Duration.ZERO,
        work.stitchQueued(), java.time.Duration.ZERO);
  }

  /**
   * Deletes the entity whose uid ({@code refresh_state.entity_id}) is {@code uid} in one transaction (spec R9,
   * O6): its row and everything that cascades from it (S10: queue, edges, the relations it originated, refresh
   * keys, search rows, final entity); every parent's result hash is invalidated and the parent made due now, so
   * a child that is still emitted comes back on the parent's next run (with a new uid); the sources of relations
   * that targeted it are made due and restitched, and its children restitched (their edge from it is gone, so
   * they may be orphans now). The removal takes a generation like an orphan deletion.
   *
   * @return the removal (final JSON null), or empty when no entity has that uid
   */
  Optional<StitchCommit> deleteEntityByUid(String uid);
}
