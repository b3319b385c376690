package org.catalogengine.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.catalogengine.CatalogEngine;
import org.catalogengine.EngineMetrics;
import org.catalogengine.error.InputException;
import org.jspecify.annotations.Nullable;

/**
 * Publishes a {@link CatalogEngine}'s {@link EngineMetrics} to a Micrometer registry. Micrometer is an optional
 * dependency of engine-core: only this class uses it, so the engine runs without it on the classpath.
 *
 * <pre>{@code
 * new CatalogEngineMetrics(engine).bindTo(registry);
 * }</pre>
 *
 * <p>Meters (all names prefixed {@code catalog.}):
 * <ul>
 *   <li>{@code processing.queue.depth}, {@code processing.leased}, {@code entities}, {@code stitch.queue.depth}:
 *       gauges;
 *   <li>{@code processing.queue.delay}, {@code stitch.queue.delay}: time gauges, the age of the oldest due item;
 *   <li>{@code processing.entities} and {@code stitch.entities}: function counters tagged
 *       {@code outcome=changed|unchanged|failed};
 *   <li>{@code processing.batch.duration}, {@code stitch.batch.duration}: function timers (count and total),
 *       with time gauges {@code processing.batch.duration.max} and {@code stitch.batch.duration.max}.
 * </ul>
 *
 * <p>One scrape reads every meter; the snapshot (and so the store query behind it) is cached for a short time
 * (default one second), so a scrape queries the store once instead of once per meter. The meters hold the
 * engine weakly, as Micrometer does; the engine must stay referenced by the application.
 *
 * <p>Thread-safe.
 *
 * @since 0.1 (experimental)
 */
public final class CatalogEngineMetrics implements MeterBinder {
  private final CatalogEngine engine;
  private final long cacheNanos;
  private final InstantSource clock;
  private @Nullable Cached cached;

  private record Cached(EngineMetrics metrics, Instant until) {}

  /** Binds {@code engine}'s metrics, cached for one second per scrape. */
  public CatalogEngineMetrics(CatalogEngine engine) {
    this(engine, Duration.ofSeconds(1), InstantSource.system());
  }

  /**
   * Binds {@code engine}'s metrics, each snapshot reused for {@code cacheFor} as measured by {@code clock}.
   *
   * @throws InputException if {@code cacheFor} is negative (zero disables the cache)
   */
  public CatalogEngineMetrics(CatalogEngine engine, Duration cacheFor, InstantSource clock) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (cacheFor == null || cacheFor.isNegative()) {
      throw new InputException("CatalogEngineMetrics cacheFor must be zero or positive, got " + cacheFor);
    }
    this.cacheNanos = cacheFor.toNanos();
  }

  /** The engine's metrics, fresh or at most {@code cacheFor} old. */
  public synchronized EngineMetrics snapshot() {
    Instant now = clock.instant();
    Cached c = cached;
    if (c == null || !now.isBefore(c.until())) {
      c = new Cached(engine.metrics(), now.plusNanos(cacheNanos));
      cached = c;
    }
    return c.metrics();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "catalog.processing.queue.depth", "Entities due for processing and not leased",
        EngineMetrics::processingQueueDepth);
    gauge(registry, "catalog.processing.leased", "Entities being processed (live lease), on any node",
        EngineMetrics::processingLeased);
    gauge(registry, "catalog.entities", "Entities the store knows", EngineMetrics::entities);
    gauge(registry, "catalog.stitch.queue.depth", "Stitch requests due now", EngineMetrics::stitchQueueDepth);
    timeGauge(registry, "catalog.processing.queue.delay", "How long the oldest due entity has been due",
        m -> m.processingQueueDelay().toNanos());
    timeGauge(registry, "catalog.stitch.queue.delay", "How long the oldest due stitch request has been due",
        m -> m.stitchQueueDelay().toNanos());

    String processing = "Processing runs of this engine by outcome";
    counter(registry, "catalog.processing.entities", "changed", processing, EngineMetrics::processingChanged);
    counter(registry, "catalog.processing.entities", "unchanged", processing, EngineMetrics::processingUnchanged);
    counter(registry, "catalog.processing.entities", "failed", processing, EngineMetrics::processingFailures);
    String stitch = "Stitch requests of this engine by outcome";
    counter(registry, "catalog.stitch.entities", "changed", stitch, EngineMetrics::stitchesWritten);
    counter(registry, "catalog.stitch.entities", "unchanged", stitch, EngineMetrics::stitchesUnchanged);
    counter(registry, "catalog.stitch.entities", "failed", stitch, EngineMetrics::stitchFailures);

    timer(registry, "catalog.processing.batch.duration", "Processing batches (claim, pipeline, write)",
        EngineMetrics::processingBatches);
    timer(registry, "catalog.stitch.batch.duration", "Stitch batches (claim, load, stitch, write)",
        EngineMetrics::stitchBatches);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<EngineMetrics> f) {
    // the engine is the weakly held state object; the function reads the cached snapshot
    Gauge.builder(name, engine, e -> f.applyAsLong(snapshot())).description(description).register(registry);
  }

  private void timeGauge(MeterRegistry registry, String name, String description,
      ToDoubleFunction<EngineMetrics> nanos) {
    TimeGauge.builder(name, engine, TimeUnit.NANOSECONDS, e -> nanos.applyAsDouble(snapshot()))
        .description(description).register(registry);
  }

  private void counter(MeterRegistry registry, String name, String outcome, String description,
      ToLongFunction<EngineMetrics> f) {
    FunctionCounter.builder(name, engine, e -> f.applyAsLong(snapshot()))
        .tag("outcome", outcome).description(description).register(registry);
  }

  private void timer(MeterRegistry registry, String name, String description,
      java.util.function.Function<EngineMetrics, EngineMetrics.Durations> durations) {
    FunctionTimer.builder(name, engine, e -> durations.apply(snapshot()).count(),
        e -> durations.apply(snapshot()).total().toNanos(), TimeUnit.NANOSECONDS)
        .description(description).register(registry);
    TimeGauge.builder(name + ".max", engine, TimeUnit.NANOSECONDS,
        e -> durations.apply(snapshot()).max().toNanos())
        .description(description + ": the longest").register(registry);
  }
}
