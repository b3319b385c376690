package org.catalogengine.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.catalogengine.CatalogListener;
import org.catalogengine.internal.processing.ParentLookup;
import org.catalogengine.internal.processing.PipelineInput;
import org.catalogengine.internal.processing.PipelineOutput;
import org.catalogengine.internal.processing.ProcessingError;
import org.catalogengine.internal.processing.ProcessingPipeline;
import org.catalogengine.internal.processing.ProcessorCacheState;
import org.catalogengine.internal.stitching.StitchInput;
import org.catalogengine.internal.stitching.StitchResult;
import org.catalogengine.internal.stitching.Stitcher;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.storage.CatalogStore;
import org.catalogengine.spi.storage.ClaimedEntity;
import org.catalogengine.spi.storage.ProcessingOutcome;
import org.catalogengine.spi.storage.SearchEntry;
import org.catalogengine.spi.storage.StitchCommit;
import org.catalogengine.spi.storage.StitchOutcome;
import org.catalogengine.spi.storage.StitchSource;
import org.catalogengine.spi.storage.StitchTicket;
import org.catalogengine.spi.storage.StitchWrite;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step of each worker (DESIGN "The way an entity travels"): claim → pipeline → write for processing, and
 * claim → load → {@link Stitcher} → write for stitching, each on a batch; while a backlog lasts, each write also
 * claims the worker's next batch ({@link #processWhile}, {@link #stitchWhile}). Nothing is held across the
 * pipeline's reader I/O: the claim and the write are separate transactions. Thread-safe; workers share one
 * instance.
 */
public final class EngineLoop {
  private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

  /** Tunables of the loop. */
  public record Settings(Duration interval, int processingBatch, int stitchBatch, Duration processingLease,
      Duration stitchLease, String owner) {}

  private final CatalogStore store;
  private final ProcessingPipeline pipeline;
  private final CatalogListener listener;
  private final Settings settings;
  /** The next claim sizes: they grow while claims come back full (a backlog) and fall back on a partial one. */
  private final ClaimSize processingClaim;
  private final ClaimSize stitchClaim;

  public EngineLoop(CatalogStore store, ProcessingPipeline pipeline, CatalogListener listener, Settings settings) {
    this.store = store;
    this.pipeline = pipeline;
    this.listener = listener;
    this.settings = settings;
    this.processingClaim = new ClaimSize(settings.processingBatch(), MAX_GROWTH);
    this.stitchClaim = new ClaimSize(settings.stitchBatch(), MAX_GROWTH);
  }

  /**
   * How far claims grow beyond the configured batch size while a backlog lasts. Each write transaction rewrites
   * every index page it touches; in a backlog, rows land on random pages of the ref and search indexes, so the
   * cost of a commit grows far slower than its rows (on SQLite a 100,000-entity load wrote about half the WAL
   * with batches four times larger). A small change never waits for a larger batch: a claim takes what is due.
   */
  static final int MAX_GROWTH = 4;
  /**
   * Processing steps under way on a burst batch: a claim grown to at least twice the batch size, nearly all of it
   * entities processed for the first time (a first load or a large addition, whose relations to each other arrive
   * batch by batch). A backlog of entities processed before (a 1% change and the peers it reprocesses) is no burst:
   * their stitches are final, and changes should become visible while the rest of the backlog is worked.
   */
  private final java.util.concurrent.atomic.AtomicInteger burstBatchesInFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  /** Stitch workers holding a batch claimed outside a burst ({@link #changeBeingStitched()}). */
  private final java.util.concurrent.atomic.AtomicInteger changeStitchesInFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  /**
   * Whether a processing write outside a burst changed entities (their own stitch requests are queued) and no stitch
   * claim has been made since.
   */
  private volatile boolean changeAwaitingStitch;
  /** When the last burst batch was written (System.nanoTime), or {@link #NO_BURST}. */
  private volatile long lastBurstAt = NO_BURST;
  static final long NO_BURST = Long.MIN_VALUE / 2;
  /** The share of first-time entities from which a full batch is a burst. */
  static final double BURST_FIRST_TIME_SHARE = 0.9;

