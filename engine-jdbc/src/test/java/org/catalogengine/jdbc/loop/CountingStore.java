package org.catalogengine.jdbc.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.query.EntityFilter;
import org.catalogengine.spi.provider.DeferredEntity;
import org.catalogengine.spi.provider.EntityMutation;
import org.catalogengine.spi.storage.CatalogStore;
import org.catalogengine.spi.storage.ChildWriteResult;
import org.catalogengine.spi.storage.ClaimedEntity;
import org.catalogengine.spi.storage.ConflictRecord;
import org.catalogengine.spi.storage.EntityState;
import org.catalogengine.spi.storage.MutationResult;
import org.catalogengine.spi.storage.ProcessingOutcome;
import org.catalogengine.spi.storage.QueueStatistics;
import org.catalogengine.spi.storage.ReferenceEdge;
import org.catalogengine.spi.storage.StitchCommit;
import org.catalogengine.spi.storage.StitchOutcome;
import org.catalogengine.spi.storage.StitchSource;
import org.catalogengine.spi.storage.StitchTicket;
import org.catalogengine.spi.storage.StoreStatistics;
import org.catalogengine.spi.storage.StoredLocation;
import org.catalogengine.spi.storage.WorkStatus;
import org.jspecify.annotations.Nullable;

/**
 * Delegates every call to a real store and counts the {@link #queueStatistics} queries and the next batches that
 * result writes claimed.
 */
final class CountingStore implements CatalogStore {
  private final CatalogStore delegate;
  final AtomicInteger queueQueries = new AtomicInteger();
  /** Entities and stitch requests that result writes claimed as their workers' next batch. */
  final AtomicInteger processingClaimedByWrites = new AtomicInteger();
  final AtomicInteger stitchesClaimedByWrites = new AtomicInteger();

  CountingStore(CatalogStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public QueueStatistics queueStatistics(Instant now) {
    queueQueries.incrementAndGet();
    return delegate.queueStatistics(now);
  }

  @Override
  public MutationResult applyMutation(String source, EntityMutation mutation) {
    return delegate.applyMutation(source, mutation);
  }

  @Override
  public MutationResult deleteBucket(String source) {
    return delegate.deleteBucket(source);
  }

  @Override
  public int refresh(Collection<String> keys) {
    return delegate.refresh(keys);
  }

  @Override
  public void replaceRefreshKeys(EntityRef ref, Collection<String> keys) {
    delegate.replaceRefreshKeys(ref, keys);
  }

  @Override
  public Set<String> sourceKeys() {
    return delegate.sourceKeys();
  }

  @Override
  public ChildWriteResult upsertChildren(EntityRef parent, List<DeferredEntity> children) {
    return delegate.upsertChildren(parent, children);
  }

  @Override
  public void writeProcessedEntity(EntityRef ref, @Nullable String claimedLocationKey, Entity processed,
      String resultHash) {
    delegate.writeProcessedEntity(ref, claimedLocationKey, processed, resultHash);
  }

  @Override
  public StoredLocation insertLocation(String type, String target) {
    return delegate.insertLocation(type, target);
  }

  @Override
  public Optional<StoredLocation> deleteLocation(String id) {
    return delegate.deleteLocation(id);
  }

  @Override
  public Optional<StoredLocation> location(String id) {
    return delegate.location(id);
  }

  @Override
  public List<StoredLocation> locations() {
    return delegate.locations();
  }

  @Override
  public Optional<EntityState> findEntityState(EntityRef ref) {
    return delegate.findEntityState(ref);
  }

  @Override
  public List<ReferenceEdge> edgesTo(EntityRef target) {
    return delegate.edgesTo(target);
  }

  @Override
  public List<ConflictRecord> conflicts() {
    return delegate.conflicts();
  }

  @Override
  public StoreStatistics statistics() {
    return delegate.statistics();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public List<ClaimedEntity> claimDue(int limit, String owner, Duration lease) {
    return delegate.claimDue(limit, owner, lease);
  }

  @Override
  public Map<EntityRef, List<EntityRef>> parentsOf(Collection<EntityRef> refs) {
    return delegate.parentsOf(refs);
  }

  @Override
  public void writeProcessingResults(List<ProcessingOutcome> outcomes, Duration interval) {
    delegate.writeProcessingResults(outcomes, interval);
  }

  @Override
  public void requestStitch(Collection<EntityRef> refs) {
    delegate.requestStitch(refs);
  }

  @Override
  public List<ClaimedEntity> writeProcessingResultsAndClaim(List<ProcessingOutcome> outcomes, Duration interval,
      int nextLimit, String owner, Duration lease) {
    List<ClaimedEntity> next = delegate.writeProcessingResultsAndClaim(outcomes, interval, nextLimit, owner, lease);
    processingClaimedByWrites.addAndGet(next.size());
    return next;
  }

  @Override
  public org.catalogengine.spi.storage.StitchWrite writeStitchedAndClaim(List<StitchOutcome> outcomes,
      int nextLimit, Duration lease, boolean peersWaitForProcessing) {
    org.catalogengine.spi.storage.StitchWrite written =
        delegate.writeStitchedAndClaim(outcomes, nextLimit, lease, peersWaitForProcessing);
    stitchesClaimedByWrites.addAndGet(written.next().size());
    return written;
  }

  @Override
  public List<StitchTicket> claimStitches(int limit, Duration lease, boolean peersWaitForProcessing) {
    return delegate.claimStitches(limit, lease, peersWaitForProcessing);
  }

  @Override
  public List<StitchSource> loadStitchInputs(Collection<EntityRef> refs) {
    return delegate.loadStitchInputs(refs);
  }

  @Override
  public List<StitchCommit> writeStitched(List<StitchOutcome> outcomes) {
    return delegate.writeStitched(outcomes);
  }

  @Override
  public Optional<Entity> finalEntity(EntityRef ref) {
    return delegate.finalEntity(ref);
  }

  @Override
  public List<Entity> finalEntities(@Nullable EntityRef after, int limit) {
    return delegate.finalEntities(after, limit);
  }

  @Override
  public List<Entity> queryEntities(EntityFilter filter, @Nullable EntityRef after, int limit) {
    return delegate.queryEntities(filter, after, limit);
  }

  @Override
  public WorkStatus workStatus() {
    return delegate.workStatus();
  }

  @Override
  public List<StitchCommit> deleteOrphans(int limit) {
    return delegate.deleteOrphans(limit);
  }

  @Override
  public int refreshAll() {
    return delegate.refreshAll();
  }

  @Override
  public Optional<StitchCommit> deleteEntityByUid(String uid) {
    return delegate.deleteEntityByUid(uid);
  }
}
