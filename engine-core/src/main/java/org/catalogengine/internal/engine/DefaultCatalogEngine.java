package org.catalogengine.internal.engine;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.catalogengine.CatalogEngine;
import org.catalogengine.CatalogListener;
import org.catalogengine.LocationService;
import org.catalogengine.OrphanProviderStrategy;
import org.catalogengine.OrphanStrategy;
import org.catalogengine.internal.processing.ProcessingPipeline;
import org.catalogengine.model.Entity;
import org.catalogengine.model.EntityRef;
import org.catalogengine.spi.provider.EntityProvider;
import org.catalogengine.spi.storage.CatalogStore;
import org.catalogengine.spi.storage.MutationResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: orphaned-provider cleanup, provider connections, and the workers (processing, stitching, orphan
 * cleanup) that {@link #start()} runs and {@link #runUntilIdle()} drives synchronously.
 */
public final class DefaultCatalogEngine implements CatalogEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultCatalogEngine.class);
  private static final Duration ORPHAN_PERIOD = Duration.ofSeconds(30);
  private static final int PAGE = 500;
  /**
   * While processing works through a burst (grown claims of entities processed for the first time,
   * {@link EngineLoop#processingBurst()}), stitching waits (DESIGN decision 4): a stitch made now is made again when
   * a later batch adds a relation to the same entity (a first load of 100,000 entities stitched 130,000 times). It
   * waits at most this long at a time, so entities keep becoming visible during a long burst.
   */
  private static final Duration MAX_STITCH_DEFERRAL = Duration.ofSeconds(10);
  /**
   * The longest processing claims wait at a time for a change's stitches ({@link EngineLoop#changeBeingStitched()}):
   * a change of 2,000 entities is stitched in about 1.5 s on two cores.
   */
  private static final Duration MAX_PROCESSING_DEFERRAL = Duration.ofSeconds(5);
  /** How long after a burst batch processing counts as busy (a partial batch ends the burst at once). */
  private static final long BUSY_WINDOW_NANOS = Duration.ofSeconds(1).toNanos();
  /** How long a deferring worker sleeps before it looks again. */
  private static final long DEFER_SLEEP_MILLIS = 25;

  /** The loop options collected by the builder. */
  public record Options(ProcessingPipeline pipeline, CatalogListener listener, @Nullable Executor executor,
      Duration processingInterval, Duration pollInterval, int processingBatch, int stitchBatch,
      int processingWorkers, int stitchWorkers, OrphanStrategy orphanStrategy, boolean backgroundWorkers) {}

  private final CatalogStore store;
  private final List<EntityProvider> providers;
  private final LocationStoreProvider locations;
  private final OrphanProviderStrategy orphanProviderStrategy;
  private final InstantSource clock;
  private final Options options;
  private final EngineLoop loop;
  private final Object signal = new Object();
  private boolean connected;
  private volatile boolean running;
  /** Processing batches written, and how many had been written when the last orphan cleanup started. */
  private final java.util.concurrent.atomic.AtomicLong batchesWritten = new java.util.concurrent.atomic.AtomicLong(1);
  private volatile long batchesAtOrphanCheck;
  /**
   * Worker steps running now. A step's listener calls and counters follow its commit, so the store can look idle
   * while the last stitch batch is still being announced; awaitIdle waits for these too.
   */
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
  private volatile long lastOrphanCheck;
  /** Stitching's wait for a burst of processing. */
  private final Deferral stitchDeferral = new Deferral(MAX_STITCH_DEFERRAL);
  /** Processing's wait for a change's stitches. */
  private final Deferral processingDeferral = new Deferral(MAX_PROCESSING_DEFERRAL);
  private @Nullable ExecutorService ownExecutor;
  private @Nullable CountDownLatch workersDone;

  public DefaultCatalogEngine(CatalogStore store, List<EntityProvider> providers, LocationStoreProvider locations,
      OrphanProviderStrategy orphanProviderStrategy, InstantSource clock, Options options) {
    this.store = store;
    this.providers = List.copyOf(providers);
    this.locations = locations;
    this.orphanProviderStrategy = orphanProviderStrategy;
    this.clock = clock;
    this.options = options;
    // a distinct owner per engine instance, so leases tell nodes apart in diagnostics
    String owner = "engine-" + Long.toHexString(System.identityHashCode(this)) + "-"
        + Long.toHexString(System.nanoTime() & 0xffffff);
    Duration lease = options.processingInterval().compareTo(Duration.ofMinutes(2)) > 0
        ? options.processingInterval() : Duration.ofMinutes(2);
    this.loop = new EngineLoop(store, options.pipeline(), options.listener(), new EngineLoop.Settings(
        options.processingInterval(), options.processingBatch(), options.stitchBatch(), lease,
        Duration.ofSeconds(60), owner));
    locations.connectTo(this::wake, loop::announce);
  }

  @Override
  public synchronized void start() {
    connect();
    if (running || !options.backgroundWorkers()) {
      return;
    }
    running = true;
    int workers = options.processingWorkers() + options.stitchWorkers();
    Executor executor = options.executor();
    if (executor == null) {
      AtomicInteger n = new AtomicInteger();
      ownExecutor = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "catalog-worker-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      executor = ownExecutor;
    }
    CountDownLatch done = new CountDownLatch(workers);
    workersDone = done;
    for (int i = 0; i < options.processingWorkers(); i++) {
      executor.execute(worker("processing", done, this::processingStep));
    }
    for (int i = 0; i < options.stitchWorkers(); i++) {
      executor.execute(worker("stitching", done, this::stitchingStep));
    }
  }

  /** Connects the providers once (P9 cleanup first). */
  private synchronized void connect() {
    if (connected) {
      return;
    }
    Set<String> configured = new TreeSet<>();
    providers.forEach(p -> configured.add(p.name()));
    for (String source : store.sourceKeys()) {
      if (configured.contains(source)) {
        continue;
      }
      if (orphanProviderStrategy == OrphanProviderStrategy.DELETE) {
        MutationResult r = store.deleteBucket(source);
        loop.announce(r.removals());
        LOG.info("Removed the bucket of provider '{}', which is no longer configured: {} entities deleted (P9)",
            source, r.deleted());
      } else {
        LOG.info("Keeping the bucket of provider '{}', which is no longer configured (orphanProviderStrategy KEEP)",
            source);
      }
    }
    for (EntityProvider p : providers) {
      try {
        p.connect(new StoreConnection(p.name(), store, this::wake, loop::announce));
      } catch (RuntimeException e) {
        LOG.error("Provider '{}' ({}) failed to connect; the other providers are unaffected", p.name(),
            p.getClass().getName(), e);
      }
    }
    connected = true;
  }

  /**
   * One processing step: batch after batch while entities are due (each write claims the next batch) and the
   * engine runs; when there is nothing to process, the orphan cleanup's turn (O4).
   */
  private int processingStep() {
    if (processingDeferred(System.nanoTime())) {
      return deferredStep();
    }
    int n = loop.processWhile(() -> running && !processingDeferred(System.nanoTime()), () -> {
      batchesWritten.incrementAndGet();
      wake();
    });
    if (n > 0) {
      return n;
    }
    if (options.orphanStrategy() == OrphanStrategy.DELETE
        && (orphansDirty() || clock.millis() - lastOrphanCheck >= ORPHAN_PERIOD.toMillis())) {
      synchronized (this) {
        long stamp = batchesWritten.get();
        lastOrphanCheck = clock.millis();
        int deleted = loop.deleteOrphans();
        // only now is the cleanup done for every batch written before it started (awaitIdle waits for this)
        batchesAtOrphanCheck = stamp;
        return deleted;
      }
    }
    return 0;
  }

  /**
   * One stitching step (batch after batch while requests are due, the engine runs and processing is in no burst),
   * unless processing is in a burst and stitching has not yet waited its longest; then a short sleep and -1 (look
   * again without pausing).
   */
  private int stitchingStep() {
    if (stitchingDeferred(System.nanoTime())) {
      return deferredStep();
    }
    return loop.stitchWhile(() -> running && !stitchingDeferred(System.nanoTime()));
  }

  /**
   * Whether stitching waits now: processing is in a burst (a burst batch is being processed or was written within
   * the busy window) and stitching has not yet waited its longest.
   */
  private boolean stitchingDeferred(long now) {
    return stitchDeferral.holds(loop.processingBurst() || now - loop.lastBurstAt() < BUSY_WINDOW_NANOS, now);
  }

  /**
   * Whether processing claims wait now: a change's own stitches are being loaded, stitched or written
   * ({@link EngineLoop#changeBeingStitched()}) and processing has not yet waited its longest.
   */
  private boolean processingDeferred(long now) {
    return processingDeferral.holds(loop.changeBeingStitched(), now);
  }

  /** A deferred step: a short sleep, then -1 (look again without pausing). */
  private int deferredStep() {
    try {
      Thread.sleep(DEFER_SLEEP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
    return -1;
  }

  private boolean orphansDirty() {
    return batchesWritten.get() > batchesAtOrphanCheck;
  }

  private Runnable worker(String name, CountDownLatch done, java.util.function.IntSupplier step) {
    return () -> {
      try {
        while (running) {
          int n;
          inFlight.incrementAndGet();
          try {
            n = step.getAsInt();
          } catch (RuntimeException e) {
            LOG.warn("The {} worker's step failed; retrying after the poll interval", name, e);
            n = 0;
          } finally {
            inFlight.decrementAndGet();
          }
          if (n == 0) {
            pause();
          }
        }
      } finally {
        done.countDown();
      }
    };
  }

  private void pause() {
    synchronized (signal) {
      if (!running) {
        return;
      }
      try {
        signal.wait(Math.max(1, options.pollInterval().toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  @Override
  public void stop() {
    CountDownLatch done;
    ExecutorService own;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      done = workersDone;
      own = ownExecutor;
      ownExecutor = null;
    }
    wake();
    try {
      if (done != null && !done.await(60, TimeUnit.SECONDS)) {
        LOG.warn("Catalog workers did not stop within 60 s; their leases expire and others take over");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (own != null) {
      own.shutdown();
    }
  }

  @Override
  public long runUntilIdle() {
    connect();
    long work = 0;
    while (true) {
      // process everything due before stitching: requests for hot entities (a group gaining members in
      // every batch) coalesce into one stitch (T7, DESIGN decision 4)
      long processed = 0;
      for (int n; (n = loop.processOnce()) > 0; ) {
        processed += n;
      }
      long stitched = 0;
      for (int n; (n = loop.stitchOnce()) > 0; ) {
        stitched += n;
      }
      work += processed + stitched;
      if (processed == 0 && stitched == 0) {
        int deleted = options.orphanStrategy() == OrphanStrategy.DELETE ? loop.deleteOrphans() : 0;
        if (deleted == 0) {
          return work;
        }
      }
    }
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (inFlight.get() == 0 && store.idle() && inFlight.get() == 0
          && !(options.orphanStrategy() == OrphanStrategy.DELETE && orphansDirty() && running)) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      synchronized (signal) {
        try {
          signal.wait(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }

  @Override
  public Optional<Entity> entity(EntityRef ref) {
    return store.finalEntity(ref);
  }

  @Override
  public Stream<Entity> entities() {
    Iterator<Entity> pages = new Iterator<>() {
      private List<Entity> page = List.of();
      private int index;
      private @Nullable EntityRef after;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        if (index < page.size()) {
          return true;
        }
        if (exhausted) {
          return false;
        }
        page = new ArrayList<>(store.finalEntities(after, PAGE));
        index = 0;
        exhausted = page.size() < PAGE;
        if (!page.isEmpty()) {
          after = page.get(page.size() - 1).ref();
        }
        return !page.isEmpty();
      }

      @Override
      public Entity next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.get(index++);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public LocationService locations() {
    return locations;
  }

  @Override
  public CatalogStore store() {
    return store;
  }

  @Override
  public org.catalogengine.EngineMetrics metrics() {
    return loop.counters().snapshot(store.queueStatistics(clock.instant()));
  }

  @Override
  public boolean deleteEntityByUid(String uid) {
    boolean deleted = loop.deleteEntityByUid(uid);
    if (deleted) {
      wake(); // the parents and relation peers are due now
    }
    return deleted;
  }
}