  /**
   * Whether stitch claims leave relation peers' requests for after the entities due for processing
   * ({@link CatalogStore#claimStitches(int, Duration, boolean)}): yes for a change, not during a burst (a first load),
   * whose peers are most of its stitch requests.
   */
  boolean peersWaitForProcessing() {
    return !processingBurst() && lastBurstAt == NO_BURST;
  }

  /** Whether a processing step is working on a burst batch right now (more of the burst is probably due). */
  public boolean processingBurst() {
    return burstBatchesInFlight.get() > 0;
  }

  /** When the last burst batch was written (System.nanoTime), or {@link #NO_BURST}; a partial batch ends a burst. */
  public long lastBurstAt() {
    return lastBurstAt;
  }

  /**
   * Whether a claim is a burst batch (see {@link #processingBurst()}). Claims grow beyond the batch size only after
   * full claims, so a burst is a grown claim: a change that adds one batch of new entities (and its first claims)
   * does not hold stitching back.
   */
  static boolean isBurst(List<ClaimedEntity> claimed, int batchSize) {
    if (claimed.size() < 2 * batchSize) {
      return false;
    }
    long firstTime = claimed.stream().filter(c -> c.resultHash() == null).count();
    return firstTime >= BURST_FIRST_TIME_SHARE * claimed.size();
  }

  /**
   * Whether a processed batch carries a change: an entity with a new result, stored or first (a relation peer
   * reprocessed to the same result is {@link ProcessingOutcome.Unchanged}). Outside a burst such a batch is written
   * without claiming the next one, and processing waits for its stitches ({@link #changeBeingStitched()}).
   */
  static boolean isChange(List<ProcessingOutcome> outcomes) {
    for (ProcessingOutcome o : outcomes) {
      if (!(o instanceof ProcessingOutcome.Unchanged)) {
        return true;
      }
    }
    return false;
  }

  /** Processes one batch of due entities; returns how many were claimed. */
  public int processOnce() {
    return processWhile(() -> false, () -> { });
  }

  /**
   * Processes batches of due entities until a claim comes back empty or {@code claimNext} says stop: each batch's
   * write also claims the next batch, in the same transaction ({@link CatalogStore#writeProcessingResultsAndClaim}),
   * so a worker working through a backlog takes the store's write path once per batch and starts on its next batch
   * while the other workers write. {@code claimNext} is asked before each write; {@code written} runs after each.
   * A batch claimed before a stop is still processed and written. Only batches quicker than a quarter of the lease
   * are chained ({@link #withinChainBudget}).
   *
   * @return how many entities were claimed
   */
  public int processWhile(java.util.function.BooleanSupplier claimNext, Runnable written) {
    long started = System.nanoTime();
    int size = processingClaim.next();
    List<ClaimedEntity> claimed = store.claimDue(size, settings.owner(), settings.processingLease());
    int total = 0;
    while (true) {
      processingClaim.claimed(size, claimed.size());
      if (claimed.size() < settings.processingBatch()) {
        lastBurstAt = NO_BURST;
      }
      if (claimed.isEmpty()) {
        return total;
      }
      total += claimed.size();
      boolean burst = isBurst(claimed, settings.processingBatch());
      if (burst) {
        burstBatchesInFlight.incrementAndGet();
      }
      List<ClaimedEntity> next;
      try {
        List<ProcessingOutcome> outcomes = new ArrayList<>(claimed.size());
        for (ClaimedEntity c : claimed) {
          outcomes.add(process(c));
        }
        // a change's batch is written without claiming the next one: its stitches come first (changeBeingStitched)
        boolean change = !burst && peersWaitForProcessing() && isChange(outcomes);
        size = !change && claimNext.getAsBoolean() && withinChainBudget(started, settings.processingLease())
            ? processingClaim.next() : 0;
        next = store.writeProcessingResultsAndClaim(outcomes, settings.interval(), size, settings.owner(),
            settings.processingLease());
        if (burst) {
          lastBurstAt = System.nanoTime();
        }
        if (change) {
          changeAwaitingStitch = true;
        }
        counters.processed(outcomes, started);
      } finally {
        if (burst) {
          burstBatchesInFlight.decrementAndGet();
        }
      }
      written.run();
      if (size == 0) {
        return total;
      }
      started = System.nanoTime();
      claimed = next;
    }
  }

