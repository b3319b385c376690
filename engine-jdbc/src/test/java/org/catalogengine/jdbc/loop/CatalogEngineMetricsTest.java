package org.catalogengine.jdbc.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.catalogengine.jdbc.loop.LoopEntities.component;
import static org.catalogengine.jdbc.loop.LoopEntities.group;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.catalogengine.CatalogEngine;
import org.catalogengine.EngineMetrics;
import org.catalogengine.OrphanStrategy;
import org.catalogengine.error.InputException;
import org.catalogengine.jdbc.testing.Backend;
import org.catalogengine.jdbc.testing.StoreTestBase;
import org.catalogengine.micrometer.CatalogEngineMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Micrometer binder reads the engine's metrics, and a scrape of every meter queries the store once. */
class CatalogEngineMetricsTest extends StoreTestBase {

  final LoopEntities.TestProvider provider = new LoopEntities.TestProvider();
  final MeterRegistry registry = new SimpleMeterRegistry();
  CountingStore counting;
  CatalogEngine engine;

  @Override
  protected Backend backend() {
    return Backend.SQLITE;
  }

  @BeforeEach
  void bind() {
    counting = new CountingStore(store);
    engine = CatalogEngine.builder()
        .store(counting)
        .provider(provider)
        .processors(new LoopEntities.Breaker())
        .allowAllKinds()
        .orphanStrategy(OrphanStrategy.KEEP)
        .clock(clock)
        .backgroundWorkers(false)
        .build();
    new CatalogEngineMetrics(engine, Duration.ofSeconds(1), clock).bindTo(registry);
    engine.runUntilIdle();
  }

  /** Reads every meter, as a scrape does. */
  private void scrape() {
    for (Meter meter : registry.getMeters()) {
      meter.measure().forEach(m -> m.getValue());
    }
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private double count(String name, String outcome) {
    return registry.get(name).tag("outcome", outcome).functionCounter().count();
  }

  @Test
  void gauges_readTheQueueFiguresOfTheEngine() {
    provider.full(component("a", "team-a"), component("b", "team-a"), group("team-a"));
    clock.advance(Duration.ofSeconds(30));

    assertThat(gauge("catalog.processing.queue.depth")).isEqualTo(3);
    assertThat(gauge("catalog.entities")).isEqualTo(3);
    assertThat(gauge("catalog.processing.leased")).isZero();
    assertThat(registry.get("catalog.processing.queue.delay").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(30);
    assertThat(gauge("catalog.stitch.queue.depth")).isZero();
  }

  @Test
  void countersAndTimers_followTheRuns() {
    provider.full(component("a", "team-a"), component("broken", "team-a"), group("team-a"));
    engine.runUntilIdle();
    clock.advance(Duration.ofSeconds(1)); // past the cache

    assertThat(count("catalog.processing.entities", "changed")).isEqualTo(2);
    assertThat(count("catalog.processing.entities", "failed")).isEqualTo(1);
    assertThat(count("catalog.processing.entities", "unchanged")).isZero();
    assertThat(count("catalog.stitch.entities", "changed")).isEqualTo(3);
    assertThat(count("catalog.stitch.entities", "failed")).isZero();
    assertThat(registry.get("catalog.processing.batch.duration").functionTimer().count()).isEqualTo(1);
    assertThat(registry.get("catalog.stitch.batch.duration").functionTimer().count())
        .isEqualTo(engine.metrics().stitchBatches().count());
    assertThat(gauge("catalog.processing.queue.depth")).isZero();
  }

  @Test
  void scrape_queriesTheStoreOncePerCachePeriod() {
    int before = counting.queueQueries.get();

    scrape();
    assertThat(registry.getMeters()).hasSizeGreaterThan(10);
    assertThat(counting.queueQueries.get() - before).as("one query for the whole scrape").isEqualTo(1);

    clock.advance(Duration.ofMillis(999));
    scrape();
    assertThat(counting.queueQueries.get() - before).as("still cached").isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    scrape();
    assertThat(counting.queueQueries.get() - before).as("the cache expired").isEqualTo(2);
  }

  @Test
  void cachedValues_lagAtMostOneCachePeriod() {
    scrape();
    provider.full(component("a", "team-a"));

    assertThat(gauge("catalog.processing.queue.depth")).as("cached").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(gauge("catalog.processing.queue.depth")).isEqualTo(1);
  }

  @Test
  void negativeCachePeriod_isRejected() {
    assertThatThrownBy(() -> new CatalogEngineMetrics(engine, Duration.ofSeconds(-1), clock))
        .isInstanceOf(InputException.class).hasMessageContaining("cacheFor");
  }

  @Test
  void readmeExample_isItKeepingUp() {
    provider.full(component("a", "team-a"), group("team-a"));
    MeterRegistry registry = new SimpleMeterRegistry();

    // README "Is it keeping up?"
    EngineMetrics m = engine.metrics();
    String status = m.processingQueueDepth() + " entities due, the oldest for " + m.processingQueueDelay()
        + "; " + m.stitchQueueDepth() + " stitches due; " + m.processingFailures() + " failed runs";
    new CatalogEngineMetrics(engine).bindTo(registry);      // gauges, counters and timers named catalog.*

    assertThat(status).isEqualTo("2 entities due, the oldest for PT0S; 0 stitches due; 0 failed runs");
    assertThat(registry.get("catalog.processing.queue.depth").gauge().value()).isEqualTo(2);
  }
}