  /** Runs the pipeline for one claimed entity and turns its output into what the store writes (L19–L25). */
  ProcessingOutcome process(ClaimedEntity c) {
    PipelineOutput out;
    String previousCache = c.cacheJson();
    ProcessorCacheState cache = ProcessorCacheState.EMPTY;
    try {
      JsonNode unprocessed = CanonicalJson.MAPPER.readTree(c.unprocessedJson());
      if (previousCache != null && !previousCache.isEmpty()) {
        cache = ProcessorCacheState.fromJson(CanonicalJson.MAPPER.readTree(previousCache));
      }
      out = pipeline.run(new PipelineInput(unprocessed, cache, parents(c)));
    } catch (RuntimeException e) {
      // a damaged stored row or a failing parent lookup fails this entity's run, not the batch
      LOG.warn("Processing {} failed before the pipeline ran", c.ref(), e);
      List<ProcessingError> errors = List.of(new ProcessingError("Error", "Processing of " + c.ref()
          + " failed before the pipeline ran: " + e.getMessage()));
      String errorsJson = ProcessingError.toJson(errors).toString();
      String hash = CanonicalJson.sha1(ProcessingError.toJson(errors));
      return hash.equals(c.resultHash()) ? new ProcessingOutcome.Unchanged(c.entityId(), c.ref(), false, null)
          : new ProcessingOutcome.Failed(c.entityId(), c.ref(), errorsJson, hash, null);
    }
    // an empty cache is not worth a write when none was stored (most entities never use the cache)
    boolean storedNothing = previousCache == null || previousCache.isEmpty();
    String cacheJson = out.cacheChanged() && !(storedNothing && out.cache().isEmpty())
        ? out.cache().toJson().toString() : null;
    if (out.resultHash().equals(c.resultHash())) {
      return new ProcessingOutcome.Unchanged(c.entityId(), c.ref(), out.ok(), cacheJson);
    }
    if (out.ok() && out.completedEntity() != null) {
      Entity processed = out.completedEntity().with(j -> ((ObjectNode) j.get("metadata")).put("uid", c.entityId()));
      processed.toString(); // its JSON text is made here, on the worker, not inside the store's write transaction
      return new ProcessingOutcome.Succeeded(c.entityId(), c.ref(), c.locationKey(), processed, out.children(),
          out.relations(), out.refreshKeys(), out.resultHash(), cacheJson);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("Processing {} failed: {}", c.ref(), out.errors());
    }
    return new ProcessingOutcome.Failed(c.entityId(), c.ref(), ProcessingError.toJson(out.errors()).toString(),
        out.resultHash(), cacheJson);
  }

  /**
   * L25: the entity's own parents come with the claim; its children's parents are read when asked (the hasher
   * sorts and de-duplicates the whole list).
   */
  private ParentLookup parents(ClaimedEntity c) {
    return refs -> {
      List<EntityRef> out = new ArrayList<>();
      List<EntityRef> others = new ArrayList<>();
      for (EntityRef r : refs) {
        if (r.equals(c.ref())) {
          out.addAll(c.parents());
        } else {
          others.add(r);
        }
      }
      if (!others.isEmpty()) {
        // the write makes this entity a parent of its children; counting it now keeps the hash of the next
        // identical run equal, instead of rewriting every parent once on its second run
        out.add(c.ref());
        Map<EntityRef, List<EntityRef>> found = store.parentsOf(others);
        for (EntityRef r : others) {
          out.addAll(found.getOrDefault(r, List.of()));
        }
      }
      return out;
    };
  }

  /** Stitches one batch of requests; returns how many were claimed. */
  public int stitchOnce() {
    return stitchWhile(() -> false);
  }

  /**
   * Stitches batches of requests until a claim comes back empty or {@code claimNext} says stop: each batch's write
   * also claims the next batch ({@link CatalogStore#writeStitchedAndClaim}), so one worker loads and stitches while
   * another writes, instead of both queueing for the write path twice per batch. {@code claimNext} is asked before
   * each write; a batch claimed before a stop is still stitched and written. Only batches quicker than a quarter of
   * the lease are chained ({@link #withinChainBudget}).
   *
   * @return how many requests were claimed
   */
  public int stitchWhile(java.util.function.BooleanSupplier claimNext) {
    long started = System.nanoTime();
    int size = stitchClaim.next();
    boolean change = peersWaitForProcessing();
    List<StitchTicket> tickets = store.claimStitches(size, settings.stitchLease(), change);
    int total = 0;
    boolean holding = false;
    try {
      while (true) {
        if (change) {
          // the requests a change's processing wrote are claimed now (and held below), or there were none
          changeAwaitingStitch = false;
        }
        stitchClaim.claimed(size, tickets.size());
        if (tickets.isEmpty()) {
          return total;
        }
        holding = holdChange(holding, change);
        total += tickets.size();
        List<StitchOutcome> outcomes = stitchAll(tickets);
        size = claimNext.getAsBoolean() && withinChainBudget(started, settings.stitchLease())
            ? stitchClaim.next() : 0;
        change = peersWaitForProcessing();
        StitchWrite written = store.writeStitchedAndClaim(outcomes, size, settings.stitchLease(), change);
        if (listener != CatalogListener.NONE) {
          notify(written.commits());
        }
        counters.stitched(tickets.size(), tickets.size() - outcomes.size(), written.commits().size(), started);
        if (size == 0) {
          return total;
        }
        started = System.nanoTime();
        tickets = written.next();
      }
    } finally {
      holdChange(holding, false);
    }
  }

  /**
   * Counts this worker in {@link #changeBeingStitched()} while it holds a batch claimed with peers waiting: outside a
   * burst, such a claim takes the entities' own requests alone while processing has work (the change itself),
   * and peers' requests only when it has none.
   */
  private boolean holdChange(boolean holding, boolean change) {
    if (change && !holding) {
      changeStitchesInFlight.incrementAndGet();
    } else if (holding && !change) {
      changeStitchesInFlight.decrementAndGet();
    }
    return change;
  }

  /**
   * Whether a stitch worker is loading, stitching or writing a batch claimed outside a burst: a change's own
   * stitches, while processing has work. Processing claims wait for it ({@code DefaultCatalogEngine}): what they
   * would take then is mostly the change's relation peers, whose reprocessing otherwise shares the cores with the
   * stitches that make the change visible (on two cores a 1% change of 100,000 entities showed 0.3–0.7 s later).
   */
  public boolean changeBeingStitched() {
    return changeAwaitingStitch || changeStitchesInFlight.get() > 0;
  }

  /**
   * Whether a batch begun at {@code started} (System.nanoTime) was quick enough to claim the next one before it
   * is written: the next batch's lease runs from its claim, through the rest of this batch's write and its own
   * work, so a worker only chains batches that take less than a quarter of the lease (slow readers, for example,
   * get a fresh claim after each batch, as without chaining).
   */
  static boolean withinChainBudget(long started, Duration lease) {
    return System.nanoTime() - started < lease.toNanos() / CHAIN_BUDGET_SHARE;
  }

  /** Batches that take less than the lease divided by this are chained. */
  static final int CHAIN_BUDGET_SHARE = 4;

  /** Loads the inputs of the claimed requests and stitches them; a request whose stitch fails is left out (T7). */
  private List<StitchOutcome> stitchAll(List<StitchTicket> tickets) {
    Map<EntityRef, StitchSource> sources = new HashMap<>();
    for (StitchSource s : store.loadStitchInputs(tickets.stream().map(StitchTicket::ref).toList())) {
      sources.put(s.ref(), s);
    }
    List<StitchOutcome> outcomes = new ArrayList<>(tickets.size());
    for (StitchTicket t : tickets) {
      StitchSource s = sources.get(t.ref());
      if (s == null) {
        // T2: no entity (a dangling relation source, or deleted meanwhile; deletions announce themselves)
        outcomes.add(new StitchOutcome.Settled(t));
        continue;
      }
      try {
        outcomes.add(stitch(t, s));
      } catch (RuntimeException e) {
        // left out: the request stays queued and is retried when its lease expires (T7)
        LOG.warn("Stitching {} failed; it is retried after the stitch lease", t.ref(), e);
      }
    }
    return outcomes;
  }

  private StitchOutcome stitch(StitchTicket t, StitchSource s) {
    List<org.catalogengine.internal.stitching.ProcessingError> errors = errors(s.errorsJson());
    String body = s.processedJson();
    if (body == null) {
      // T2, improved by L24: an entity that never processed successfully shows its unprocessed body and errors
      if (errors.isEmpty() || s.unprocessedJson() == null) {
        return new StitchOutcome.Settled(t);
      }
      body = s.unprocessedJson();
    }
    StitchResult result = Stitcher.stitch(new StitchInput(s.entityId(), Entity.parse(body), s.relations(), errors,
        s.orphan(), s.conflicts(), s.previousHash()));
    if (result instanceof StitchResult.Stitched st) {
      List<SearchEntry> rows = new ArrayList<>(st.searchRows().size());
      st.searchRows().forEach(r -> rows.add(new SearchEntry(r.key(), r.value(), r.originalValue(), r.elementKey())));
      return new StitchOutcome.Stitched(t, s.entityId(), st.finalJson(), st.hash(), rows);
    }
    if (result instanceof StitchResult.Failed f) {
      counters.stitchFailed();
      LOG.warn("Stitching {} failed, its previous final entity stays: {}", t.ref(), f.reason());
    }
    return new StitchOutcome.Settled(t);
  }

  private static List<org.catalogengine.internal.stitching.ProcessingError> errors(@Nullable String json) {
    if (json == null || json.isEmpty() || json.equals("[]")) {
      return List.of();
    }
    JsonNode array;
    try {
      array = CanonicalJson.MAPPER.readTree(json);
    } catch (RuntimeException e) {
      return List.of(org.catalogengine.internal.stitching.ProcessingError.of("Error", "Stored errors are damaged"));
    }
    List<org.catalogengine.internal.stitching.ProcessingError> out = new ArrayList<>();
    for (JsonNode n : array) {
      if (n.isObject()) {
        out.add(new org.catalogengine.internal.stitching.ProcessingError(n.path("name").asString("Error"),
            n.path("message").asString(""), n.toString()));
      }
    }
    return out;
  }

  /** Tells the listener about committed changes (stitches and removals), in order; a failing listener is logged. */
  public void announce(List<StitchCommit> commits) {
    if (listener != CatalogListener.NONE) {
      notify(commits);
    }
  }

  private void notify(List<StitchCommit> commits) {
    for (StitchCommit c : commits) {
      try {
        if (c.finalJson() == null) {
          listener.removed(c.ref(), c.generation());
        } else {
          listener.upserted(Entity.parse(c.finalJson()), c.generation());
        }
      } catch (RuntimeException e) {
        LOG.warn("Catalog listener {} failed on {} (generation {}); stitching continues",
            listener.getClass().getName(), c.ref(), c.generation(), e);
      }
    }
  }

  /** Deletes orphans round by round (O4, transitive) until none is left; returns how many were deleted. */
  public int deleteOrphans() {
    int total = 0;
    for (int round = 0; round < 100; round++) {
      List<StitchCommit> deleted = store.deleteOrphans(1_000);
      if (deleted.isEmpty()) {
        break;
      }
      LOG.info("Deleted {} orphaned entities (O4), e.g. {}", deleted.size(), deleted.get(0).ref());
      total += deleted.size();
      if (listener != CatalogListener.NONE) {
        notify(deleted);
      }
    }
    return total;
  }

  // metrics (issue 4): declared last so the loop's own code stays untouched above
  private final EngineCounters counters = new EngineCounters();

  /** The loop's cumulative counters. */
  EngineCounters counters() {
    return counters;
  }

  /** Deletes one entity by uid (R9, O6) and announces the removal; false when the uid is unknown. */
  public boolean deleteEntityByUid(String uid) {
    java.util.Optional<StitchCommit> removed = store.deleteEntityByUid(uid);
    removed.ifPresent(c -> {
      LOG.info("Deleted {} (uid {}) on request (R9); its parents are due now (O6)", c.ref(), uid);
      notify(List.of(c));
    });
    return removed.isPresent();
  }
}
